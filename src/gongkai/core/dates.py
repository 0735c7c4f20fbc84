"""How people read dates: 2026年11月26日. Data stays ISO."""

import datetime as dt

WEEKDAYS = "一二三四五六日"


def cn_date(d: dt.date | None) -> str:
    if d is None:
        return ""
    return f"{d.year}年{d.month}月{d.day}日"


def cn_weekday(d: dt.date) -> str:
    return "星期" + WEEKDAYS[d.weekday()]
