"""The workbench to-do list (待办): one extension point that every module contributes to.

A module registers a provider in its AppConfig.ready():

    from gongkai.core import todos

    @todos.provider
    def overdue_applications(user, today):
        for app in ...:
            yield todos.Todo(title=..., url=..., due=app.deadline, module="依申请公开")

A provider receives the signed-in user and today's date and yields the to-dos that user should
see (it applies the user's roles and division scope itself). The workbench sorts them by due
date and shows working days left; the countdown uses the working-day calendar.
"""

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.urls import reverse

from gongkai.core.models import JobRun, Role, User
from gongkai.core.services.calendar import missing_next_year


@dataclass(frozen=True)
class Todo:
    title: str
    url: str
    module: str
    due: dt.date | None = None
    detail: str = ""
    # "urgent" for overdue or statutory items due within days; "normal" otherwise.
    level: str = "normal"
    provisional: bool = False


Provider = Callable[[User, dt.date], Iterable[Todo]]
_providers: list[Provider] = []


def provider(func: Provider) -> Provider:
    """Register a to-do provider (idempotent, so a reloaded module does not register twice)."""
    if func not in _providers:
        _providers.append(func)
    return func


def providers() -> tuple[Provider, ...]:
    return tuple(_providers)


def collect(user: User, today: dt.date) -> list[Todo]:
    items = [todo for p in _providers for todo in p(user, today)]
    return sorted(items, key=lambda t: (t.due is None, t.due or dt.date.max, t.title))


# The core module's own to-dos ------------------------------------------------------------------
# Next year's holiday notice (due from 1 November) and a broken audit chain.


@provider
def calendar_notice_due(user: User, today: dt.date) -> Iterator[Todo]:
    if not user.has_role(Role.SYSADMIN, Role.PUBLISHER, Role.DISCLOSURE_HEAD):
        return
    year = missing_next_year(today)
    if year is None:
        return
    yield Todo(
        title=f"录入{year}年节假日安排",
        url=reverse("core:calendar_enter") + f"?year={year}",
        module="工作日历",
        due=dt.date(today.year, 12, 31),
        detail=f"{year}年的法定期限目前为暂定期限；国务院办公厅通知发布后请录入。",
        level="urgent",
    )


@provider
def audit_chain_broken(user: User, today: dt.date) -> Iterator[Todo]:
    if not user.has_role(Role.AUDITOR, Role.SYSADMIN):
        return
    last = JobRun.objects.filter(name="audit.verify").first()
    if last is None or last.ok:
        return
    yield Todo(
        title="审计日志哈希链校验未通过",
        url=reverse("core:audit"),
        module="审计日志",
        detail=last.message,
        level="urgent",
    )
