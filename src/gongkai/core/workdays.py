"""Working-day arithmetic for statutory periods. Pure: no Django, the calendar is an argument.

The rule (条例第三十三条; 民法典第二百零一条 and court practice): the day on which a period starts
(the day of receipt) is not counted; day 1 is the next working day and the deadline is the Nth
working day. Working days follow the State Council's yearly holiday notice, including make-up
working weekends (调休). For a year whose notice is not yet entered, weekends are assumed off and
weekdays worked, and the result is marked *provisional*.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from gongkai.core.dates import cn_date, cn_weekday

ONE_DAY = dt.timedelta(days=1)
# A statutory period never needs more than this many calendar days per working day; the
# guard stops a corrupt calendar (every day off) from looping forever.
_MAX_CALENDAR_DAYS_PER_WORKDAY = 30


@dataclass(frozen=True)
class WorkCalendar:
    """Days off and make-up working days for the years whose notice is known."""

    off_days: Mapping[dt.date, str] = field(default_factory=dict)
    work_days: Mapping[dt.date, str] = field(default_factory=dict)
    known_years: frozenset[int] = frozenset()

    def is_known(self, day: dt.date) -> bool:
        return day.year in self.known_years

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.work_days:
            return True
        if day in self.off_days:
            return False
        return day.weekday() < 5

    def why_off(self, day: dt.date) -> str:
        """Why a non-working day is off, in Chinese."""
        if day in self.off_days:
            return f"{self.off_days[day]}放假"
        return "周末"

    def why_worked(self, day: dt.date) -> str | None:
        """For a make-up working weekend, which holiday it makes up for."""
        if day in self.work_days:
            return f"{self.work_days[day]}调休上班"
        return None


@dataclass(frozen=True)
class SkippedDay:
    date: dt.date
    reason: str


@dataclass(frozen=True)
class Period:
    """The result of counting N working days from a start date, with how it was computed."""

    start: dt.date
    days: int
    deadline: dt.date
    provisional: bool
    skipped: tuple[SkippedDay, ...]
    makeup_days: tuple[SkippedDay, ...]
    unknown_years: tuple[int, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start.isoformat(),
            "days": self.days,
            "deadline": self.deadline.isoformat(),
            "provisional": self.provisional,
            "unknown_years": list(self.unknown_years),
            "skipped": [{"date": s.date.isoformat(), "reason": s.reason} for s in self.skipped],
            "makeup_working_days": [
                {"date": s.date.isoformat(), "reason": s.reason} for s in self.makeup_days
            ],
        }

    def explain(self) -> list[str]:
        """The computation in Chinese, one line per fact, for applicants and staff."""
        lines = [
            f"起算日：{cn_date(self.start)}（{cn_weekday(self.start)}），当日不计入期限。",
            f"期限：{self.days}个工作日，自下一个工作日起算为第1日。",
        ]
        if self.skipped:
            groups = _group_consecutive(self.skipped)
            parts = [f"{_span(g)}（{g[0].reason}）" for g in groups]
            lines.append(f"跳过非工作日{len(self.skipped)}天：" + "；".join(parts) + "。")
        for m in self.makeup_days:
            lines.append(f"{cn_date(m.date)}（{cn_weekday(m.date)}）为{m.reason}，计为工作日。")
        lines.append(
            f"届满日：{cn_date(self.deadline)}（{cn_weekday(self.deadline)}），"
            f"为第{self.days}个工作日。"
        )
        if self.provisional:
            years = "、".join(f"{y}年" for y in self.unknown_years)
            lines.append(
                f"注意：{years}的节假日安排尚未录入，本期限为暂定期限，"
                "录入国务院办公厅节假日安排通知后将自动重新计算。"
            )
        return lines


def _span(group: list[SkippedDay]) -> str:
    if len(group) == 1:
        return cn_date(group[0].date)
    return f"{cn_date(group[0].date)}至{cn_date(group[-1].date)}"


def _group_consecutive(days: tuple[SkippedDay, ...]) -> list[list[SkippedDay]]:
    groups: list[list[SkippedDay]] = []
    for day in days:
        last = groups[-1][-1] if groups else None
        if last and day.date - last.date == ONE_DAY and day.reason == last.reason:
            groups[-1].append(day)
        else:
            groups.append([day])
    return groups


def add_working_days(
    calendar: WorkCalendar, start: dt.date, days: int, *, count_start_day: bool = False
) -> Period:
    """The Nth working day after `start` (条例第三十三条：收到申请之日不计入).

    With `count_start_day` (a deployment setting, off by default), `start` itself counts as
    day 1 when it is a working day.
    """
    if days < 0:
        raise ValueError("工作日天数不能为负数。")
    skipped: list[SkippedDay] = []
    makeup: list[SkippedDay] = []
    unknown: set[int] = set()
    day = start - ONE_DAY if count_start_day else start
    counted = 0
    limit = start + dt.timedelta(days=_MAX_CALENDAR_DAYS_PER_WORKDAY * max(days, 1))
    while counted < days:
        day += ONE_DAY
        if day > limit:
            raise ValueError("日历数据异常：长期没有工作日，请检查节假日安排。")
        if not calendar.is_known(day):
            unknown.add(day.year)
        if calendar.is_working_day(day):
            counted += 1
            reason = calendar.why_worked(day)
            if reason:
                makeup.append(SkippedDay(day, reason))
        else:
            skipped.append(SkippedDay(day, calendar.why_off(day)))
    return Period(
        start=start,
        days=days,
        deadline=day,
        provisional=bool(unknown),
        skipped=tuple(skipped),
        makeup_days=tuple(makeup),
        unknown_years=tuple(sorted(unknown)),
    )


def working_days_between(calendar: WorkCalendar, start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start).

    Used for "working days left" (today → deadline) and "working days taken"
    (formation → publication, receipt → reply).
    """
    count = 0
    day = start
    while day < end:
        day += ONE_DAY
        if calendar.is_working_day(day):
            count += 1
    return count


def working_days_left(calendar: WorkCalendar, today: dt.date, deadline: dt.date) -> int:
    """Working days from today to the deadline: 0 on the day, negative when overdue."""
    if deadline >= today:
        return working_days_between(calendar, today, deadline)
    return -working_days_between(calendar, deadline, today)


def next_working_day(calendar: WorkCalendar, day: dt.date) -> dt.date:
    """The first working day on or after `day`."""
    while not calendar.is_working_day(day):
        day += ONE_DAY
    return day
