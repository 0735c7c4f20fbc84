"""Service tests: the record, the review chain, the checks, publication."""

import datetime as dt

import pytest
import time_machine

from gongkai.core.errors import AccessDenied, InvalidTransition
from gongkai.core.identifiers import resident_id_check_char
from gongkai.core.models import AuditEntry
from gongkai.documents.models import Disclosure, Document, DocumentEvent, NondisclosureReason
from gongkai.documents.services import DocumentInputError, chain
from gongkai.documents.services.records import document_update

from .conftest import make_data

pytestmark = pytest.mark.django_db


@time_machine.travel(dt.datetime(2026, 11, 26, 10, 0), tick=False)
def test_index_number_follows_department_pattern_and_is_sequential(draft, bureau):
    a, b = draft(), draft(title="第二份")
    assert a.index_number == "MB1234567/2026-00001"
    assert b.index_number == "MB1234567/2026-00002"
    bureau.index_pattern = "{prefix}-{year}-{seq:04d}"
    bureau.save()
    assert draft(title="第三份").index_number == "MB1234567-2026-0003"


def test_doc_number_is_normalised_and_unique(draft):
    doc = draft(doc_number="示科发[2026]5号")
    assert doc.doc_number == "示科发〔2026〕5号"
    with pytest.raises(DocumentInputError) as exc:
        draft(doc_number="示科发（2026）5号", title="另一份")
    assert "已被《" in exc.value.fields["doc_number"][0]
    with pytest.raises(DocumentInputError) as exc:
        draft(doc_number="示科发2026年5号")
    assert "〔年份〕" in exc.value.fields["doc_number"][0]


def test_publish_date_before_written_date_is_refused(draft):
    with pytest.raises(DocumentInputError) as exc:
        draft(written_date=dt.date(2026, 5, 2), publish_date=dt.date(2026, 5, 1))
    assert "早于成文日期" in exc.value.fields["publish_date"][0]
    assert not Document.objects.exists()


def test_non_public_attribute_needs_a_reason(draft):
    with pytest.raises(DocumentInputError) as exc:
        draft(disclosure=Disclosure.NOT_PUBLIC)
    assert "法定理由" in exc.value.fields["nondisclosure_reason"][0]
    with pytest.raises(DocumentInputError) as exc:
        draft(disclosure=Disclosure.NOT_PUBLIC, nondisclosure_reason=NondisclosureReason.OTHER)
    assert "法律法规依据" in exc.value.fields["nondisclosure_note"][0]
    doc = draft(
        disclosure=Disclosure.ON_REQUEST, nondisclosure_reason=NondisclosureReason.PROCESS_INFO
    )
    assert doc.get_nondisclosure_reason_display() == "属于四类过程性信息"


def test_script_and_style_are_stripped_and_reported(users):
    from gongkai.documents.services.records import document_create

    result = document_create(
        actor=users["drafter"],
        data=make_data(
            body='<p onclick="x()">正文</p><script>alert(1)</script><style>p{}</style><a href="javascript:evil()">链接</a>'
        ),
    )
    body = result.document.body
    assert "<script" not in body and "onclick" not in body and "javascript:" not in body
    assert "<style" not in body
    assert "正文" in body
    assert "脚本（script）" in result.removed and "事件属性（如 onclick）" in result.removed


def test_document_without_disclosure_attribute_cannot_be_submitted(draft, users):
    doc = draft(disclosure="")
    with pytest.raises(InvalidTransition, match="未标注公开属性"):
        chain.document_submit(actor=users["drafter"], document=doc)
    doc.refresh_from_db()
    assert doc.status == "draft"


def test_office_returns_a_document_that_lost_its_attribute(draft, users, walk):
    doc = walk(draft(), until="confidentiality_approve")
    Document.objects.filter(pk=doc.pk).update(disclosure="")  # e.g. edited outside the chain
    with pytest.raises(InvalidTransition, match="办公室对未标注公开属性的公文予以退文"):
        chain.document_sign_off(actor=users["office"], document=doc)


