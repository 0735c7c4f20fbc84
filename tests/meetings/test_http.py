"""The public registration form: Chinese errors, nothing saved, once per token, rate limit,
no 500 on any input."""

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from gongkai.core.models import User
from gongkai.meetings.models import Registration
from gongkai.meetings.services import meetings as svc


@pytest.fixture
def meeting(bureau):
    office = User.objects.get(username="office")
    moment = timezone.make_aware(dt.datetime(2027, 5, 6, 10))
    with time_machine.travel(moment, tick=False):
        m = svc.meeting_create(
            actor=office,
            data=svc.MeetingData(
                title="2027年第8次局长办公会",
                kind="director",
                held_on=dt.date(2027, 5, 20),
                starts_at=dt.time(9, 30),
                place="第一会议室",
                agenda="审议科技计划项目管理办法。",
                invitees="公众代表",
                seats=2,
                registration_closes_on=dt.date(2027, 5, 14),
            ),
        )
        m = svc.meeting_announce(actor=office, meeting=m)
        with time_machine.travel(moment, tick=False):
            yield m


def test_register_errors_then_success_once(meeting):
    client = Client()
    page = client.get(f"/meetings/{meeting.pk}/register/").content.decode()
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    r = client.post(
        f"/meetings/{meeting.pk}/register/", {"token": token, "name": "", "phone": "12345"}
    )
    assert r.status_code == 400
    assert "请填写姓名" in r.content.decode() and "手机号码" in r.content.decode()
    assert not Registration.objects.exists()
    form = {"token": token, "name": "王小红", "phone": "13812345678", "consent": "yes"}
    assert client.post(f"/meetings/{meeting.pk}/register/", form).status_code == 302
    r = client.post(f"/meetings/{meeting.pk}/register/", form)
    assert r.status_code == 302
    assert Registration.objects.count() == 1
    assert "R001" in client.get(r["Location"]).content.decode()


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"token": "t" * 300, "name": "王", "phone": "1"},
        {"token": "ok", "name": "名" * 5000, "phone": "x" * 999},
        {"token": "ok", "name": "王小\x00", "phone": "13812345678", "wish": "\x07"},
    ],
)
def test_no_500(meeting, payload):
    assert Client().post(f"/meetings/{meeting.pk}/register/", payload).status_code == 400
    assert not Registration.objects.exists()


def test_rate_limit(meeting, settings):
    settings.COMMENT_RATE_LIMIT = 1
    client = Client()
    client.post(
        f"/meetings/{meeting.pk}/register/",
        {"token": "a1", "name": "王小红", "phone": "13812345678"},
    )
    r = client.post(
        f"/meetings/{meeting.pk}/register/", {"token": "a2", "name": "李四", "phone": "13812345679"}
    )
    assert r.status_code == 429 and "过于频繁" in r.content.decode()
    assert Registration.objects.count() == 1
