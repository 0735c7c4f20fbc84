"""The life of a consultation: drafted, opened, extended, closed, its feedback published."""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gongkai.consultations.domain import feedback, period, states
from gongkai.consultations.domain.states import Status
from gongkai.consultations.models import Comment, Consultation
from gongkai.consultations.services.common import (
    PUBLISH_ROLES,
    ConsultationError,
    minimum,
    published,
    require_editor,
    snapshot,
)
from gongkai.core import audit
from gongkai.core.dates import cn_date
from gongkai.core.models import Division, Role, User
from gongkai.core.participation import Moderation
from gongkai.core.permissions import (
    require_can_change_content,
    require_role,
    require_same_department,
    sees_all_divisions,
)
from gongkai.core.services.calendar import get_calendar

TEXT_LIMITS = {
    "title": ("征求意见稿名称", 4, 200),
    "background": ("起草背景", 10, 20000),
    "legal_basis": ("制定依据", 4, 5000),
    "explanation": ("起草说明", 10, 20000),
    "draft_text": ("征求意见稿全文", 20, 200000),
}


@dataclass
class ConsultationData:
    title: str
    kind: str
    background: str
    legal_basis: str
    explanation: str
    draft_text: str
    opens_on: dt.date
    closes_on: dt.date
    short_reason: str = ""
    contact: str = ""
    division_id: int | None = None


def _locked(consultation: Consultation) -> Consultation:
    return Consultation.objects.select_for_update().get(pk=consultation.pk)


def period_check(kind: str, opens_on: dt.date, closes_on: dt.date) -> period.PeriodCheck:
    try:
        return period.check_period(
            get_calendar(),
            opens_on,
            closes_on,
            minimum(kind),
            count_start_day=settings.WORKDAY_COUNT_RECEIPT_DAY,
        )
    except ValueError as exc:
        raise ConsultationError(str(exc), fields={"closes_on": str(exc)}) from None


def _validate(data: ConsultationData) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name, (label, low, high) in TEXT_LIMITS.items():
        value = getattr(data, name).strip()
        if len(value) < low:
            errors[name] = f"请填写{label}（至少{low}个字）。"
        elif len(value) > high:
            errors[name] = f"{label}不超过{high}字，当前{len(value)}字。"
    if data.kind not in period.Kind.__members__.values():
        errors["kind"] = "请选择文件类别：重大行政决策、规范性文件或其他。"
    if len(data.contact) > 300:
        errors["contact"] = "其他提交方式不超过300字。"
    if not errors:
        check = period_check(data.kind, data.opens_on, data.closes_on)
        problem = period.period_error(check, data.short_reason)
        if problem:
            errors["short_reason"] = problem
    return errors


def _apply(c: Consultation, data: ConsultationData) -> None:
    for name in TEXT_LIMITS:
        setattr(c, name, getattr(data, name).strip())
    c.kind = data.kind
    c.opens_on, c.closes_on = data.opens_on, data.closes_on
    check = period_check(data.kind, data.opens_on, data.closes_on)
    c.short_reason = data.short_reason.strip() if check.shorter else ""
    c.contact = data.contact.strip()


def _division(actor: User, division_id: int | None) -> Division:
    if division_id is None or not sees_all_divisions(actor):
        division = actor.division
    else:
        division = Division.objects.filter(pk=division_id, department=actor.department).first()
    if division is None:
        raise ConsultationError("请选择起草处室。", fields={"division_id": "请选择起草处室。"})
    return division


@transaction.atomic
def consultation_create(*, actor: User, data: ConsultationData) -> Consultation:
    require_role(actor, Role.DRAFTER, Role.DIVISION_HEAD, Role.PUBLISHER, Role.DISCLOSURE_HEAD)
    require_can_change_content(actor)
    if actor.department is None:
        raise ConsultationError("您的账号未分配机关，不能发起征求意见。")
    errors = _validate(data)
    if errors:
        raise ConsultationError(fields=errors)
    c = Consultation(
        department=actor.department, division=_division(actor, data.division_id), created_by=actor
    )
    _apply(c, data)
    c.save()
    audit.record(actor=actor, action="consultations.create", obj=c, after=snapshot(c))
    return c


@transaction.atomic
def consultation_update(
    *, actor: User, consultation: Consultation, data: ConsultationData
) -> Consultation:
    c = _locked(consultation)
    require_editor(actor, c)
    if c.status != Status.DRAFT:
        raise ConsultationError(
            "已发布的征求意见稿不能修改；如需延长期限，请使用“延长征求意见期限”。"
        )
    errors = _validate(data)
    if errors:
        raise ConsultationError(fields=errors)
    before = snapshot(c)
    _apply(c, data)
    if data.division_id and sees_all_divisions(actor):
        c.division = _division(actor, data.division_id)
    c.save()
    audit.record(
        actor=actor, action="consultations.update", obj=c, before=before, after=snapshot(c)
    )
    return c


def _move(actor: User | None, c: Consultation, name: str, **extra: object) -> None:
    before = snapshot(c)
    transition = states.check(name, c.status)
    if transition.target is not None:
        c.status = transition.target
    c.save()
    audit.record(
        actor=actor,
        action=f"consultations.{name}",
        obj=c,
        before=before,
        after={**snapshot(c), **extra},
    )


