"""PURE  How long a draft must stay open for comment.

- A major administrative decision (重大行政决策): 《重大行政决策程序暂行条例》(2019) 第十五条 —
  "公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明".
  30 calendar days. Counted as the Civil Code counts periods in days: the opening day is not
  counted (民法典第二百零一条), and when the last day falls on a day off the period ends on the
  first working day after it (民法典第二百零三条), so the earliest closing date can move past a
  Spring Festival or National Day holiday.
- A normative document (行政规范性文件): 国办发〔2018〕37号 (广泛征求意见) — "征求意见的期限一般不少于
  7个工作日". Working days follow the holiday notice including make-up working weekends
  (gongkai.core.workdays); the opening day is not counted.
- Anything else (a plan, an implementation scheme): no statutory minimum.

Both minimums are settings (docs/settings.md): a bureau may set longer ones. A period shorter than
the minimum is allowed only with a recorded reason, which the public page shows.
"""

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from gongkai.core.dates import cn_date
from gongkai.core.workdays import WorkCalendar, add_working_days, next_working_day


class Kind(StrEnum):
    MAJOR_DECISION = "major_decision"
    NORMATIVE = "normative"
    OTHER = "other"

    @property
    def label(self) -> str:
        return KIND_LABELS[self]


KIND_LABELS = {
    Kind.MAJOR_DECISION: "重大行政决策",
    Kind.NORMATIVE: "行政规范性文件",
    Kind.OTHER: "其他文件",
}
BASIS = {
    Kind.MAJOR_DECISION: "《重大行政决策程序暂行条例》第十五条",
    Kind.NORMATIVE: "国办发〔2018〕37号",
    Kind.OTHER: "",
}

MAJOR_DECISION_DAYS = 30
NORMATIVE_WORKING_DAYS = 7
MIN_REASON = 10


@dataclass(frozen=True)
class Minimum:
    """The shortest period for a kind of draft; `days` 0 = no minimum."""

    kind: Kind
    days: int
    working: bool

    @property
    def text(self) -> str:
        if not self.days:
            return "无法定最短期限"
        unit = "个工作日" if self.working else "日"
        return f"不少于{self.days}{unit}（{BASIS[self.kind]}）"


def minimum_for(
    kind: Kind,
    *,
    major_days: int = MAJOR_DECISION_DAYS,
    normative_working_days: int = NORMATIVE_WORKING_DAYS,
) -> Minimum:
    if kind == Kind.MAJOR_DECISION:
        return Minimum(kind, major_days, working=False)
    if kind == Kind.NORMATIVE:
        return Minimum(kind, normative_working_days, working=True)
    return Minimum(kind, 0, working=False)


@dataclass(frozen=True)
class PeriodCheck:
    opens_on: dt.date
    closes_on: dt.date
    minimum: Minimum
    earliest_close: dt.date  # the first closing date that satisfies the minimum
    calendar_days: int  # days after the opening day up to and including the closing day
    working_days: int
    provisional: bool  # the calendar of a year in the period is not yet known
    lines: tuple[str, ...] = field(default_factory=tuple)

    @property
    def shorter(self) -> bool:
        return self.closes_on < self.earliest_close


def earliest_close(
    calendar: WorkCalendar, opens_on: dt.date, minimum: Minimum, *, count_start_day: bool = False
) -> tuple[dt.date, list[str], bool]:
    """The first closing date that keeps the minimum, how it was found, and whether it is
    provisional."""
    if not minimum.days:
        return opens_on, ["该类文件没有法定最短征求意见期限。"], False
    if minimum.working:
        period = add_working_days(calendar, opens_on, minimum.days, count_start_day=count_start_day)
        return period.deadline, period.explain(), period.provisional
    last = opens_on + dt.timedelta(days=minimum.days)
    lines = [
        f"自{cn_date(opens_on)}的次日起算{minimum.days}日，至{cn_date(last)}"
        "（民法典第二百零一条：开始的当日不计入）。"
    ]
    end = next_working_day(calendar, last)
    if end != last:
        lines.append(
            f"{cn_date(last)}为{calendar.why_off(last)}，期间最后一日顺延至休假日结束的次日"
            f"{cn_date(end)}（民法典第二百零三条）。"
        )
    provisional = not (calendar.is_known(last) and calendar.is_known(end))
    return end, lines, provisional


def check_period(
    calendar: WorkCalendar,
    opens_on: dt.date,
    closes_on: dt.date,
    minimum: Minimum,
    *,
    count_start_day: bool = False,
) -> PeriodCheck:
    """Compare a planned period with the minimum. Raises ValueError for an impossible period."""
    if closes_on <= opens_on:
        raise ValueError("截止日期须晚于开始日期。")
    if (closes_on - opens_on).days > 366:
        raise ValueError("征求意见期限不宜超过一年，请核对截止日期。")
    earliest, lines, provisional = earliest_close(
        calendar, opens_on, minimum, count_start_day=count_start_day
    )
    working = sum(
        1
        for n in range(1, (closes_on - opens_on).days + 1)
        if calendar.is_working_day(opens_on + dt.timedelta(days=n))
    )
    provisional = provisional or not calendar.is_known(closes_on)
    if minimum.days:
        lines.append(f"最早可截止于{cn_date(earliest)}。")
    if closes_on < earliest:
        lines.append(
            f"拟定截止日期{cn_date(closes_on)}短于法定期限，须说明缩短期限的理由并予以公布。"
        )
    return PeriodCheck(
        opens_on=opens_on,
        closes_on=closes_on,
        minimum=minimum,
        earliest_close=earliest,
        calendar_days=(closes_on - opens_on).days,
        working_days=working,
        provisional=provisional,
        lines=tuple(lines),
    )


def period_error(check: PeriodCheck, reason: str) -> str | None:
    """A shorter period needs a reason the public can read (第十五条：应当予以说明)."""
    if check.shorter and len(reason.strip()) < MIN_REASON:
        return (
            f"征求意见期限短于{check.minimum.text}，最早应截止于{cn_date(check.earliest_close)}。"
            f"确需缩短的，请说明理由（至少{MIN_REASON}个字），理由将随征求意见稿一并公布。"
        )
    return None
