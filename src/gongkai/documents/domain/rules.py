"""Date rules for documents: the 20-working-day rule, cleanup dates, index numbers."""

import datetime as dt
import string

from gongkai.core.errors import DomainError
from gongkai.core.workdays import WorkCalendar, working_days_between

# 条例第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。
PROACTIVE_DISCLOSURE_WORKING_DAYS = 20
# 规范性文件每两年清理一次（实施方案“结果公开”：规范性文件定期清理）; configurable per campaign.
DEFAULT_CLEANUP_YEARS = 2


def disclosure_working_days(calendar: WorkCalendar, formed: dt.date, published: dt.date) -> int:
    """Working days from formation/change to publication (the formation day is not counted)."""
    return working_days_between(calendar, formed, published)


def is_late(days: int) -> bool:
    # 条例第二十六条
    return days > PROACTIVE_DISCLOSURE_WORKING_DAYS


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def next_cleanup_date(last: dt.date, years: int = DEFAULT_CLEANUP_YEARS) -> dt.date:
    return add_years(last, years)


class IndexPatternError(DomainError, ValueError):
    pass


_ALLOWED_FIELDS = {"prefix", "year", "seq"}


def index_pattern_error(pattern: str) -> str | None:
    """None if the pattern is usable, else a Chinese message."""
    try:
        fields = {f for _, f, _, _ in string.Formatter().parse(pattern) if f is not None}
    except ValueError:
        return "索引号格式中的花括号不配对，请检查。"
    unknown = fields - _ALLOWED_FIELDS
    if unknown:
        return f"索引号格式只能使用 {{prefix}}、{{year}}、{{seq}}，不认识：{'、'.join(sorted(unknown))}。"
    if "seq" not in fields:
        return "索引号格式必须包含流水号 {seq}，否则无法保证唯一。"
    return None


def format_index_number(pattern: str, *, prefix: str, year: int, seq: int) -> str:
    error = index_pattern_error(pattern)
    if error:
        raise IndexPatternError(error)
    return pattern.format(prefix=prefix, year=year, seq=seq)


def date_order_error(written: dt.date | None, published: dt.date | None) -> str | None:
    if written and published and published < written:
        return "发布日期早于成文日期：公文须先成文后发布，请核对两个日期。"
    return None
