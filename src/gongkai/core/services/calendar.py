"""The working-day calendar as stored: loading it, seeding it, entering a new year's notice."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from gongkai.core import audit
from gongkai.core.models import CalendarDay, CalendarYear, Role, User
from gongkai.core.permissions import require_role
from gongkai.core.workdays import Period, WorkCalendar, add_working_days

_CACHE_KEY = "gongkai:workcalendar:v1"


class CalendarEntryError(Exception):
    """A holiday notice that cannot be right. `errors` lists every problem in Chinese."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("；".join(errors))
        self.errors = errors


def get_calendar() -> WorkCalendar:
    cached: WorkCalendar | None = cache.get(_CACHE_KEY)
    if cached is not None:
        return cached
    off: dict[dt.date, str] = {}
    work: dict[dt.date, str] = {}
    for day in CalendarDay.objects.all():
        (off if day.kind == CalendarDay.Kind.OFF else work)[day.date] = day.name
    calendar = WorkCalendar(
        off_days=off,
        work_days=work,
        known_years=frozenset(CalendarYear.objects.values_list("year", flat=True)),
    )
    cache.set(_CACHE_KEY, calendar, 3600)
    return calendar


def deadline(start: dt.date, days: int) -> Period:
    """N working days from `start` under the deployment's counting rule."""
    return add_working_days(
        get_calendar(), start, days, count_start_day=settings.WORKDAY_COUNT_RECEIPT_DAY
    )


# Modules whose stored deadlines depend on the calendar register here (the applications module
# recomputes provisional deadlines of open applications). Called after a year is entered.
_recompute_hooks: list[Callable[[], int]] = []


def on_calendar_changed(func: Callable[[], int]) -> Callable[[], int]:
    if func not in _recompute_hooks:
        _recompute_hooks.append(func)
    return func


@dataclass(frozen=True)
class YearNotice:
    year: int
    off_days: dict[dt.date, str]
    work_days: dict[dt.date, str]
    notice: str = ""


def validate_notice(notice: YearNotice) -> list[str]:
    errors = []
    if not 2000 <= notice.year <= 2100:
        errors.append(f"年份 {notice.year} 不在 2000 至 2100 之间。")
    for day in sorted({*notice.off_days, *notice.work_days}):
        if day.year != notice.year:
            errors.append(f"{day.isoformat()} 不属于 {notice.year} 年，请检查日期。")
    for day in sorted(set(notice.off_days) & set(notice.work_days)):
        errors.append(f"{day.isoformat()} 同时被填为放假和调休上班，只能选其一。")
    for day, name in sorted(notice.work_days.items()):
        if day.weekday() < 5:
            errors.append(
                f"{day.isoformat()} 是工作日（星期{'一二三四五'[day.weekday()]}），"
                "调休上班日只能是周六或周日。"
            )
        if not name.strip():
            errors.append(f"{day.isoformat()} 未填写所属节日。")
    for day, name in sorted(notice.off_days.items()):
        if not name.strip():
            errors.append(f"{day.isoformat()} 未填写所属节日。")
    return errors


@transaction.atomic
def calendar_enter_year(*, user: User | None, notice: YearNotice) -> CalendarYear:
    """Enter (or replace) one year's State Council holiday notice, then recompute deadlines."""
    if user is not None:
        require_role(user, Role.SYSADMIN, Role.PUBLISHER, Role.DISCLOSURE_HEAD)
    errors = validate_notice(notice)
    if errors:
        raise CalendarEntryError(errors)
    existing = CalendarYear.objects.filter(year=notice.year).first()
    before = _year_snapshot(existing) if existing else None
    year, _ = CalendarYear.objects.update_or_create(
        year=notice.year,
        defaults={
            "source": CalendarYear.Source.ENTERED if user else CalendarYear.Source.PACKAGE,
            "notice": notice.notice,
            "entered_by": user,
        },
    )
    year.days.all().delete()
    CalendarDay.objects.bulk_create(
        [CalendarDay(year=year, date=d, kind=CalendarDay.Kind.OFF, name=n)
         for d, n in notice.off_days.items()]
        + [CalendarDay(year=year, date=d, kind=CalendarDay.Kind.WORK, name=n)
           for d, n in notice.work_days.items()]
    )
    audit.record(
        actor=user,
        action="calendar.enter_year",
        obj=year,
        before=before,
        after=_year_snapshot(year),
    )
    transaction.on_commit(_after_change)
    return year


def _after_change() -> None:
    cache.delete(_CACHE_KEY)
    for hook in _recompute_hooks:
        hook()


def _year_snapshot(year: CalendarYear) -> dict[str, object]:
    return {
        "year": year.year,
        "notice": year.notice,
        "days": [f"{d.date.isoformat()} {d.kind} {d.name}" for d in year.days.order_by("date")],
    }


_HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def package_notices() -> list[YearNotice]:
    """The years the chinesecalendar package knows, as notices."""
    from chinese_calendar.constants import holidays, workdays

    years: dict[int, YearNotice] = {}
    for source, kind in ((holidays, "off"), (workdays, "work")):
        for day, holiday in source.items():
            notice = years.setdefault(day.year, YearNotice(day.year, {}, {}, "国务院办公厅通知"))
            name = _HOLIDAY_NAMES.get(holiday.value, holiday.value)
            (notice.off_days if kind == "off" else notice.work_days)[day] = name
    return [years[y] for y in sorted(years)]


def calendar_seed(first_year: int = 2008) -> int:
    """Load the package's years that are not in the database yet. Entered years are kept."""
    have = set(CalendarYear.objects.values_list("year", flat=True))
    added = 0
    for notice in package_notices():
        if notice.year >= first_year and notice.year not in have:
            calendar_enter_year(user=None, notice=notice)
            added += 1
    return added


def missing_next_year(today: dt.date) -> int | None:
    """From 1 November, next year's notice is due; returns that year while it is missing."""
    if today.month < 11:
        return None
    nxt = today.year + 1
    return None if CalendarYear.objects.filter(year=nxt).exists() else nxt