@transaction.atomic
def consultation_open(
    *, actor: User, consultation: Consultation, today: dt.date | None = None
) -> Consultation:
    """Publish the draft for comment. The period is checked again (a draft saved last month may
    no longer keep it), and it may not start in the past: the public gets the whole period."""
    c = _locked(consultation)
    require_editor(actor, c, PUBLISH_ROLES)
    today = today or timezone.localdate()
    states.check("open", c.status)
    if c.opens_on < today:
        raise ConsultationError(
            f"开始日期{cn_date(c.opens_on)}已过。请将开始日期改为今天或以后，并相应调整截止日期，"
            "以保证公众有完整的征求意见期限。"
        )
    check = period_check(c.kind, c.opens_on, c.closes_on)
    problem = period.period_error(check, c.short_reason)
    if problem:
        raise ConsultationError(problem)
    _move(actor, c, "open")
    published(c)
    return c


@transaction.atomic
def consultation_extend(
    *, actor: User, consultation: Consultation, closes_on: dt.date, reason: str
) -> Consultation:
    c = _locked(consultation)
    require_editor(actor, c, PUBLISH_ROLES)
    states.check("extend", c.status)
    if closes_on <= c.closes_on:
        raise ConsultationError(
            f"新的截止日期须晚于原截止日期{cn_date(c.closes_on)}。",
            fields={"closes_on": "新的截止日期须晚于原截止日期。"},
        )
    if len(reason.strip()) < 4:
        raise ConsultationError(
            "请说明延长理由（至少4个字）。", fields={"reason": "请说明延长理由（至少4个字）。"}
        )
    period_check(c.kind, c.opens_on, closes_on)
    old = c.closes_on
    c.closes_on = closes_on
    if not period_check(c.kind, c.opens_on, closes_on).shorter:
        c.short_reason = ""
    _move(actor, c, "extend", previous_closes_on=old, reason=reason.strip())
    published(c)
    return c


@transaction.atomic
def consultation_close(
    *, actor: User | None, consultation: Consultation, today: dt.date | None = None
) -> Consultation:
    """End the period (the daily job does this the day after the closing date)."""
    c = _locked(consultation)
    if actor is not None:
        require_editor(actor, c)
    today = today or timezone.localdate()
    states.check("close", c.status)
    if today <= c.closes_on:
        raise ConsultationError(
            f"征求意见截止日期为{cn_date(c.closes_on)}，期限届满前不能提前结束；"
            "确需终止的，请使用“终止征求意见”并说明理由。"
        )
    _move(actor, c, "close")
    published(c)
    return c


def consultations_close_due(today: dt.date) -> int:
    """The daily job: close every consultation whose closing date has passed."""
    due = Consultation.objects.filter(status=Status.OPEN, closes_on__lt=today)
    count = 0
    for c in due:
        consultation_close(actor=None, consultation=c, today=today)
        count += 1
    return count


@transaction.atomic
def consultation_withdraw(*, actor: User, consultation: Consultation, reason: str) -> Consultation:
    c = _locked(consultation)
    require_editor(actor, c, PUBLISH_ROLES)
    states.check("withdraw", c.status)
    if len(reason.strip()) < 6:
        raise ConsultationError(
            "请说明终止征求意见的理由（至少6个字），理由将在网站公布。",
            fields={"reason": "请说明终止理由（至少6个字）。"},
        )
    c.withdraw_reason = reason.strip()
    _move(actor, c, "withdraw")
    published(c)
    return c


def summary_of(c: Consultation) -> feedback.Summary:
    comments = list(c.comments.all())
    items = [
        feedback.Item(
            x.number,
            x.channel,
            x.disposition,
            x.reason,
            x.same_as.number if x.same_as_id and x.same_as else None,
        )
        for x in comments
        if x.moderation == Moderation.ACCEPTED
    ]
    withheld = [x.withhold_reason for x in comments if x.moderation == Moderation.WITHHELD]
    return feedback.summarise(items, withheld)


@transaction.atomic
def consultation_publish_feedback(
    *,
    actor: User,
    consultation: Consultation,
    summary: str,
    today: dt.date | None = None,
) -> Consultation:
    """Publish 意见采纳情况反馈: every comment decided, a reason for every one not adopted."""
    c = _locked(consultation)
    require_editor(actor, c, PUBLISH_ROLES)
    states.check("publish_feedback", c.status)
    pending = c.comments.filter(moderation=Moderation.PENDING).count()
    problems = []
    if pending:
        problems.append(f"尚有{pending}条网上意见未审核。")
    problems += summary_of(c).problems()
    if len(summary.strip()) < 10:
        problems.append("请填写意见采纳情况综述（至少10个字）。")
    if problems:
        raise ConsultationError("不能公布反馈：" + "".join(problems))
    c.feedback_summary = summary.strip()
    c.feedback_published_on = today or timezone.localdate()
    _move(actor, c, "publish_feedback")
    published(c)
    return c


@transaction.atomic
def consultation_link_document(
    *, actor: User, consultation: Consultation, document_id: int | None
) -> Consultation:
    """Link the final document once it is drafted: its legality review then sees the feedback
    report, and its public page links to it."""
    from gongkai.documents.models import Document

    c = _locked(consultation)
    require_editor(actor, c)
    old = c.final_document_id
    document = None
    if document_id is not None:
        document = Document.objects.filter(pk=document_id).first()
        if document is None:
            raise ConsultationError("找不到该公文。", fields={"document_id": "找不到该公文。"})
        require_same_department(actor, document.department_id, "公文")
        taken = Consultation.objects.filter(final_document=document).exclude(pk=c.pk).first()
        if taken:
            raise ConsultationError(f"该公文已关联征求意见“{taken.title}”。")
    before = snapshot(c)
    c.final_document = document
    c.save(update_fields=["final_document", "updated_at"])
    audit.record(
        actor=actor, action="consultations.link_document", obj=c, before=before, after=snapshot(c)
    )
    if c.status != Status.DRAFT:
        published(c, also_documents=(old,) if old else ())
    return c


def comments_count(c: Consultation) -> int:
    return Comment.objects.filter(consultation=c).count()