def test_full_chain_for_normative_document_with_return(
    draft, users, walk, django_capture_on_commit_callbacks
):
    doc = draft(is_normative=True, doc_number="示科规〔2026〕1号")
    chain.document_submit(actor=users["drafter"], document=doc)
    chain.document_head_approve(actor=users["head"], document=doc)
    doc.refresh_from_db()
    assert doc.status == "legality_review"
    # 退文 from the legality review, with a reason the drafter sees.
    chain.document_return(actor=users["legal"], document=doc, reason="第三条缺少上位法依据。")
    doc.refresh_from_db()
    assert doc.status == "returned" and doc.return_reason == "第三条缺少上位法依据。"
    document_update(
        actor=users["drafter"],
        document=doc,
        data=make_data(
            is_normative=True,
            doc_number="示科规〔2026〕1号",
            body="<p>依据《科学技术进步法》……</p>",
        ),
    )
    with django_capture_on_commit_callbacks(execute=True):
        walk(doc)
    doc.refresh_from_db()
    assert doc.status == "published"
    assert doc.publish_date is not None and doc.cleanup_due is not None
    labels = list(doc.events.values_list("label", flat=True))
    assert "退文" in labels and labels[-1] == "办公室签发"
    actions = set(AuditEntry.objects.filter(object_id=str(doc.pk)).values_list("action", flat=True))
    assert {
        "documents.submit",
        "documents.return",
        "documents.legality_approve",
        "documents.sign_off",
    } <= actions


def test_non_normative_document_skips_legality_review(draft, users):
    doc = draft()
    chain.document_submit(actor=users["drafter"], document=doc)
    chain.document_head_approve(actor=users["head"], document=doc)
    doc.refresh_from_db()
    assert doc.status == "confidentiality_review"


def test_wrong_role_or_division_cannot_act(draft, users, bureau):
    doc = draft()
    with pytest.raises(InvalidTransition, match="起草中"):
        chain.document_head_approve(actor=users["head"], document=doc)
    chain.document_submit(actor=users["drafter"], document=doc)
    with pytest.raises(AccessDenied):
        chain.document_head_approve(actor=users["drafter"], document=doc)
    other = draft(user="drafter2", title="知识产权处的文件")
    with pytest.raises(AccessDenied, match="本处室"):
        chain.document_submit(actor=users["drafter"], document=other)
    with pytest.raises(AccessDenied):
        chain.document_return(actor=users["secrecy"], document=doc, reason="不是我的环节")


def test_returning_needs_a_reason(draft, users):
    doc = draft()
    chain.document_submit(actor=users["drafter"], document=doc)
    with pytest.raises(InvalidTransition, match="理由"):
        chain.document_return(actor=users["head"], document=doc, reason="  ")


def _personal_id() -> str:
    first = "52010219850101123"
    return first + resident_id_check_char(first)


def test_checks_block_confidentiality_approval_until_overridden(draft, users, walk):
    doc = draft(body=f"<p>联系人张三，身份证号{_personal_id()}，手机13912345678。</p>")
    walk(doc, until="head_approve")
    doc.refresh_from_db()
    kinds = {f["kind"] for f in doc.check_findings}
    assert {"id_number", "phone"} <= kinds
    with pytest.raises(InvalidTransition, match="疑似涉密标志或个人信息"):
        chain.document_confidentiality_approve(actor=users["secrecy"], document=doc)
    with pytest.raises(InvalidTransition, match="至少6个字"):
        chain.document_override_checks(actor=users["secrecy"], document=doc, reason="可以")
    with pytest.raises(AccessDenied):
        chain.document_override_checks(
            actor=users["office"], document=doc, reason="经核实为公开信息。"
        )
    chain.document_override_checks(
        actor=users["secrecy"], document=doc, reason="经核实，该人已书面同意公开其联系方式。"
    )
    chain.document_confidentiality_approve(actor=users["secrecy"], document=doc)
    doc.refresh_from_db()
    assert doc.status == "office_signoff"
    assert AuditEntry.objects.filter(
        action="documents.override_checks", object_id=str(doc.pk)
    ).exists()


def test_checks_resolved_by_fixing_the_text(draft, users, walk):
    doc = draft(body="<p>秘密★1年</p><p>内容</p>")
    walk(doc, until="head_approve")
    chain.document_return(
        actor=users["secrecy"], document=doc, reason="请删除密级标志，涉密文件不得公开。"
    )
    document_update(actor=users["drafter"], document=doc, data=make_data(body="<p>内容</p>"))
    doc.refresh_from_db()
    assert doc.check_findings == []
    walk(doc, until="confidentiality_approve")
    doc.refresh_from_db()
    assert doc.status == "office_signoff"


