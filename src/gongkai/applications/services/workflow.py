"""Handling an application after receipt: correction, consultation, extension, fees, reply,
withdrawal, and the automatic closing of abandoned applications."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from gongkai.applications.domain import clock, fees, states
from gongkai.applications.domain.clock import ClockError, Pause, reply_clock
from gongkai.applications.domain.outcomes import (
    OUTCOME_ABANDONED_FEE_UNPAID,
    OUTCOME_ABANDONED_NO_CORRECTION,
    OUTCOME_BY_CODE,
    ReplyType,
    outcome_allowed,
)
from gongkai.applications.models import Application, Consultation, LetterKind
from gongkai.applications.models.application import FeeMode
from gongkai.applications.services.common import (
    ApplicationError,
    require_handler,
    transition,
)
from gongkai.applications.services.letters import letter_issue
from gongkai.core.dates import cn_date
from gongkai.core.models import Role, User
from gongkai.core.permissions import require_role
from gongkai.core.services.calendar import get_calendar
from gongkai.core.workdays import add_working_days

A = states.Action
DEFAULT_CORRECTION_DAYS = 10  # a reasonable period for the applicant (条例第三十条)


def _today(today: dt.date | None) -> dt.date:
    return today or timezone.localdate()


def _wd(start: dt.date, days: int) -> dt.date:
    return add_working_days(
        get_calendar(), start, days, count_start_day=settings.WORKDAY_COUNT_RECEIPT_DAY
    ).deadline


@transaction.atomic
def application_request_correction(
    *,
    actor: User,
    application: Application,
    note: str,
    due_on: dt.date | None = None,
    today: dt.date | None = None,
) -> Application:
    """条例第三十条: ask once and completely, within 7 working days of receipt."""
    require_handler(actor, application)
    today = _today(today)
    if application.correction_requested_on:
        raise ApplicationError(
            "补正只能要求一次（条例第三十条），本申请已于"
            f"{cn_date(application.correction_requested_on)}要求过补正。"
        )
    if not note.strip():
        raise ApplicationError("请一次性写明需要补正的全部内容（条例第三十条）。")
    if application.received_on is None:
        raise ApplicationError("尚未确认收到申请，不能要求补正。")
    last = clock.correction_request_deadline(get_calendar(), application.received_on).deadline
    if today > last:
        raise ApplicationError(
            f"要求补正应在收到申请之日起7个工作日内提出（条例第三十条），期限为{cn_date(last)}，"
            "现已超过；请直接依法答复。"
        )
    due = due_on or _wd(today, DEFAULT_CORRECTION_DAYS)
    if due <= today:
        raise ApplicationError("补正期限应晚于今天，请给申请人合理的补正期限。")
    app = transition(
        actor=actor,
        app=application,
        action=A.REQUEST_CORRECTION,
        today=today,
        verb="request_correction",
        update={
            "correction_requested_on": today,
            "correction_due_on": due,
            "correction_note": note.strip(),
        },
        text=f"要求补正申请，请于{cn_date(due)}前补正；收到补正后重新计算答复期限（条例第三十条）。",
    )
    letter_issue(actor=actor, application=app, kind=LetterKind.CORRECTION, today=today)
    return app


@transaction.atomic
def application_receive_correction(
    *,
    actor: User,
    application: Application,
    received_on: dt.date,
    today: dt.date | None = None,
) -> Application:
    require_handler(actor, application)
    today = _today(today)
    if received_on > today:
        raise ApplicationError("收到补正的日期不能晚于今天。")
    if application.correction_requested_on and received_on < application.correction_requested_on:
        raise ApplicationError("收到补正的日期不能早于要求补正的日期。")
    return transition(
        actor=actor,
        app=application,
        action=A.RECEIVE_CORRECTION,
        today=today,
        verb="receive_correction",
        update={"correction_received_on": received_on},
        text=f"{cn_date(received_on)}收到补正后的申请，答复期限自该日重新计算（条例第三十条）。",
    )


@transaction.atomic
def application_correction_lapsed(
    *, actor: User | None, application: Application, today: dt.date | None = None
) -> Application:
    """条例第三十条: no correction within the period = the application is abandoned."""
    today = _today(today)
    if actor is not None:
        require_handler(actor, application)
    if application.correction_due_on and today <= application.correction_due_on:
        raise ApplicationError(
            f"补正期限{cn_date(application.correction_due_on)}尚未届满，不能视为放弃申请。"
        )
    return transition(
        actor=actor,
        app=application,
        action=A.CORRECTION_LAPSED,
        today=today,
        verb="correction_lapsed",
        update={"outcome": OUTCOME_ABANDONED_NO_CORRECTION, "closed_on": today, "deadline": None},
        text="申请人逾期未补正，视为放弃申请，本机关不再处理（条例第三十条）。",
    )


@transaction.atomic
def application_start_consultation(
    *,
    actor: User,
    application: Application,
    party: str,
    kind: str,
    today: dt.date | None = None,
) -> Application:
    """条例第三十二条（第三方）、第三十四条（其他机关）; the time does not count (第三十三条)."""
    require_handler(actor, application)
    today = _today(today)
    if not party.strip():
        raise ApplicationError("请填写征求意见的对象名称。")
    if kind not in Consultation.Kind.values:
        raise ApplicationError("请选择征求意见对象的类别：第三方或其他机关。")
    c = Consultation.objects.create(
        application=application,
        kind=kind,
        party=party.strip(),
        sent_on=today,
        due_on=_wd(today, clock.THIRD_PARTY_DAYS),
    )
    app = transition(
        actor=actor,
        app=application,
        action=A.START_CONSULTATION,
        today=today,
        verb="start_consultation",
        update={},
        text="征求第三方或其他机关意见，征求意见期间不计入答复期限（条例第三十三条第三款）。",
    )
    letter_issue(
        actor=actor,
        application=app,
        kind=LetterKind.CONSULTATION,
        today=today,
        extra={"party": c.party, "party_due": cn_date(c.due_on)},
    )
    return app


@transaction.atomic
def application_end_consultation(
    *,
    actor: User | None,
    application: Application,
    answer: str,
    today: dt.date | None = None,
) -> Application:
    """Third party (条例第三十二条): silence → the office decides. Other agency (第三十四条):
    silence = consent."""
    today = _today(today)
    if actor is not None:
        require_handler(actor, application)
    c = application.consultations.filter(answered_on__isnull=True).last()
    if c is None:
        raise ApplicationError("没有正在进行的征求意见。")
    if answer not in {a.value for a in Consultation.Answer if a != Consultation.Answer.PENDING}:
        raise ApplicationError("请选择征求意见的结果：同意公开、不同意公开或逾期未提出意见。")
    if answer == Consultation.Answer.SILENCE and today <= c.due_on:
        raise ApplicationError(
            f"答复期限{cn_date(c.due_on)}尚未届满，不能按逾期未提出意见处理（条例第三十二条）。"
        )
    c.answer = answer
    # Silence: the pause ends when the 15-working-day period ends, not when we notice it.
    c.answered_on = c.due_on if answer == Consultation.Answer.SILENCE else today
    c.save()
    note = {
        Consultation.Answer.CONSENT: "同意公开",
        Consultation.Answer.OBJECTION: "不同意公开",
        Consultation.Answer.SILENCE: (
            "逾期未提出意见，由本机关依法决定（条例第三十二条）"
            if c.kind == Consultation.Kind.THIRD_PARTY
            else "逾期未提出意见，视为同意公开（条例第三十四条）"
        ),
    }[Consultation.Answer(answer)]
    return transition(
        actor=actor,
        app=application,
        action=A.END_CONSULTATION,
        today=today,
        verb="end_consultation",
        update={},
        text=f"征求意见结束：{c.party}{note}，答复期限继续计算。",
        public=True,
    )


@transaction.atomic
def application_extend(
    *,
    actor: User,
    application: Application,
    days: int,
    reason: str,
    today: dt.date | None = None,
) -> Application:
    """条例第三十三条第二款: at most 20 working days, approved by the head of the disclosure
    office, the applicant told."""
    require_handler(actor, application)
    require_role(actor, Role.DISCLOSURE_HEAD)
    today = _today(today)
    if application.extension_days:
        raise ApplicationError(
            f"本申请已延长{application.extension_days}个工作日，延长期限最长不超过20个工作日，不能再次延长。"
        )
    if not 1 <= days <= clock.MAX_EXTENSION_DAYS:
        raise ApplicationError("延长期限为1至20个工作日（条例第三十三条第二款）。")
    if not reason.strip():
        raise ApplicationError("请填写延长答复期限的理由，该理由将告知申请人。")
    if application.deadline and today > application.deadline:
        raise ApplicationError(
            f"答复期限{cn_date(application.deadline)}已过，不能再延长；请尽快答复。"
        )
    app = transition(
        actor=actor,
        app=application,
        action=A.EXTEND,
        today=today,
        verb="extend",
        update={
            "extension_days": days,
            "extension_reason": reason.strip(),
            "extension_approved_by": actor,
        },
        text=f"经政务公开工作机构负责人同意，答复期限延长{days}个工作日（条例第三十三条第二款）。",
    )
    letter_issue(actor=actor, application=app, kind=LetterKind.EXTENSION, today=today)
    return app


def _ordinal_in_month(app: Application) -> int:
    from gongkai.applications.services.intake import same_applicant

    if app.received_on is None:
        raise ApplicationError("尚未确认收到申请，不能计算收费。")
    month_start = app.received_on.replace(day=1)
    earlier = (
        same_applicant(app)
        .filter(received_on__gte=month_start, received_on__lte=app.received_on)
        .exclude(received_on=app.received_on, pk__gt=app.pk)
    )
    return earlier.count() + 1


def fee_due(app: Application, mode: str, pages: int) -> int:
    if mode == FeeMode.PER_APPLICATION:
        return fees.fee_for_application(mode=mode, ordinal_in_month=_ordinal_in_month(app))
    return fees.fee_for_application(mode=mode, pages=pages)


@transaction.atomic
def application_issue_fee_notice(
    *,
    actor: User,
    application: Application,
    mode: str,
    pages: int = 0,
    today: dt.date | None = None,
) -> Application:
    """条例第四十二条; 国办函〔2020〕109号: only above a reasonable volume, per application or
    per page, never both."""
    require_handler(actor, application)
    today = _today(today)
    if mode not in FeeMode.values:
        raise ApplicationError("请选择收费方式：按件计收或按量计收（二者只能选其一）。")
    if application.fee_notice_on:
        raise ApplicationError("本申请已发出过收费通知，不能重复收费。")
    if mode == FeeMode.PER_PAGE and pages <= 0:
        raise ApplicationError("按量计收时请填写拟提供信息的页数。")
    try:
        amount = fee_due(application, mode, pages)
    except fees.FeeError as exc:
        raise ApplicationError(str(exc)) from exc
    if amount == 0:
        raise ApplicationError(
            "本申请未超出合理数量，无需收费（按件：同一申请人每自然月10件以内免费；"
            "按量：30页以内免费，国办函〔2020〕109号），不能发出收费通知。"
        )
    due = _wd(today, clock.FEE_PAYMENT_DAYS)
    app = transition(
        actor=actor,
        app=application,
        action=A.ISSUE_FEE_NOTICE,
        today=today,
        verb="issue_fee_notice",
        update={
            "fee_mode": mode,
            "fee_pages": pages if mode == FeeMode.PER_PAGE else 0,
            "fee_amount": amount,
            "fee_notice_on": today,
            "fee_due_on": due,
        },
        text=f"发出收费通知，信息处理费{amount}元，请于{cn_date(due)}前缴纳（条例第四十二条）。",
    )
    letter_issue(actor=actor, application=app, kind=LetterKind.FEE, today=today)
    return app


@transaction.atomic
def application_fee_paid(
    *,
    actor: User,
    application: Application,
    paid_on: dt.date,
    today: dt.date | None = None,
) -> Application:
    require_handler(actor, application)
    today = _today(today)
    if paid_on > today or (application.fee_notice_on and paid_on < application.fee_notice_on):
        raise ApplicationError("缴费日期应在收费通知日期与今天之间。")
    return transition(
        actor=actor,
        app=application,
        action=A.FEE_PAID,
        today=today,
        verb="fee_paid",
        update={"fee_paid_on": paid_on},
        text=f"{cn_date(paid_on)}已缴纳信息处理费，答复期限继续计算。",
    )


@transaction.atomic
def application_fee_lapsed(
    *, actor: User | None, application: Application, today: dt.date | None = None
) -> Application:
    """国办函〔2020〕109号: unpaid within 20 working days = abandoned."""
    today = _today(today)
    if actor is not None:
        require_handler(actor, application)
    if application.fee_due_on and today <= application.fee_due_on:
        raise ApplicationError(f"缴费期限{cn_date(application.fee_due_on)}尚未届满。")
    return transition(
        actor=actor,
        app=application,
        action=A.FEE_LAPSED,
        today=today,
        verb="fee_lapsed",
        update={"outcome": OUTCOME_ABANDONED_FEE_UNPAID, "closed_on": today, "deadline": None},
        text="申请人逾期未缴纳信息处理费，视为放弃申请，本机关不再处理。",
    )


@transaction.atomic
def application_reply(
    *,
    actor: User,
    application: Application,
    reply_type: str,
    outcome: str,
    text: str,
    today: dt.date | None = None,
) -> Application:
    """条例第三十六条: one reply type, and exactly one 表三 outcome for the annual report."""
    require_handler(actor, application)
    today = _today(today)
    try:
        kind = ReplyType(reply_type)
    except ValueError:
        raise ApplicationError("请选择答复类型（条例第三十六条）。") from None
    if outcome not in OUTCOME_BY_CODE:
        raise ApplicationError("请选择办理结果（年度报告表三的一项）。")
    if not outcome_allowed(kind, outcome):
        raise ApplicationError(
            f"答复类型“{kind.label}”与办理结果“{OUTCOME_BY_CODE[outcome].full_label}”不对应，"
            "请重新选择。"
        )
    if not text.strip():
        raise ApplicationError("请填写答复正文（依据、理由及获取方式）。")
    app = transition(
        actor=actor,
        app=application,
        action=A.REPLY,
        today=today,
        verb="reply",
        update={
            "reply_type": kind.value,
            "outcome": outcome,
            "replied_on": today,
            "closed_on": today,
        },
        text=f"已作出答复：{kind.label}（条例第三十六条）。",
    )
    letter_issue(
        actor=actor,
        application=app,
        kind=LetterKind(kind.value),
        today=today,
        extra={"reply": text.strip()},
    )
    return app


@transaction.atomic
def application_withdraw(
    *, actor: User, application: Application, today: dt.date | None = None
) -> Application:
    """The applicant withdraws (recorded by staff). Counted under （六）其他处理 3.其他."""
    require_handler(actor, application)
    today = _today(today)
    return transition(
        actor=actor,
        app=application,
        action=A.WITHDRAW,
        today=today,
        verb="withdraw",
        update={"outcome": "other", "closed_on": today, "deadline": None},
        text="申请人撤回申请，办理终止。",
    )


@transaction.atomic
def application_record_delivery(
    *,
    actor: User,
    application: Application,
    how: str,
    on: dt.date,
) -> Application:
    require_handler(actor, application)
    if application.status != states.Status.REPLIED:
        raise ApplicationError("答复后才能登记送达。")
    if not how.strip():
        raise ApplicationError("请填写送达方式，如“纸质当面领取”或“挂号信邮寄”。")
    application.delivered_on = on
    application.delivered_how = how.strip()[:60]
    application.save(update_fields=["delivered_on", "delivered_how"])
    from gongkai.core import audit

    audit.record(
        actor=actor,
        action="applications.deliver",
        obj=application,
        after={"delivered_on": on, "delivered_how": application.delivered_how},
    )
    return application


_RECOMPUTE_FIELDS = (
    "pk",
    "received_on",
    "correction_requested_on",
    "correction_received_on",
    "extension_days",
    "fee_notice_on",
    "fee_paid_on",
    "deadline",
    "deadline_provisional",
)


def applications_recompute(today: dt.date | None = None) -> int:
    """Recompute the stored deadline of every open application (after a calendar change, and
    nightly for running consultations). Returns how many changed.

    Reads plain rows and all consultations in two queries, and writes changed rows grouped by
    their new (deadline, provisional) value: a handful of UPDATE … WHERE id IN (…)."""
    today = _today(today)
    calendar = get_calendar()
    open_qs = Application.objects.filter(
        status__in=[s.value for s in states.OPEN_STATUSES], received_on__isnull=False
    )
    spans: dict[int, list[Pause]] = {}
    for app_id, sent, answered, party in Consultation.objects.filter(
        application__in=open_qs
    ).values_list("application_id", "sent_on", "answered_on", "party"):
        spans.setdefault(app_id, []).append(Pause(sent, answered, f"征求{party}意见"))
    groups: dict[tuple[dt.date | None, bool], list[int]] = {}
    for row in open_qs.values(*_RECOMPUTE_FIELDS).iterator(chunk_size=5000):
        pauses = list(spans.get(row["pk"], ()))
        if row["fee_notice_on"]:
            pauses.append(Pause(row["fee_notice_on"], row["fee_paid_on"]))
        try:
            clock = reply_clock(
                calendar,
                received=row["received_on"],
                today=today,
                correction_requested=row["correction_requested_on"],
                correction_received=row["correction_received_on"],
                pauses=pauses,
                extension_days=row["extension_days"],
                count_start_day=settings.WORKDAY_COUNT_RECEIPT_DAY,
                explain=False,
            )
        except ClockError:
            continue  # a row that cannot be computed keeps its stored deadline
        new = (clock.deadline, clock.provisional)
        if new != (row["deadline"], row["deadline_provisional"]):
            groups.setdefault(new, []).append(row["pk"])
    with transaction.atomic():
        for (deadline, provisional), ids in groups.items():
            for i in range(0, len(ids), 500):
                Application.objects.filter(pk__in=ids[i : i + 500]).update(
                    deadline=deadline, deadline_provisional=provisional
                )
    return sum(len(ids) for ids in groups.values())
