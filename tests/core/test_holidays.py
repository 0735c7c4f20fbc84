import datetime as dt

from gongkai.core.holidays import YearNotice, package_notices, validate_notice
from gongkai.core.notice_text import format_days, parse_days

D = dt.date


def test_package_knows_2026_as_the_design_lists_it():
    notice = next(n for n in package_notices() if n.year == 2026)
    assert set(notice.work_days) == {
        D(2026, 1, 4),
        D(2026, 2, 14),
        D(2026, 2, 28),
        D(2026, 5, 9),
        D(2026, 9, 20),
        D(2026, 10, 10),
    }
    assert notice.off_days[D(2026, 2, 15)] == "春节"
    assert notice.off_days[D(2026, 10, 7)] == "国庆节"


def test_valid_notice_has_no_errors():
    notice = YearNotice(2027, {D(2027, 1, 1): "元旦"}, {D(2027, 2, 6): "春节"})
    assert validate_notice(notice) == []


def test_a_day_both_off_and_worked():
    notice = YearNotice(2027, {D(2027, 2, 6): "春节"}, {D(2027, 2, 6): "春节"})
    assert validate_notice(notice) == ["2027-02-06 同时被填为放假和调休上班，只能选其一。"]


def test_a_date_outside_the_year():
    errors = validate_notice(YearNotice(2027, {D(2026, 12, 31): "元旦"}, {}))
    assert errors == ["2026-12-31 不属于 2027 年，请检查日期。"]


def test_a_makeup_day_on_a_weekday():
    errors = validate_notice(YearNotice(2027, {D(2027, 1, 1): "元旦"}, {D(2027, 1, 4): "元旦"}))
    assert errors == ["2027-01-04 是星期一，调休上班日只能是周六或周日。"]


def test_parse_ranges_and_single_days():
    days, errors = parse_days("春节 2027-02-05 至 2027-02-07\n元旦 2027-01-01\n")
    assert errors == []
    assert days == {
        D(2027, 1, 1): "元旦",
        D(2027, 2, 5): "春节",
        D(2027, 2, 6): "春节",
        D(2027, 2, 7): "春节",
    }
    assert format_days(days) == "元旦 2027-01-01\n春节 2027-02-05 至 2027-02-07"


def test_parse_reports_each_bad_line():
    _, errors = parse_days("春节 2027-02-30\n乱写一行\n国庆 2027-10-07 至 2027-10-01")
    assert errors == [
        "第1行含有不存在的日期，请检查月份和日。",
        "第2行“乱写一行”无法识别，格式应为“节日 YYYY-MM-DD”或“节日 YYYY-MM-DD 至 YYYY-MM-DD”。",
        "第3行的结束日期早于开始日期。",
    ]