def test_filed_when_not_proactive(draft, walk):
    doc = walk(
        draft(
            disclosure=Disclosure.ON_REQUEST, nondisclosure_reason=NondisclosureReason.PROCESS_INFO
        )
    )
    assert doc.status == "filed" and doc.publish_date is None


def test_policy_needing_interpretation_waits_and_both_go_live_together(
    draft, users, walk, django_capture_on_commit_callbacks
):
    policy = walk(
        draft(needs_interpretation=True, title="示例市科技创新券管理办法", genre="办法"),
        until="confidentiality_approve",
    )
    with pytest.raises(InvalidTransition, match="需要解读"):
        chain.document_sign_off(actor=users["office"], document=policy)
    interp = draft(
        title="《示例市科技创新券管理办法》政策解读", genre="解读", interprets_id=policy.pk
    )
    walk(interp, until="confidentiality_approve")
    with django_capture_on_commit_callbacks(execute=True):
        live = chain.document_sign_off(actor=users["office"], document=interp)
    assert {d.pk for d in live} == {policy.pk, interp.pk}
    policy.refresh_from_db()
    interp.refresh_from_db()
    assert policy.status == interp.status == "published"
    assert policy.publish_date == interp.publish_date


def test_interpretation_cannot_be_published_alone(draft, users, walk):
    policy = draft(needs_interpretation=True, title="某办法", genre="办法")
    interp = walk(
        draft(title="某办法解读", genre="解读", interprets_id=policy.pk),
        until="confidentiality_approve",
    )
    with pytest.raises(InvalidTransition, match="解读不能单独发布"):
        chain.document_sign_off(actor=users["office"], document=interp)
    lone = draft(title="没有关联政策的解读", genre="解读")
    with pytest.raises(InvalidTransition, match="关联所解读的政策文件"):
        chain.document_submit(actor=users["drafter"], document=lone)


@time_machine.travel(dt.datetime(2026, 11, 26, 10, 0), tick=False)
def test_late_proactive_disclosure_is_flagged(draft, walk):
    on_time = walk(
        draft(title="按时", formed_date=dt.date(2026, 11, 2), written_date=dt.date(2026, 11, 2))
    )
    # 9 Oct 2026 (Fri): Sat 10 Oct is a make-up working day, so 35 working days to 26 Nov.
    late = walk(
        draft(title="迟了", formed_date=dt.date(2026, 10, 9), written_date=dt.date(2026, 10, 9))
    )
    assert on_time.disclosure_working_days == 18 and not on_time.published_late
    assert late.disclosure_working_days == 35 and late.published_late
    assert list(Document.objects.filter(published_late=True)) == [late]


def test_chain_history_is_recorded(draft, walk):
    doc = walk(draft())
    assert list(DocumentEvent.objects.filter(document=doc).values_list("action", flat=True)) == [
        "create",
        "submit",
        "head_approve",
        "confidentiality_approve",
        "sign_off",
    ]


@time_machine.travel(dt.datetime(2026, 11, 26, 10, 0), tick=False)
def test_entering_a_holiday_notice_recounts_disclosure_days(
    draft, walk, django_capture_on_commit_callbacks
):
    from gongkai.core.services.calendar import YearNotice, calendar_enter_year, package_notices

    doc = walk(draft(formed_date=dt.date(2026, 10, 26), written_date=dt.date(2026, 10, 26)))
    assert doc.disclosure_working_days == 23 and doc.published_late
    # Suppose the State Council declared 2-6 Nov 2026 days off: the count drops to 18.
    notice = next(n for n in package_notices() if n.year == 2026)
    off = dict(notice.off_days) | {dt.date(2026, 11, d): "示例假日" for d in range(2, 7)}
    with django_capture_on_commit_callbacks(execute=True):
        calendar_enter_year(
            actor=None, notice=YearNotice(2026, off, dict(notice.work_days), "测试")
        )
    doc.refresh_from_db()
    assert doc.disclosure_working_days == 18 and not doc.published_late


@time_machine.travel(dt.datetime(2026, 11, 26, 10, 0), tick=False)
def test_back_dated_publish_date_does_not_hide_lateness(draft, walk):
    doc = walk(
        draft(
            written_date=dt.date(2026, 9, 1),
            formed_date=dt.date(2026, 9, 1),
            publish_date=dt.date(2026, 9, 2),
        )
    )
    assert doc.publish_date == dt.date(2026, 9, 2)  # shown as entered (补录)
    assert doc.published_late and doc.disclosure_working_days > 20  # measured to 26 Nov
