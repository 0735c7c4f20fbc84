"""The working-day calendar as stored: loading it, seeding it, entering a new year's notice."""

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max

from gongkai.core import audit
from gongkai.core.errors import DomainError
from gongkai.core.holidays import YearNotice, package_notices, validate_notice
from gongkai.core.models import CalendarDay, CalendarYear, Role, User
from gongkai.core.permissions import require_role
from gongkai.core.workdays import Period, WorkCalendar, add_working_days

_memo: tuple[tuple[object, ...], WorkCalendar] | None = None


class CalendarEntryError(DomainError):
    """A holiday notice that cannot be right. `errors` lists every problem in Chinese."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("；".join(errors))
        self.errors = errors


def _fingerprint() -> tuple[object, ...]:
    agg = CalendarYear.objects.aggregate(n=Count("id"), last=Max("entered_at"))
    return (agg["n"], agg["last"], CalendarDay.objects.count())


def get_calendar() -> WorkCalendar:
    """The stored calendar, loaded once per process and reloaded when any year changes
    (one cheap aggregate query tells, so several app servers stay consistent)."""
    global _memo
    fingerprint = _fingerprint()
    if _memo is not None and _memo[0] == fingerprint:
        return _memo[1]
    off: dict[dt.date, str] = {}
    work: dict[dt.date, str] = {}
    for day in CalendarDay.objects.all():
        (off if day.kind == CalendarDay.Kind.OFF else work)[day.date] = day.name
    calendar = WorkCalendar(
        off_days=off,
        work_days=work,
        known_years=frozenset(CalendarYear.objects.values_list("year", flat=True)),
    )
    _memo = (fingerprint, calendar)
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


@transaction.atomic
def calendar_enter_year(*, actor: User | None, notice: YearNotice) -> CalendarYear:
    """Enter (or replace) one year's State Council holiday notice, then recompute deadlines."""
    if actor is not None:
        require_role(actor, Role.SYSADMIN, Role.PUBLISHER, Role.DISCLOSURE_HEAD)
    errors = validate_notice(notice)
    if errors:
        raise CalendarEntryError(errors)
    existing = CalendarYear.objects.filter(year=notice.year).first()
    before = _year_snapshot(existing) if existing else None
    year, _ = CalendarYear.objects.update_or_create(
        year=notice.year,
        defaults={
            "source": CalendarYear.Source.ENTERED if actor else CalendarYear.Source.PACKAGE,
            "notice": notice.notice,
            "entered_by": actor,
        },
    )
    year.days.all().delete()
    CalendarDay.objects.bulk_create(
        [
            CalendarDay(year=year, date=d, kind=CalendarDay.Kind.OFF, name=n)
            for d, n in notice.off_days.items()
        ]
        + [
            CalendarDay(year=year, date=d, kind=CalendarDay.Kind.WORK, name=n)
            for d, n in notice.work_days.items()
        ]
    )
    audit.record(
        actor=actor,
        action="calendar.enter_year",
        obj=year,
        before=before,
        after=_year_snapshot(year),
    )
    transaction.on_commit(_after_change)
    return year


def _after_change() -> None:
    for hook in _recompute_hooks:
        hook()


def _year_snapshot(year: CalendarYear) -> dict[str, object]:
    return {
        "year": year.year,
        "notice": year.notice,
        "days": [f"{d.date.isoformat()} {d.kind} {d.name}" for d in year.days.order_by("date")],
    }


def calendar_seed(first_year: int = 2008) -> int:
    """Load the package's years that are not in the database yet. Entered years are kept."""
    have = set(CalendarYear.objects.values_list("year", flat=True))
    added = 0
    for notice in package_notices(first_year):
        if notice.year not in have:
            calendar_enter_year(actor=None, notice=notice)
            added += 1
    return added


def missing_next_year(today: dt.date) -> int | None:
    """From 1 November, next year's notice is due; returns that year while it is missing."""
    if today.month < 11:
        return None
    nxt = today.year + 1
    return None if CalendarYear.objects.filter(year=nxt).exists() else nxt
