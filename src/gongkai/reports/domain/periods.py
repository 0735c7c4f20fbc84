"""Statistics periods (quarters and years) and the ratios leaders read — pure."""

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Period:
    year: int
    quarter: int | None = None  # 1–4, or None for the whole year

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1 + 3 * ((self.quarter or 1) - 1), 1)

    @property
    def end(self) -> dt.date:
        if self.quarter is None or self.quarter == 4:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, 3 * self.quarter + 1, 1) - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        return f"{self.year}年" + (f"第{'一二三四'[self.quarter - 1]}季度" if self.quarter else "")

    def quarters(self) -> list["Period"]:
        return [Period(self.year, q) for q in range(1, 5)]


def parse_period(year: str | int, quarter: str | int | None, today: dt.date) -> Period:
    """From query parameters; bad values fall back to the current year (a filter, not input)."""
    try:
        y = int(year)
    except (TypeError, ValueError):
        y = today.year
    if not 2008 <= y <= today.year:
        y = today.year
    try:
        q: int | None = int(quarter) if quarter not in (None, "") else None  # type: ignore[arg-type]
    except (TypeError, ValueError):
        q = None
    if q is not None and not 1 <= q <= 4:
        q = None
    return Period(y, q)


def percent(part: int, whole: int) -> float | None:
    """Share in per cent with one decimal; None when there is nothing to divide."""
    if whole <= 0:
        return None
    return round(100 * part / whole, 1)


def average(values: list[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None
