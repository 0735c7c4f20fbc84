"""The review chain: one service per transition (table in gongkai.documents.domain.workflow)."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.errors import AccessDenied, InvalidTransition
from gongkai.core.models import User
from gongkai.core.permissions import (
    require_can_change_content,
    require_role,
    require_same_department,
    require_same_division,
)
from gongkai.core.services.calendar import get_calendar
from gongkai.documents import evidence
from gongkai.documents.domain import rules, workflow
from gongkai.documents.domain.workflow import Status
from gongkai.documents.models import Disclosure, Document, DocumentStatus, Genre
from gongkai.documents.services import effects
from gongkai.documents.services.records import add_event, refresh_checks, snapshot


def _begin(actor: User, document: Document, name: str) -> tuple[Document, workflow.Transition]:
    """Lock the row, then guard department, role, division scope and source state."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    require_same_department(actor, document.department_id, "公文")
    transition = workflow.TRANSITIONS[name]
    require_role(actor, *transition.roles)
    require_can_change_content(actor)
    if transition.own_division_only:
        require_same_division(actor, document.division_id)
    workflow.check_source(name, Status(document.status))
    return document, transition


def _move(
    actor: User | None,
    document: Document,
    target: Status,
    transition: workflow.Transition,
    note: str = "",
) -> None:
    before = snapshot(document)
    source = document.status
    document.status = target
    document.save()
    add_event(document, actor, transition.name, transition.label, before=source, note=note)
    audit.record(
        actor=actor,
        action=f"documents.{transition.name}",
        obj=document,
        before=before,
        after={**snapshot(document), "note": note},
    )


def disclosure_problem(document: Document) -> str | None:
    # 实施方案第1项：公文须源头认定公开属性；未标注的，办公室予以退文。
    if not document.disclosure:
        return "公文未标注公开属性（主动公开、依申请公开或不予公开），不能提交；请先在编辑页选择公开属性。"
    if document.disclosure != Disclosure.PROACTIVE and not document.nondisclosure_reason:
        return "公开属性为依申请公开或不予公开的公文须说明法定理由，请先补充理由。"
    return None


@transaction.atomic
def document_submit(*, actor: User, document: Document) -> Document:
    document, transition = _begin(actor, document, "submit")
    problems = [p for p in (disclosure_problem(document),) if p]
    if not document.written_date:
        problems.append("请填写成文日期。")
    if document.genre == Genre.INTERPRETATION and document.interprets_id is None:
        problems.append("解读须关联所解读的政策文件（解读不能单独发布）。")
    if problems:
        raise InvalidTransition(" ".join(problems))
    refresh_checks(document)
    document.return_reason = ""
    _move(actor, document, Status.DIVISION_REVIEW, transition)
    return document


@transaction.atomic
def document_head_approve(*, actor: User, document: Document, note: str = "") -> Document:
    document, transition = _begin(actor, document, "head_approve")
    target = workflow.after_division_review(
        is_normative=document.is_normative, is_major_decision=document.is_major_decision
    )
    _move(actor, document, target, transition, note)
    return document


@transaction.atomic
def document_legality_approve(*, actor: User, document: Document, note: str = "") -> Document:
    document, transition = _begin(actor, document, "legality_approve")
    absent = evidence.missing(document)
    if absent:
        raise InvalidTransition(
            "合法性审查缺少必备材料："
            + "；".join(f"{e.label}（{e.note}）" if e.note else e.label for e in absent)
            + "。"
        )
    _move(actor, document, Status.CONFIDENTIALITY_REVIEW, transition, note)
    return document


@transaction.atomic
def document_confidentiality_approve(
    *, actor: User, document: Document, note: str = ""
) -> Document:
    document, transition = _begin(actor, document, "confidentiality_approve")
    refresh_checks(document)
    if document.unresolved_findings:
        raise InvalidTransition(
            f"发布前自动检查发现 {len(document.check_findings)} 处疑似涉密标志或个人信息，"
            "须退文修改，或由保密审查人逐项核实后填写放行理由，方可通过。"
        )
    _move(actor, document, Status.OFFICE_SIGNOFF, transition, note)
    return document


