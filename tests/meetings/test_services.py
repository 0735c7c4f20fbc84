"""Open meetings: announce, public registration (once per token and phone), the draw,
attendance, minutes, the pages, the API and the workbench's yearly plan."""

import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from gongkai.core.demo import DEMO_PASSWORD
from gongkai.core.errors import DomainError
from gongkai.core.models import User
from gongkai.meetings.models import Meeting, Registration
from gongkai.meetings.services import meetings as svc

D = dt.date


@pytest.fixture
def office(bureau):
    return User.objects.get(username="office")


def _at(day):
    return time_machine.travel(
        timezone.make_aware(dt.datetime.combine(day, dt.time(10))), tick=False
    )


def test_meeting_flow_with_a_draw(office):
    with _at(D(2027, 5, 6)):
        m = svc.meeting_create(
            actor=office,
            data=svc.MeetingData(
                title="2027年第8次局长办公会（邀请公众列席）",
                kind="director",
                held_on=D(2027, 5, 20),
                starts_at=dt.time(9, 30),
                place="第一会议室",
                agenda="审议科技计划项目管理办法。",
                invitees="公众代表、专家、新闻媒体",
                seats=3,
                registration_closes_on=D(2027, 5, 14),
            ),
        )
        m = svc.meeting_announce(actor=office, meeting=m)
        for n in range(5):
            svc.registration_submit(
                meeting=m,
                data=svc.RegistrationData(name=f"报名人{n}", phone=f"1391234560{n}"),
                token=f"t{n}",
            )
        _r, created = svc.registration_submit(
            meeting=m, data=svc.RegistrationData(name="报名人0", phone="13912345600"), token="t0"
        )
        assert not created
        with pytest.raises(DomainError, match="已报名"):
            svc.registration_submit(
                meeting=m, data=svc.RegistrationData(name="又一人", phone="13912345600"), token="t9"
            )
        with pytest.raises(DomainError) as exc:
            svc.registration_submit(
                meeting=m, data=svc.RegistrationData(name="", phone="123"), token="t8"
            )
        assert {"name", "phone"} <= set(exc.value.fields)
    with _at(D(2027, 5, 15)):
        m = svc.meeting_close_registration(actor=None, meeting=m)
    assert m.drawn and len(m.draw_seed) == 64
    assert Registration.objects.filter(meeting=m, state="selected").count() == 3
    with _at(D(2027, 5, 20)):
        m = svc.meeting_hold(actor=office, meeting=m, attended=["R001", "R002"])
        m = svc.meeting_publish_minutes(
            actor=office,
            meeting=m,
            minutes="会议审议了科技计划项目管理办法，列席代表发表了意见。原则通过。",
        )
    assert m.status == "minutes_published"
    api = Client().get("/api/meetings/").json()
    assert api[0]["drawn"] and len(api[0]["selected"]) == 3 and api[0]["minutes"]
    assert all(s["name"] == "公众代表" for s in api[0]["selected"])  # no consent, no name


def test_demo_two_meetings_in_2026_and_the_plan_on_the_workbench(bureau):
    from gongkai.meetings import demo

    with _at(D(2027, 7, 2)):
        demo.load(bureau, today=D(2027, 7, 2))
        demo.load(bureau, today=D(2027, 7, 2))
        assert Meeting.objects.filter(held_on__year=2026).count() == 2
        api = Client().get("/api/meetings/?year=2026").json()
        assert len(api) == 2 and {m["status"] for m in api} == {"minutes_published", "held"}
        staff = Client()
        staff.post("/staff/login/", {"username": "office", "password": DEMO_PASSWORD})
        page = staff.get("/staff/").content.decode()
        assert "年度会议公开：已召开 0/2 次" in page
        assert "公开会议纪要" in page
        assert staff.get(f"/staff/meetings/{api[0]['id']}/").status_code == 200
        assert Client().get("/meetings/999999/register/").status_code == 404
