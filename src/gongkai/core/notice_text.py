"""Parsing a holiday notice as staff type it, one line per holiday:

    元旦 2027-01-01 至 2027-01-03
    春节 2027-02-06 至 2027-02-13
    春节 2027-02-14

Pure: returns the days by name, or the lines it could not read with the reason.
"""

import datetime as dt
import re

_LINE = re.compile(
    r"^\s*(?P<name>[^\d\s]+)\s+(?P<start>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:\s*(?:至|到|~|--|—|-)\s*(?P<end>\d{4}-\d{1,2}-\d{1,2}))?\s*$"
)


def _date(text: str) -> dt.date:
    y, m, d = (int(p) for p in text.split("-"))
    return dt.date(y, m, d)


def parse_days(text: str) -> tuple[dict[dt.date, str], list[str]]:
    days: dict[dt.date, str] = {}
    errors: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        match = _LINE.match(raw)
        if not match:
            errors.append(
                f"第{number}行“{raw.strip()}”无法识别，格式应为“节日 YYYY-MM-DD”"
                "或“节日 YYYY-MM-DD 至 YYYY-MM-DD”。"
            )
            continue
        try:
            start = _date(match["start"])
            end = _date(match["end"]) if match["end"] else start
        except ValueError:
            errors.append(f"第{number}行含有不存在的日期，请检查月份和日。")
            continue
        if end < start:
            errors.append(f"第{number}行的结束日期早于开始日期。")
            continue
        if (end - start).days > 31:
            errors.append(f"第{number}行跨度超过31天，请检查日期。")
            continue
        day = start
        while day <= end:
            days[day] = match["name"]
            day += dt.timedelta(days=1)
    return days, errors


def format_days(days: dict[dt.date, str]) -> str:
    """The inverse of parse_days, merging consecutive days of one holiday into a range."""
    lines: list[str] = []
    run: list[dt.date] = []
    for day in sorted(days):
        if run and (day - run[-1]).days == 1 and days[day] == days[run[-1]]:
            run.append(day)
            continue
        if run:
            lines.append(_line(days[run[0]], run))
        run = [day]
    if run:
        lines.append(_line(days[run[0]], run))
    return "\n".join(lines)


def _line(name: str, run: list[dt.date]) -> str:
    if len(run) == 1:
        return f"{name} {run[0].isoformat()}"
    return f"{name} {run[0].isoformat()} 至 {run[-1].isoformat()}"
