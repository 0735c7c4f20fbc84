"""Consultation services: the period, the public form (once per token), moderation for abuse
only, dispositions with reasons, grouping, the feedback report and the legality review."""

import datetime as dt

import pytest

from gongkai.consultations.models import Comment
from gongkai.consultations.services import comments as cs
from gongkai.consultations.services import consultations as svc
from gongkai.core.errors import AccessDenied, DomainError, InvalidTransition
from gongkai.core.models import AuditEntry

from .conftest import data

D = dt.date


def test_a_normative_draft_shorter_than_seven_working_days_needs_a_reason(users, at):
    at(D(2027, 3, 1))
    with pytest.raises(DomainError) as exc:
        svc.consultation_create(actor=users["drafter"], data=data(closes_on=D(2027, 3, 5)))
    assert "short_reason" in exc.value.fields
    c = svc.consultation_create(
        actor=users["drafter"],
        data=data(closes_on=D(2027, 3, 5), short_reason="落实上级部署，须于三月中旬前印发实施"),
    )
    assert c.short_reason


def test_bad_input_saves_nothing(users, at):
    at(D(2027, 3, 1))
    with pytest.raises(DomainError) as exc:
        svc.consultation_create(
            actor=users["drafter"], data=data(title="", draft_text="短", kind="x")
        )
    assert {"title", "draft_text", "kind"} <= set(exc.value.fields)
    assert not svc.Consultation.objects.exists()


def test_auditor_and_other_divisions_cannot_act(draft, users):
    with pytest.raises(AccessDenied):
        svc.consultation_open(actor=users["auditor"], consultation=draft)
    with pytest.raises(AccessDenied):
        svc.consultation_open(actor=users["drafter2"], consultation=draft)  # another division


def test_open_comment_dispose_and_publish_feedback(draft, users, at):
    head = users["head"]
    c = svc.consultation_open(actor=head, consultation=draft, today=D(2027, 3, 1))
    at(D(2027, 3, 3))
    first, created = cs.comment_submit(
        consultation=c,
        data=cs.CommentData(body="坚决反对第二条，额度太低，应当提高。"),
        token="tok-1",
    )
    again, created_again = cs.comment_submit(
        consultation=c,
        data=cs.CommentData(body="坚决反对第二条，额度太低，应当提高。"),
        token="tok-1",
    )
    assert created and not created_again and again.pk == first.pk
    spam, _ = cs.comment_submit(
        consultation=c,
        data=cs.CommentData(body="加微信秒批贷款 http://a.example http://b.example"),
        token="tok-2",
    )
    same, _ = cs.comment_submit(
        consultation=c,
        data=cs.CommentData(body="第二条额度太低。电话13812345678", author="王小红", consent=True),
        token="tok-3",
    )
    letter = cs.comment_enter(
        actor=users["drafter"],
        consultation=c,
        data=cs.CommentData(body="建议明确兑付时限。"),
        channel="letter",
        received_on=D(2027, 3, 2),
    )
    assert [x.number for x in c.comments.all()] == [1, 2, 3, 4]
    # Dissent cannot be withheld; only abuse can.
    with pytest.raises(DomainError, match="不同意见"):
        cs.comment_moderate(
            actor=users["drafter"], comment=first, accept=False, reason="dissent", note="反对"
        )
    cs.comment_moderate(
        actor=users["drafter"], comment=spam, accept=False, reason="advertising", note="贷款广告"
    )
    cs.comment_moderate(actor=users["drafter"], comment=first, accept=True)
    cs.comment_moderate(actor=users["drafter"], comment=same, accept=True)
    cs.comment_group(actor=users["drafter"], comment=same, lead_number=first.number)
    with pytest.raises(DomainError, match="理由"):
        cs.comment_dispose(
            actor=users["drafter"], comment=first, disposition="not_adopted", reason=""
        )
    cs.comment_dispose(
        actor=users["drafter"],
        comment=first,
        disposition="not_adopted",
        reason="财政承受能力有限，额度维持不变",
    )
    # Not before the period ends, and not before every comment is decided.
    with pytest.raises(DomainError, match="提前结束"):
        svc.consultation_close(actor=head, consultation=c, today=D(2027, 3, 31))
    assert svc.consultations_close_due(D(2027, 4, 1)) == 1
    c.refresh_from_db()
    with pytest.raises(DomainError, match="未作处理"):
        svc.consultation_publish_feedback(
            actor=head, consultation=c, summary="共收到意见四条，逐条研究如下。"
        )
    cs.comment_dispose(actor=users["drafter"], comment=letter, disposition="adopted", reason="")
    c = svc.consultation_publish_feedback(
        actor=head, consultation=c, summary="共收到意见四条，逐条研究如下。", today=D(2027, 4, 10)
    )
    summary = svc.summary_of(c)
    assert summary.total == 3 and summary.withheld == {"advertising": 1}
    assert summary.by_disposition == {"adopted": 1, "partly": 0, "not_adopted": 2}
    with pytest.raises(DomainError, match="已公布"):
        cs.comment_dispose(
            actor=users["drafter"], comment=letter, disposition="not_adopted", reason="改变主意了啊"
        )
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "consultations.open",
        "consultations.comment_submit",
        "consultations.comment_dispose",
        "consultations.close",
        "consultations.publish_feedback",
    } <= actions


