import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from gongkai.consultations.services.consultations import ConsultationData, consultation_create
from gongkai.core.models import User


@pytest.fixture
def at():
    """at(date) freezes time at 10:00 Beijing time on that date."""
    travellers = []

    def freeze(day: dt.date):
        t = time_machine.travel(
            timezone.make_aware(dt.datetime.combine(day, dt.time(10))), tick=False
        )
        t.start()
        travellers.append(t)

    yield freeze
    for t in reversed(travellers):
        t.stop()


@pytest.fixture
def users(bureau):
    return {u.username: u for u in User.objects.filter(department=bureau)}


def data(**kw):
    values = {
        "title": "示例市科技创新券管理办法（修订征求意见稿）",
        "kind": "normative",
        "background": "为进一步发挥科技创新券作用，降低中小企业创新成本，起草本办法。",
        "legal_basis": "《中华人民共和国科学技术进步法》",
        "explanation": "修订稿扩大了创新券的使用范围，简化了兑付流程，提高了单个企业额度。",
        "draft_text": "第一条　为规范科技创新券管理，制定本办法。\n第二条　创新券用于购买科技服务。",
        "opens_on": dt.date(2027, 3, 1),
        "closes_on": dt.date(2027, 3, 31),
    }
    values.update(kw)
    return ConsultationData(**values)


@pytest.fixture
def draft(users, at):
    at(dt.date(2027, 3, 1))
    return consultation_create(actor=users["drafter"], data=data())
