"""A year's holiday notice as data, its validation, and the years a maintained package knows.
Pure: no Django."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from gongkai.core.workdays import WorkCalendar


@dataclass(frozen=True)
class YearNotice:
    """One year of the State Council's notice: days off and make-up working days by holiday."""

    year: int
    off_days: dict[dt.date, str]
    work_days: dict[dt.date, str]
    notice: str = ""


def validate_notice(notice: YearNotice) -> list[str]:
    """Every problem with a notice, in Chinese; empty when it can be saved."""
    errors = []
    if not 2000 <= notice.year <= 2100:
        errors.append(f"年份 {notice.year} 不在 2000 至 2100 之间。")
    if not notice.off_days:
        errors.append("请至少填写一个放假日期。")
    for day in sorted({*notice.off_days, *notice.work_days}):
        if day.year != notice.year:
            errors.append(f"{day.isoformat()} 不属于 {notice.year} 年，请检查日期。")
    for day in sorted(set(notice.off_days) & set(notice.work_days)):
        errors.append(f"{day.isoformat()} 同时被填为放假和调休上班，只能选其一。")
    for day in sorted(notice.work_days):
        if day.weekday() < 5:
            errors.append(
                f"{day.isoformat()} 是星期{'一二三四五'[day.weekday()]}，"
                "调休上班日只能是周六或周日。"
            )
    for day, name in sorted({**notice.off_days, **notice.work_days}.items()):
        if not name.strip():
            errors.append(f"{day.isoformat()} 未填写所属节日。")
    return errors


def calendar_from_notices(notices: Iterable[YearNotice]) -> WorkCalendar:
    off: dict[dt.date, str] = {}
    work: dict[dt.date, str] = {}
    years = set()
    for notice in notices:
        off.update(notice.off_days)
        work.update(notice.work_days)
        years.add(notice.year)
    return WorkCalendar(off_days=off, work_days=work, known_years=frozenset(years))


_HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


def package_notices(first_year: int = 2008) -> list[YearNotice]:
    """The years the chinesecalendar package knows (it follows the State Council's notices)."""
    from chinese_calendar.constants import holidays, workdays

    years: dict[int, YearNotice] = {}
    for source, kind in ((holidays, "off"), (workdays, "work")):
        for day, holiday in source.items():
            if day.year < first_year:
                continue
            notice = years.setdefault(
                day.year, YearNotice(day.year, {}, {}, "国务院办公厅部分节假日安排的通知")
            )
            label = str(getattr(holiday, "value", holiday))
            name = _HOLIDAY_NAMES.get(label, label)
            (notice.off_days if kind == "off" else notice.work_days)[day] = name
    return [years[y] for y in sorted(years)]
