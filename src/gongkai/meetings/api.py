"""JSON API of open meetings (read-only, no login): announcements, registration results (numbers;
names only with consent), live stream and recording links, minutes once published."""

import datetime as dt

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from gongkai.core.models import Department
from gongkai.core.participation import public_author
from gongkai.meetings.domain.states import PUBLIC_STATUSES
from gongkai.meetings.models import Meeting, Registration

router = Router(tags=["会议公开"])


class SeatOut(Schema):
    number: str
    name: str


class MeetingOut(Schema):
    id: int
    url: str
    code: str
    title: str
    kind: str
    held_on: dt.date
    starts_at: str
    place: str
    agenda: str
    status: str
    status_label: str
    seats: int
    registration_closes_on: dt.date
    registered: int
    drawn: bool
    draw_seed: str
    selected: list[SeatOut]
    live_url: str
    recording_url: str
    minutes: str
    minutes_published_on: dt.date | None


def _out(m: Meeting) -> dict[str, object]:
    regs = [r for r in m.registrations.all() if r.kind == Registration.Kind.PUBLIC]
    published = m.status == "minutes_published"
    return {
        "id": m.pk,
        "url": m.public_path,
        "code": m.code,
        "title": m.title,
        "kind": m.kind,
        "held_on": m.held_on,
        "starts_at": m.starts_at.strftime("%H:%M"),
        "place": m.place,
        "agenda": m.agenda,
        "status": m.status,
        "status_label": m.status_label,
        "seats": m.seats,
        "registration_closes_on": m.registration_closes_on,
        "registered": len(regs),
        "drawn": m.drawn,
        "draw_seed": m.draw_seed,
        "selected": [
            {"number": r.number, "name": public_author(r.name, r.consent, "公众代表")}
            for r in regs
            if r.state == Registration.State.SELECTED
        ],
        "live_url": m.live_url,
        "recording_url": m.recording_url if published else "",
        "minutes": m.minutes if published else "",
        "minutes_published_on": m.minutes_published_on if published else None,
    }


@router.get("/", response=list[MeetingOut], summary="公开会议（公告、列席人员、直播、纪要）")
def list_meetings(
    request: HttpRequest, site: str | None = None, year: int | None = None
) -> list[dict[str, object]]:
    qs = Department.objects.all()
    department = qs.filter(slug=site).first() if site else qs.order_by("pk").first()
    if department is None:
        raise HttpError(404, f"没有站点“{site}”。" if site else "尚未配置任何站点。")
    meetings = Meeting.objects.filter(
        department=department, status__in=[s.value for s in PUBLIC_STATUSES]
    ).prefetch_related("registrations")
    if year is not None:
        if not 2000 <= year <= 2100:
            raise HttpError(400, "year 应在2000至2100之间。")
        meetings = meetings.filter(held_on__year=year)
    return [_out(m) for m in meetings.order_by("-held_on", "-id")[:500]]
