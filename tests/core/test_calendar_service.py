import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from gongkai.core import todos
from gongkai.core.holidays import YearNotice
from gongkai.core.models import AuditEntry, CalendarDay, CalendarYear, User
from gongkai.core.services import calendar as calendar_service
from gongkai.core.services.calendar import (
    CalendarEntryError,
    calendar_enter_year,
    deadline,
    get_calendar,
)

D = dt.date
pytestmark = pytest.mark.django_db


def test_migration_seeded_the_real_calendar():
    assert CalendarYear.objects.filter(year=2026, source="package").exists()
    assert deadline(D(2026, 9, 30), 20).deadline == D(2026, 11, 3)


def _drop_2027():
    CalendarYear.objects.filter(year=2027).delete()


def test_entering_a_year_recomputes_and_calls_hooks(bureau, django_capture_on_commit_callbacks):
    _drop_2027()
    office = User.objects.get(username="office")
    assert deadline(D(2026, 12, 20), 20).provisional
    calls = []
    hook = calendar_service.on_calendar_changed(lambda: calls.append(1) or 0)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            calendar_enter_year(
                actor=office,
                notice=YearNotice(2027, {D(2027, 1, 1): "元旦"}, {}, "国办发明电〔2026〕X号"),
            )
    finally:
        calendar_service._recompute_hooks.remove(hook)
    assert calls == [1]
    period = deadline(D(2026, 12, 20), 20)
    assert not period.provisional and period.deadline == D(2027, 1, 18)
    entry = AuditEntry.objects.get(action="calendar.enter_year", object_repr="2027年")
    assert entry.actor == office


@pytest.mark.parametrize(
    ("off", "work", "message"),
    [
        ({D(2027, 2, 6): "春节"}, {D(2027, 2, 6): "春节"}, "同时被填为放假和调休上班"),
        ({D(2028, 1, 1): "元旦"}, {}, "不属于 2027 年"),
        ({D(2027, 1, 1): "元旦"}, {D(2027, 1, 5): "元旦"}, "调休上班日只能是周六或周日"),
    ],
)
def test_wrong_entries_change_nothing(bureau, off, work, message):
    _drop_2027()
    before = CalendarDay.objects.count()
    with pytest.raises(CalendarEntryError, match=message):
        calendar_enter_year(
            actor=User.objects.get(username="office"), notice=YearNotice(2027, off, work)
        )
    assert CalendarDay.objects.count() == before
    assert not CalendarYear.objects.filter(year=2027).exists()


def test_only_the_office_or_admin_may_enter(bureau):
    from gongkai.core.errors import AccessDenied

    with pytest.raises(AccessDenied):
        calendar_enter_year(
            actor=User.objects.get(username="drafter"),
            notice=YearNotice(2027, {D(2027, 1, 1): "元旦"}, {}),
        )


def test_calendar_is_reloaded_after_a_change(bureau):
    _drop_2027()
    assert 2027 not in get_calendar().known_years
    calendar_enter_year(actor=None, notice=YearNotice(2027, {D(2027, 1, 1): "元旦"}, {}))
    assert 2027 in get_calendar().known_years


@time_machine.travel(dt.datetime(2026, 11, 26, 9, tzinfo=dt.UTC), tick=False)
def test_todo_from_1_november_until_next_year_is_entered(bureau):
    _drop_2027()
    admin = User.objects.get(username="admin")
    titles = [t.title for t in todos.collect(admin, D(2026, 11, 26))]
    assert "录入2027年节假日安排" in titles
    assert "录入2027年节假日安排" not in [t.title for t in todos.collect(admin, D(2026, 10, 31))]
    drafter = User.objects.get(username="drafter")
    assert "录入2027年节假日安排" not in [t.title for t in todos.collect(drafter, D(2026, 11, 26))]
    calendar_enter_year(actor=None, notice=YearNotice(2027, {D(2027, 1, 1): "元旦"}, {}))
    assert "录入2027年节假日安排" not in [t.title for t in todos.collect(admin, D(2026, 11, 26))]


def test_calendar_entry_page_preview_then_save(bureau, client):
    _drop_2027()
    client.force_login(User.objects.get(username="office"))
    url = reverse("core:calendar_enter")
    data = {
        "year": "2027",
        "notice": "国务院办公厅关于2027年部分节假日安排的通知",
        "off_days": "元旦 2027-01-01 至 2027-01-03\n春节 2027-02-05 至 2027-02-11",
        "work_days": "春节 2027-02-14",
    }
    response = client.post(url, {**data, "preview": "1"})
    assert response.status_code == 200
    assert "预览：2027年，放假 10 天，调休上班 1 天" in response.content.decode()
    assert not CalendarYear.objects.filter(year=2027).exists()
    response = client.post(url, {**data, "confirm": "1"})
    assert response.status_code == 302
    assert CalendarDay.objects.filter(year__year=2027).count() == 11


def test_calendar_entry_page_shows_chinese_errors(bureau, client):
    _drop_2027()
    client.force_login(User.objects.get(username="office"))
    response = client.post(
        reverse("core:calendar_enter"),
        {
            "year": "2027",
            "off_days": "春节 2027-02-06",
            "work_days": "春节 2027-02-08",
            "confirm": "1",
        },
    )
    assert "2027-02-08 是星期一，调休上班日只能是周六或周日。" in response.content.decode()
    assert not CalendarYear.objects.filter(year=2027).exists()
