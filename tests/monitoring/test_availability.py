"""The 国办发〔2019〕19号 availability rule: ≥ 5 % of ≥ 20 daily probes over a week fail (15 s)."""

from __future__ import annotations

import datetime as dt

from gongkai.monitoring.availability import ProbeSample, assess_week

WEEK_END = dt.date(2026, 10, 7)  # National Day week: probes run on holidays too


def week(
    per_day: int, *, failures: int = 0, slow: int = 0, end: dt.date = WEEK_END
) -> list[ProbeSample]:
    samples = []
    for d in range(7):
        day = end - dt.timedelta(days=d)
        for i in range(per_day):
            at = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=i * (1440 // per_day))
            samples.append(ProbeSample(at, True, 0.8))
    for i in range(failures):
        samples[i * 3] = ProbeSample(samples[i * 3].at, False, 15.0)
    for i in range(slow):
        samples[i * 3 + 1] = ProbeSample(samples[i * 3 + 1].at, True, 15.01)
    return samples


def test_all_probes_open_is_ok() -> None:
    result = assess_week(week(24), week_end=WEEK_END)
    assert result.probes == 168
    assert result.status == "ok"
    assert not result.unreachable


def test_exactly_five_percent_failures_is_unreachable() -> None:
    # 20 probes × 7 days = 140; 5 % = 7 failures.
    assert assess_week(week(20, failures=7), week_end=WEEK_END).unreachable
    assert not assess_week(week(20, failures=6), week_end=WEEK_END).unreachable


def test_opening_after_15_seconds_counts_as_failure() -> None:
    result = assess_week(week(20, failures=3, slow=4), week_end=WEEK_END)
    assert result.failures == 7
    assert result.unreachable
    assert "单项否决" in result.explain()


def test_opening_in_exactly_15_seconds_is_not_a_failure() -> None:
    samples = [ProbeSample(s.at, True, 15.0) for s in week(20)]
    assert assess_week(samples, week_end=WEEK_END).failures == 0


def test_fewer_than_20_probes_a_day_is_reported_as_insufficient() -> None:
    samples = week(20)
    short_day = WEEK_END - dt.timedelta(days=2)
    samples = [s for s in samples if s.at.date() != short_day or s.at.hour < 12]
    result = assess_week(samples, week_end=WEEK_END)
    assert result.short_days == [short_day]
    assert result.status == "insufficient"
    assert "不足 20 次" in result.explain()


def test_only_the_seven_days_ending_on_week_end_count() -> None:
    earlier = [
        ProbeSample(s.at, False, 30.0) for s in week(20, end=WEEK_END - dt.timedelta(days=7))
    ]
    samples = week(20) + earlier
    result = assess_week(samples, week_end=WEEK_END)
    assert result.probes == 140
    assert result.failures == 0
    assert result.week_start == dt.date(2026, 10, 1)
