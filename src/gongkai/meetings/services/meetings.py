"""One service per change of an open meeting."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gongkai.core import audit, participation
from gongkai.core.dates import cn_date
from gongkai.core.errors import DomainError
from gongkai.core.identifiers import mobile_error
from gongkai.core.models import Role, User
from gongkai.core.permissions import (
    require_can_change_content,
    require_role,
    require_same_department,
)
from gongkai.core.public_forms import check_token, create_once
from gongkai.meetings.domain import draw, states
from gongkai.meetings.domain.states import Status
from gongkai.meetings.models import Meeting, Registration

# The general office organises the director's meetings and their openness.
EDIT_ROLES = (Role.PUBLISHER, Role.DISCLOSURE_HEAD)
READ_ROLES = (*EDIT_ROLES, Role.LEADER, Role.AUDITOR, Role.SYSADMIN)


class MeetingError(DomainError):
    """A request the rules do not allow. Message in Chinese."""


@dataclass
class MeetingData:
    title: str
    kind: str
    held_on: dt.date
    starts_at: dt.time
    place: str
    agenda: str
    invitees: str
    seats: int
    registration_closes_on: dt.date
    live_url: str = ""


def can_read(user: User) -> bool:
    return user.is_authenticated and user.has_role(*READ_ROLES)


def can_edit(user: User) -> bool:
    return user.is_authenticated and user.has_role(*EDIT_ROLES)


def _require(actor: User, meeting: Meeting | None = None) -> None:
    require_role(actor, *EDIT_ROLES)
    require_can_change_content(actor)
    if meeting is not None:
        require_same_department(actor, meeting.department_id, "会议")


def snapshot(m: Meeting) -> dict[str, Any]:
    return {
        "title": m.title,
        "status": m.status,
        "held_on": m.held_on,
        "seats": m.seats,
        "registration_closes_on": m.registration_closes_on,
        "draw_seed": m.draw_seed,
        "live_url": m.live_url,
        "recording_url": m.recording_url,
        "minutes_published_on": m.minutes_published_on,
    }


def published(m: Meeting) -> None:
    from gongkai.publishing.pages import Change
    from gongkai.publishing.services import site_publish_on_commit

    site_publish_on_commit(
        department=m.department, changes=[Change("meeting", m.pk), Change("portal", "interaction")]
    )


def _errors(data: MeetingData, today: dt.date) -> dict[str, str]:
    errors = participation.control_error(
        title=data.title, place=data.place, agenda=data.agenda, invitees=data.invitees
    )
    if len(data.title.strip()) < 4:
        errors["title"] = "请填写会议名称（至少4个字）。"
    if data.kind not in Meeting.Kind.values:
        errors["kind"] = "请选择会议类型。"
    if len(data.place.strip()) < 2:
        errors["place"] = "请填写会议地点。"
    if len(data.agenda.strip()) < 4:
        errors["agenda"] = "请填写公开的会议议题。"
    if len(data.invitees.strip()) < 2:
        errors["invitees"] = "请填写邀请范围，如“公众代表、专家、新闻媒体”。"
    if not 0 <= data.seats <= 500:
        errors["seats"] = "公众列席名额应在0至500之间。"
    if data.registration_closes_on > data.held_on:
        errors["registration_closes_on"] = "报名截止日期不能晚于会议日期。"
    if data.live_url and not data.live_url.startswith(("https://", "http://")):
        errors["live_url"] = "直播地址应以 https:// 开头。"
    return errors


def _next_code(actor: User, held_on: dt.date) -> str:
    prefix = f"HY{held_on.year}-"
    top = Meeting.objects.filter(department=actor.department, code__startswith=prefix).aggregate(
        top=Max("code")
    )["top"]
    n = int(top.rsplit("-", 1)[1]) + 1 if top else 1
    return f"{prefix}{n:02d}"


@transaction.atomic
def meeting_create(*, actor: User, data: MeetingData, today: dt.date | None = None) -> Meeting:
    _require(actor)
    today = today or timezone.localdate()
    if actor.department is None:
        raise MeetingError("您的账号未分配机关。")
    errors = _errors(data, today)
    if data.held_on < today:
        errors["held_on"] = "会议日期不能早于今天。"
    if errors:
        raise MeetingError(fields=errors)
    m = Meeting(
        department=actor.department,
        code=_next_code(actor, data.held_on),
        created_by=actor,
        **{k: (v.strip() if isinstance(v, str) else v) for k, v in vars(data).items()},
    )
    m.save()
    audit.record(actor=actor, action="meetings.create", obj=m, after=snapshot(m))
    return m


def _locked(m: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=m.pk)


def _move(actor: User | None, m: Meeting, name: str, before: dict[str, Any]) -> Meeting:
    m.status = states.check(name, m.status).target
    m.save()
    audit.record(actor=actor, action=f"meetings.{name}", obj=m, before=before, after=snapshot(m))
    published(m)
    return m


@transaction.atomic
def meeting_announce(*, actor: User, meeting: Meeting, today: dt.date | None = None) -> Meeting:
    m = _locked(meeting)
    _require(actor, m)
    today = today or timezone.localdate()
    if m.registration_closes_on < today:
        raise MeetingError("报名截止日期已过，请先修改报名截止日期。")
    return _move(actor, m, "announce", snapshot(m))


@dataclass
class RegistrationData:
    name: str
    phone: str
    organisation: str = ""
    wish: str = ""
    consent: bool = False


def _registration_errors(data: RegistrationData) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not 2 <= len(data.name.strip()) <= 50:
        errors["name"] = "请填写姓名（2至50个字），入场时须核对身份。"
    problem = (
        mobile_error(data.phone.strip())
        if data.phone.strip()
        else "请填写手机号码，以便通知您是否确定列席。"
    )
    if problem:
        errors["phone"] = problem
    if len(data.organisation.strip()) > 100:
        errors["organisation"] = "工作单位或身份不超过100字。"
    if len(data.wish.strip()) > 500:
        errors["wish"] = "拟发言内容不超过500字。"
    return (
        participation.control_error(name=data.name, organisation=data.organisation, wish=data.wish)
        | errors
    )


def _new_registration(
    m: Meeting, data: RegistrationData, kind: str, token: str | None, state: str
) -> Registration:
    Meeting.objects.select_for_update().filter(pk=m.pk).first()  # numbers in turn
    count = m.registrations.count()
    phone = "".join(c for c in data.phone if c.isdigit())
    if m.registrations.filter(phone=phone).exists():
        raise MeetingError(
            "该手机号码已报名，无需重复报名。", fields={"phone": "该手机号码已报名本次会议。"}
        )
    return Registration.objects.create(
        meeting=m,
        number=f"R{count + 1:03d}",
        kind=kind,
        name=data.name.strip(),
        organisation=data.organisation.strip(),
        phone=phone,
        consent=data.consent,
        wish=data.wish.strip(),
        submit_token=token,
        state=state,
    )


def registration_submit(
    *, meeting: Meeting, data: RegistrationData, token: str, today: dt.date | None = None
) -> tuple[Registration, bool]:
    """The public registration form: one registration per token and per phone number."""
    check_token(token)
    today = today or timezone.localdate()
    if meeting.status != Status.ANNOUNCED or today > meeting.registration_closes_on:
        raise MeetingError(f"本次会议报名已于{cn_date(meeting.registration_closes_on)}截止。")
    errors = _registration_errors(data)
    if errors:
        raise MeetingError(fields=errors)

    def find() -> Registration | None:
        return Registration.objects.filter(meeting=meeting, submit_token=token).first()

    def create() -> Registration:
        r = _new_registration(
            meeting, data, Registration.Kind.PUBLIC, token, Registration.State.REGISTERED
        )
        audit.record(
            actor=None,
            action="meetings.register",
            obj=r,
            after={"number": r.number, "meeting": meeting.pk},
            department_id=meeting.department_id,
        )
        return r

    with transaction.atomic():
        return create_once(find=find, create=create)


@transaction.atomic
def registration_invite(
    *, actor: User, meeting: Meeting, kind: str, data: RegistrationData
) -> Registration:
    """Experts and media are invited by the office; they do not take public seats."""
    m = _locked(meeting)
    _require(actor, m)
    if m.status not in (Status.DRAFT, Status.ANNOUNCED, Status.REGISTRATION_CLOSED):
        raise MeetingError("会议已召开或已取消，不能再邀请。")
    errors = _registration_errors(data)
    if kind not in (Registration.Kind.EXPERT, Registration.Kind.MEDIA):
        errors["kind"] = "特邀人员应为专家或新闻媒体。"
    if errors:
        raise MeetingError(fields=errors)
    r = _new_registration(m, data, kind, None, Registration.State.INVITED)
    audit.record(
        actor=actor, action="meetings.invite", obj=r, after={"number": r.number, "kind": kind}
    )
    return r


@transaction.atomic
def meeting_close_registration(
    *, actor: User | None, meeting: Meeting, today: dt.date | None = None
) -> Meeting:
    """Close registration and give the public seats: everyone when they fit, else the draw."""
    m = _locked(meeting)
    if actor is not None:
        _require(actor, m)
    today = today or timezone.localdate()
    if today <= m.registration_closes_on:
        raise MeetingError(
            f"报名截止日期为{cn_date(m.registration_closes_on)}，截止后方可确定列席人员。"
        )
    before = snapshot(m)
    public = list(m.registrations.filter(kind=Registration.Kind.PUBLIC))
    result = draw.draw(m.code, [r.number for r in public], m.seats)
    selected, waiting = set(result.selected), list(result.waiting)
    for r in public:
        r.state = (
            Registration.State.SELECTED if r.number in selected else Registration.State.WAITING
        )
        r.waiting_rank = waiting.index(r.number) + 1 if r.number in waiting else None
        r.save(update_fields=["state", "waiting_rank"])
    m.draw_seed, m.drawn = result.seed, result.drawn
    return _move(actor, m, "close_registration", before)


@transaction.atomic
def meeting_hold(
    *,
    actor: User,
    meeting: Meeting,
    attended: list[str],
    note: str = "",
    today: dt.date | None = None,
) -> Meeting:
    """Record that the meeting took place and who attended (numbers of registrations)."""
    m = _locked(meeting)
    _require(actor, m)
    today = today or timezone.localdate()
    if m.held_on > today:
        raise MeetingError(f"会议日期为{cn_date(m.held_on)}，召开后方可登记。")
    before = snapshot(m)
    present = set(attended)
    for r in m.registrations.exclude(state=Registration.State.WAITING):
        r.attended = r.number in present
        r.save(update_fields=["attended"])
    m.attendance_note = note.strip()[:300]
    return _move(actor, m, "hold", before)


@transaction.atomic
def meeting_publish_minutes(
    *,
    actor: User,
    meeting: Meeting,
    minutes: str,
    recording_url: str = "",
    today: dt.date | None = None,
) -> Meeting:
    m = _locked(meeting)
    _require(actor, m)
    if len(minutes.strip()) < 20:
        raise MeetingError(
            "请填写会议纪要的公开部分（至少20个字）。",
            fields={"minutes": "请填写会议纪要（至少20个字）。"},
        )
    if recording_url and not recording_url.startswith(("https://", "http://")):
        raise MeetingError(
            "录像回放地址应以 https:// 开头。", fields={"recording_url": "地址应以 https:// 开头。"}
        )
    before = snapshot(m)
    m.minutes = minutes.strip()
    m.recording_url = recording_url.strip()
    m.minutes_published_on = today or timezone.localdate()
    return _move(actor, m, "publish_minutes", before)


@transaction.atomic
def meeting_cancel(*, actor: User, meeting: Meeting, reason: str) -> Meeting:
    m = _locked(meeting)
    _require(actor, m)
    if len(reason.strip()) < 6:
        raise MeetingError(
            "请说明取消理由（至少6个字），理由将在网站公布。", fields={"reason": "请说明取消理由。"}
        )
    before = snapshot(m)
    m.cancel_reason = reason.strip()
    return _move(actor, m, "cancel", before)


def year_counts(department_id: int, year: int) -> tuple[int, int]:
    """(held, planned) meetings with the public in `year`."""
    qs = Meeting.objects.filter(department_id=department_id, held_on__year=year)
    held = qs.filter(status__in=[s.value for s in states.HELD_STATUSES]).count()
    planned = qs.filter(status__in=[Status.ANNOUNCED, Status.REGISTRATION_CLOSED]).count()
    return held, planned
