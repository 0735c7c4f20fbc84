import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from gongkai.applications.services.intake import (
    Applicant,
    Request,
    application_register,
    application_submit,
)
from gongkai.core.identifiers import resident_id_check_char
from gongkai.core.models import User

ID17 = "52010219900307123"
ID_NUMBER = ID17 + resident_id_check_char(ID17)


def person(**kw):
    data = {
        "applicant_type": "natural_person",
        "name": "王小红",
        "phone": "13812345678",
        "id_type": "resident_id",
        "id_number": ID_NUMBER,
        "address": "示例市云岩区中华北路1号",
    }
    data.update(kw)
    return Applicant(**data)


def org(**kw):
    data = {
        "applicant_type": "research",
        "name": "示例市新材料研究院",
        "phone": "0851-86001234",
        "credit_code": "11520100MB1234567P",
        "legal_representative": "赵一",
        "contact_person": "钱二",
    }
    data.update(kw)
    return Applicant(**data)


def req(text="申请公开2026年度示例市科技计划项目立项清单及资助金额", **kw):
    return Request(
        description=text,
        preferred_form=kw.get("preferred_form", "electronic"),
        delivery=kw.get("delivery", "email"),
        files=kw.get("files", []),
    )


@pytest.fixture
def office(bureau):
    return User.objects.get(username="office")


@pytest.fixture
def head(bureau):
    return User.objects.get(username="officehead")


@pytest.fixture
def at():
    """at(date) freezes time at 10:00 Beijing time on that date."""
    travellers = []

    def freeze(day: dt.date):
        moment = timezone.make_aware(dt.datetime.combine(day, dt.time(10)))
        t = time_machine.travel(moment, tick=False)
        t.start()
        travellers.append(t)

    yield freeze
    for t in reversed(travellers):
        t.stop()


@pytest.fixture
def window_app(office):
    """Factory: an application handed in at the window on `day` (received that day)."""

    def make(day: dt.date, applicant=None, text=None):
        return application_register(
            actor=office,
            channel="window",
            applicant=applicant or person(),
            request=req(text) if text else req(),
            submitted_on=day,
            today=day,
        )

    return make


def submit_online(bureau, key="tok-1", applicant=None, request=None):
    return application_submit(
        department=bureau, applicant=applicant or person(), request=request or req(), token=key
    )
