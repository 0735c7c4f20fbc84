"""Openness statistics per division, on the real working-day calendar."""

import datetime as dt

import pytest

from gongkai.core.models import User
from gongkai.reports.domain.periods import Period, parse_period
from gongkai.reports.statistics import statistics
from tests.reports.records import application, document

pytestmark = pytest.mark.django_db


def test_per_division_on_time_rate_and_working_days_across_national_day(bureau):
    drafter = User.objects.get(username="drafter")  # 计划处
    # Mon 3 Mar → Mon 10 Mar 2025: 5 working days, within the deadline.
    application(
        bureau,
        received=dt.date(2025, 3, 3),
        closed=dt.date(2025, 3, 10),
        outcome="disclosed",
        handler=drafter,
    )
    # Fri 26 Sep → Fri 31 Oct 2025: National Day 1–8 Oct off, Sun 28 Sep and Sat 11 Oct worked:
    # 21 working days — late against a deadline of 24 Oct.
    late = application(
        bureau,
        received=dt.date(2025, 9, 26),
        closed=dt.date(2025, 10, 31),
        outcome="partly_disclosed",
        handler=drafter,
    )
    late.deadline = dt.date(2025, 10, 24)
    late.save()
    application(bureau, received=dt.date(2025, 12, 30), handler=drafter)  # still open
    document(bureau, drafter, published=dt.date(2025, 5, 6), late=True)
    policy = document(bureau, drafter, published=dt.date(2025, 5, 6), normative=True)
    document(bureau, drafter, published=dt.date(2025, 5, 6), genre="解读", interprets=policy)

    stats = statistics(bureau, Period(2025))
    row = next(r for r in stats.rows if r.name == "计划处")
    assert row.values["documents"] == 3
    assert row.values["late"] == 1
    assert row.values["interpreted"] == 1
    assert row.values["received"] == 3
    assert row.values["replied"] == 2
    assert row.values["on_time_pct"] == 50.0
    assert row.values["avg_days"] == 13.0
    assert row.values["open_todos"] == 1
    assert stats.total.values["received"] == 3
    assert dict(stats.outcomes)["（一）予以公开"] == 1
    assert stats.quarterly["received"] == [1, 0, 1, 1]

    q1 = statistics(bureau, Period(2025, 1))
    assert next(r for r in q1.rows if r.name == "计划处").values["replied"] == 1


def test_periods():
    assert (Period(2025, 1).start, Period(2025, 1).end) == (
        dt.date(2025, 1, 1),
        dt.date(2025, 3, 31),
    )
    assert Period(2025, 4).end == dt.date(2025, 12, 31)
    assert Period(2025, 2).label == "2025年第二季度"
    today = dt.date(2026, 11, 26)
    assert parse_period("2031", "9", today) == Period(2026, None)
    assert parse_period("x", "3", today) == Period(2026, 3)