def test_the_public_form_refuses_before_and_after_the_period(draft, users, at):
    c = svc.consultation_open(actor=users["head"], consultation=draft, today=D(2027, 3, 1))
    at(D(2027, 4, 1))
    with pytest.raises(DomainError, match="截止"):
        cs.comment_submit(
            consultation=c, data=cs.CommentData(body="迟到的意见，请考虑。"), token="late"
        )
    assert not Comment.objects.exists()


def test_cannot_open_with_a_start_in_the_past(draft, users):
    with pytest.raises(DomainError, match="已过"):
        svc.consultation_open(actor=users["head"], consultation=draft, today=D(2027, 3, 5))
    with pytest.raises(InvalidTransition):
        svc.consultation_close(actor=users["head"], consultation=draft, today=D(2027, 5, 1))


def test_major_decision_legality_review_needs_the_feedback_report(users, at):
    from gongkai.documents.models import Document
    from gongkai.documents.services import chain
    from gongkai.documents.services.records import DocumentData, document_create

    at(D(2027, 3, 1))
    doc = document_create(
        actor=users["drafter"],
        data=DocumentData(
            title="示例市促进科技成果转化若干措施",
            issuers="示例市科学技术局",
            genre="意见",
            written_date=D(2027, 3, 1),
            body="一、总体要求。",
            disclosure="proactive",
            is_major_decision=True,
        ),
    ).document
    chain.document_submit(actor=users["drafter"], document=doc)
    chain.document_head_approve(actor=users["head"], document=doc)
    with pytest.raises(InvalidTransition, match="征求意见采纳情况反馈"):
        chain.document_legality_approve(actor=users["legal"], document=doc)
    c = svc.consultation_create(
        actor=users["drafter"], data=data(kind="major_decision", closes_on=D(2027, 4, 1))
    )
    svc.consultation_link_document(actor=users["drafter"], consultation=c, document_id=doc.pk)
    svc.consultation_open(actor=users["head"], consultation=c, today=D(2027, 3, 1))
    svc.consultation_close(actor=users["head"], consultation=c, today=D(2027, 4, 2))
    with pytest.raises(InvalidTransition, match="意见处理中"):
        chain.document_legality_approve(actor=users["legal"], document=doc)
    svc.consultation_publish_feedback(
        actor=users["head"], consultation=c, summary="征求意见期间未收到意见。"
    )
    chain.document_legality_approve(actor=users["legal"], document=doc)
    assert Document.objects.get(pk=doc.pk).status == "confidentiality_review"
