import datetime as dt

from django import template
from django.utils import timezone

from gongkai.core.dates import cn_date as _cn_date

register = template.Library()


@register.filter
def cn_date(value: dt.date | dt.datetime | None) -> str:
    """2026年11月26日 (datetimes in local time)."""
    if isinstance(value, dt.datetime):
        value = (
            timezone.localdate(value) if timezone.is_aware(value) else value.date()
        )  # china-time: naive
    return _cn_date(value)


@register.filter
def cn_datetime(value: dt.datetime | None) -> str:
    if value is None:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{_cn_date(local.date())} {local:%H:%M}"  # china-time: local