@transaction.atomic
def document_override_checks(*, actor: User, document: Document, reason: str) -> Document:
    """The confidentiality reviewer releases the findings with a written reason (audited)."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    require_same_department(actor, document.department_id, "公文")
    require_role(actor, workflow.CONFIDENTIALITY_REVIEWER)
    if document.status != DocumentStatus.CONFIDENTIALITY_REVIEW:
        raise InvalidTransition("只有待保密审查的公文可以放行检查结果。")
    reason = reason.strip()
    if len(reason) < 6:
        raise InvalidTransition(
            "请写明放行理由（至少6个字），说明为何这些检查结果不构成泄密或个人信息泄露。"
        )
    if not document.check_findings:
        raise InvalidTransition("该公文没有需要放行的检查结果。")
    document.checks_override_reason = reason
    document.checks_overridden_by = actor
    document.save(update_fields=["checks_override_reason", "checks_overridden_by", "updated_at"])
    add_event(
        document, actor, "override_checks", "放行检查结果", before=document.status, note=reason
    )
    audit.record(
        actor=actor,
        action="documents.override_checks",
        obj=document,
        after={"reason": reason, "findings": document.check_findings},
    )
    return document


@transaction.atomic
def document_return(*, actor: User, document: Document, reason: str) -> Document:
    """退文: any review step sends the document back to the drafter with a reason."""
    document, transition = _begin(actor, document, "return")
    if not workflow.reviewer_may_return(Status(document.status), actor.role_set()):
        raise AccessDenied(
            f"公文处于“{document.get_status_display()}”环节，您不是该环节的审核人，不能退文。"
        )
    if document.status == DocumentStatus.DIVISION_REVIEW:
        require_same_division(actor, document.division_id)
    reason = reason.strip()
    if not reason:
        raise InvalidTransition("退文须填写理由，告诉经办人需要修改什么。")
    document.return_reason = reason
    _move(actor, document, Status.RETURNED, transition, reason)
    return document


def _publication_set(document: Document) -> list[Document]:
    """Documents that go live together: a policy and its interpretation(s) (实施方案第6项：
    政策文件与解读同步起草、同步审签、同步发布)."""
    ready = DocumentStatus.OFFICE_SIGNOFF
    if document.genre == Genre.INTERPRETATION:
        policy = document.interprets
        if policy is None:
            raise InvalidTransition("解读不能单独发布：请先关联所解读的政策文件。")
        if policy.status == DocumentStatus.PUBLISHED:
            return [document]
        if policy.status != ready:
            raise InvalidTransition(
                f"解读不能单独发布：所解读的《{policy.title}》当前为“{policy.get_status_display()}”，"
                "须待其也到达办公室签发环节后一同发布。"
            )
        return _with_interpretations(Document.objects.select_for_update().get(pk=policy.pk))
    return _with_interpretations(document)


def _with_interpretations(policy: Document) -> list[Document]:
    interpretations = list(
        policy.interpretations.select_for_update().exclude(status=DocumentStatus.WITHDRAWN)
    )
    ready = [i for i in interpretations if i.status == DocumentStatus.OFFICE_SIGNOFF]
    live = [i for i in interpretations if i.status == DocumentStatus.PUBLISHED]
    if (
        policy.needs_interpretation
        and policy.disclosure == Disclosure.PROACTIVE
        and not (ready or live)
    ):
        raise InvalidTransition(
            f"《{policy.title}》标注为“需要解读”，其解读尚未完成审核；政策文件与解读须同步发布，"
            "请待解读到达办公室签发环节后再签发。"
        )
    return [policy, *ready]


@transaction.atomic
def document_sign_off(
    *, actor: User, document: Document, today: dt.date | None = None
) -> list[Document]:
    """办公室签发: 主动公开 documents are published at once (same-day publication); the others
    are filed. Returns every document that went live in this publication."""
    document, transition = _begin(actor, document, "sign_off")
    problem = disclosure_problem(document)
    if problem:
        raise InvalidTransition(problem + "（办公室对未标注公开属性的公文予以退文。）")
    today = today or timezone.localdate()
    batch = _publication_set(document)
    for doc in batch:
        if doc.pk != document.pk:
            workflow.check_source("sign_off", Status(doc.status))
        _finish(actor, doc, transition, today)
    published = [d for d in batch if d.status == DocumentStatus.PUBLISHED]
    effects.document_changed(document.department, [d.pk for d in published])
    return published


def _finish(
    actor: User, document: Document, transition: workflow.Transition, today: dt.date
) -> None:
    proactive = document.disclosure == Disclosure.PROACTIVE
    target = workflow.after_sign_off(proactive=proactive)
    if proactive:
        record_publication(document, today)
    _move(actor, document, target, transition)


def record_publication(document: Document, today: dt.date) -> None:
    """Publication date and the 20-working-day measure (条例第二十六条).

    An earlier 发布日期 entered on the form (补录 of a document already issued through another
    channel) is kept as the displayed date, but lateness is always measured to the day the
    document actually went live here, so a back-dated entry cannot hide a late disclosure."""
    document.publish_date = (
        document.publish_date if document.publish_date and document.publish_date <= today else today
    )
    document.published_at = timezone.now()
    formed = document.formed_date or document.written_date or document.publish_date
    days = rules.disclosure_working_days(get_calendar(), formed, today)
    document.disclosure_working_days = days
    document.published_late = rules.is_late(days)
    if document.is_normative and document.cleanup_due is None:
        document.cleanup_due = rules.next_cleanup_date(document.publish_date)
