"""The statutory working-day rule on the real 2025 and 2026 calendars (no database).

The calendar comes from the chinesecalendar package's data for those years — the same data the
platform seeds its database with — so these dates are the State Council's notices."""

import datetime as dt

import pytest

from gongkai.core.holidays import YearNotice, calendar_from_notices, package_notices
from gongkai.core.workdays import (
    WorkCalendar,
    add_working_days,
    next_working_day,
    working_days_between,
)

D = dt.date


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return calendar_from_notices(n for n in package_notices() if n.year in (2025, 2026))


def deadline(cal: WorkCalendar, start: dt.date, n: int) -> dt.date:
    return add_working_days(cal, start, n).deadline


def test_receipt_day_is_not_counted(cal):
    # Received Monday 2 Nov 2026: day 1 is Tuesday.
    assert deadline(cal, D(2026, 11, 2), 1) == D(2026, 11, 3)


def test_counting_the_receipt_day_is_a_setting(cal):
    period = add_working_days(cal, D(2026, 11, 2), 1, count_start_day=True)
    assert period.deadline == D(2026, 11, 2)


def test_spring_festival_2026_with_both_makeup_saturdays(cal):
    # 15–23 Feb off; Sat 14 Feb and Sat 28 Feb worked.
    assert deadline(cal, D(2026, 2, 13), 1) == D(2026, 2, 14)
    assert deadline(cal, D(2026, 2, 13), 2) == D(2026, 2, 24)
    period = add_working_days(cal, D(2026, 2, 10), 20)
    assert period.deadline == D(2026, 3, 16)
    skipped = {s.date for s in period.skipped}
    assert {D(2026, 2, 15) + dt.timedelta(days=i) for i in range(9)} <= skipped
    assert D(2026, 2, 14) not in skipped and D(2026, 2, 28) not in skipped
    assert [m.date for m in period.makeup_days] == [D(2026, 2, 14), D(2026, 2, 28)]
    assert {s.reason for s in period.skipped if s.date == D(2026, 2, 16)} == {"春节放假"}


def test_labour_day_2026_makeup_saturday(cal):
    # 1–5 May off; Sat 9 May worked.
    assert deadline(cal, D(2026, 4, 30), 3) == D(2026, 5, 8)
    assert deadline(cal, D(2026, 4, 30), 4) == D(2026, 5, 9)


def test_national_day_2026(cal):
    # 1–7 Oct off; Sun 20 Sep and Sat 10 Oct worked.
    assert deadline(cal, D(2026, 9, 18), 1) == D(2026, 9, 20)
    assert deadline(cal, D(2026, 9, 30), 1) == D(2026, 10, 8)
    assert deadline(cal, D(2026, 9, 30), 3) == D(2026, 10, 10)
    assert deadline(cal, D(2026, 9, 30), 20) == D(2026, 11, 3)


def test_spring_festival_2025(cal):
    # 28 Jan–4 Feb off; Sun 26 Jan and Sat 8 Feb worked.
    assert deadline(cal, D(2025, 1, 24), 1) == D(2025, 1, 26)
    assert deadline(cal, D(2025, 1, 24), 3) == D(2025, 2, 5)
    assert deadline(cal, D(2025, 2, 6), 2) == D(2025, 2, 8)


def test_labour_day_2025(cal):
    # 1–5 May off; Sun 27 Apr worked.
    assert deadline(cal, D(2025, 4, 25), 1) == D(2025, 4, 27)
    assert deadline(cal, D(2025, 4, 30), 1) == D(2025, 5, 6)


def test_national_day_2025(cal):
    # 1–8 Oct off (with Mid-autumn); Sun 28 Sep and Sat 11 Oct worked.
    assert deadline(cal, D(2025, 9, 26), 1) == D(2025, 9, 28)
    assert deadline(cal, D(2025, 9, 30), 1) == D(2025, 10, 9)
    assert deadline(cal, D(2025, 9, 30), 3) == D(2025, 10, 11)


def test_year_end_into_new_year_makeup_sunday(cal):
    # 2026: 1–3 Jan off, Sun 4 Jan worked.
    period = add_working_days(cal, D(2025, 12, 31), 1)
    assert period.deadline == D(2026, 1, 4)
    assert not period.provisional


def test_unknown_next_year_is_provisional(cal):
    period = add_working_days(cal, D(2026, 12, 20), 20)
    assert period.provisional
    assert period.unknown_years == (2027,)
    # Weekends only are assumed off in 2027 until its notice is entered.
    assert period.deadline == D(2027, 1, 15)
    assert any("暂定" in line for line in period.explain())


def test_entering_next_year_changes_the_deadline():
    notices = [n for n in package_notices() if n.year == 2026]
    notices.append(YearNotice(2027, {D(2027, 1, 1): "元旦"}, {}))
    period = add_working_days(calendar_from_notices(notices), D(2026, 12, 20), 20)
    assert not period.provisional
    assert period.deadline == D(2027, 1, 18)


def test_period_within_a_known_year_is_not_provisional(cal):
    assert not add_working_days(cal, D(2026, 3, 2), 20).provisional


def test_explanation_names_skipped_days_and_makeup_days(cal):
    lines = add_working_days(cal, D(2026, 9, 30), 20).explain()
    text = "\n".join(lines)
    assert "起算日：2026年9月30日（星期三），当日不计入期限。" in text
    assert "2026年10月1日至2026年10月7日（国庆节放假）" in text
    assert "2026年10月10日（星期六）为国庆节调休上班，计为工作日。" in text
    assert lines[-1] == "届满日：2026年11月3日（星期二），为第20个工作日。"


def test_to_dict_is_iso(cal):
    data = add_working_days(cal, D(2026, 9, 30), 3).to_dict()
    assert data["deadline"] == "2026-10-10"
    assert data["provisional"] is False
    assert {"date": "2026-10-01", "reason": "国庆节放假"} in data["skipped"]


def test_working_days_between(cal):
    assert working_days_between(cal, D(2026, 9, 30), D(2026, 10, 10)) == 3
    assert working_days_between(cal, D(2026, 10, 10), D(2026, 9, 30)) == 0
    assert working_days_between(cal, D(2026, 2, 10), D(2026, 3, 16)) == 20


def test_next_working_day(cal):
    assert next_working_day(cal, D(2026, 10, 1)) == D(2026, 10, 8)
    assert next_working_day(cal, D(2026, 10, 10)) == D(2026, 10, 10)


def test_zero_and_negative_days(cal):
    assert deadline(cal, D(2026, 10, 1), 0) == D(2026, 10, 1)
    with pytest.raises(ValueError, match="不能为负数"):
        add_working_days(cal, D(2026, 10, 1), -1)


def test_a_calendar_without_working_days_stops():
    start = D(2030, 1, 1)
    every_day = {start + dt.timedelta(days=i): "错误" for i in range(400)}
    with pytest.raises(ValueError, match="日历数据异常"):
        add_working_days(WorkCalendar(off_days=every_day), start, 1)
