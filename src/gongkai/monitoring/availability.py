"""The availability rule of the State Council website inspection (国办发〔2019〕19号 附件
《政府网站与政务新媒体检查指标》, 单项否决: 站点无法访问).

"Site unreachable": over one week, monitored at least 20 times a day, the share of probes that
fail to open the home page within 15 seconds is 5 % or more. Pure: takes probe samples and the
week's last day as arguments; no Django, no clock.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

PROBE_TIMEOUT_S = 15.0  # a probe that has not opened the page within 15 s failed
MIN_DAILY_PROBES = 20  # the rule assumes at least 20 probes on every day of the week
FAILURE_SHARE = 0.05  # ≥ 5 % failures over the week = unreachable (single veto)
WEEK_DAYS = 7


@dataclass(frozen=True)
class ProbeSample:
    """One probe: when, whether the page opened, and how long it took."""

    at: dt.datetime
    opened: bool
    elapsed_s: float

    @property
    def failed(self) -> bool:
        return not self.opened or self.elapsed_s > PROBE_TIMEOUT_S


@dataclass
class Availability:
    """The week's assessment: verdict plus the numbers a reviewer needs to check it."""

    week_start: dt.date
    week_end: dt.date
    probes: int
    failures: int
    per_day: dict[dt.date, int] = field(default_factory=dict)
    short_days: list[dt.date] = field(default_factory=list)

    @property
    def failure_share(self) -> float:
        return self.failures / self.probes if self.probes else 0.0

    @property
    def sufficient(self) -> bool:
        """Every day of the week has the ≥ 20 probes the rule presupposes."""
        return not self.short_days

    @property
    def unreachable(self) -> bool:
        """The single-veto condition. With too few probes it is judged on what there is."""
        return self.probes > 0 and self.failure_share >= FAILURE_SHARE

    @property
    def status(self) -> str:
        if self.unreachable:
            return "unreachable"
        return "ok" if self.sufficient else "insufficient"

    def explain(self) -> str:
        text = (
            f"{self.week_start:%Y-%m-%d}—{self.week_end:%Y-%m-%d} 共监测 {self.probes} 次，"
            f"15 秒内未能打开 {self.failures} 次（{self.failure_share:.1%}）"
        )
        if self.unreachable:
            text += "，达到 5% 的单项否决标准（站点无法访问）"
        if self.short_days:
            days = "、".join(f"{d:%m-%d}" for d in self.short_days)
            text += f"；{days} 监测不足 {MIN_DAILY_PROBES} 次，请检查监测任务"
        return text + "。"


def assess_week(samples: Iterable[ProbeSample], *, week_end: dt.date) -> Availability:
    """Assess the seven days ending on *week_end* (inclusive) from the probe samples."""
    week_start = week_end - dt.timedelta(days=WEEK_DAYS - 1)
    per_day: Counter[dt.date] = Counter()
    probes = failures = 0
    for sample in samples:
        day = sample.at.date()  # china-time: samples carry local time (services.probe_samples)
        if not week_start <= day <= week_end:
            continue
        per_day[day] += 1
        probes += 1
        failures += sample.failed
    days = [week_start + dt.timedelta(days=i) for i in range(WEEK_DAYS)]
    short = [d for d in days if per_day[d] < MIN_DAILY_PROBES]
    return Availability(week_start, week_end, probes, failures, dict(per_day), short)
