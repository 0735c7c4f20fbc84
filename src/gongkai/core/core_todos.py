"""The core module's own to-dos: next year's holiday notice, due from 1 November."""

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse

from gongkai.core import todos
from gongkai.core.models import JobRun, Role, User
from gongkai.core.services.calendar import missing_next_year


@todos.provider
def calendar_notice_due(user: User, today: dt.date) -> Iterator[todos.Todo]:
    if not user.has_role(Role.SYSADMIN, Role.PUBLISHER, Role.DISCLOSURE_HEAD):
        return
    year = missing_next_year(today)
    if year is None:
        return
    yield todos.Todo(
        title=f"录入{year}年节假日安排",
        url=reverse("core:calendar_enter") + f"?year={year}",
        module="工作日历",
        due=dt.date(today.year, 12, 31),
        detail=f"{year}年的法定期限目前为暂定期限；国务院办公厅通知发布后请录入。",
        level="urgent",
    )


@todos.provider
def audit_chain_broken(user: User, today: dt.date) -> Iterator[todos.Todo]:
    if not user.has_role(Role.AUDITOR, Role.SYSADMIN):
        return
    last = JobRun.objects.filter(name="audit.verify").first()
    if last is None or last.ok:
        return
    yield todos.Todo(
        title="审计日志哈希链校验未通过",
        url=reverse("core:audit"),
        module="审计日志",
        detail=last.message,
        level="urgent",
    )
