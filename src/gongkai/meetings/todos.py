"""Workbench to-dos of open meetings: the yearly plan (at least 2 a year, warning from the third
quarter), the draw after registration closes, attendance and minutes after the meeting."""

import datetime as dt
from collections.abc import Iterator

from django.conf import settings
from django.urls import reverse

from gongkai.core import todos
from gongkai.core.models import User
from gongkai.core.services.calendar import get_calendar
from gongkai.core.workdays import add_working_days
from gongkai.meetings.domain.plan import plan_status
from gongkai.meetings.domain.states import Status
from gongkai.meetings.models import Meeting
from gongkai.meetings.services.meetings import EDIT_ROLES, year_counts

MODULE = "会议公开"
# 条例第二十六条: information is disclosed within 20 working days of being formed.
MINUTES_WORKING_DAYS = 20


def plan_todo(department_id: int, today: dt.date) -> todos.Todo | None:
    held, planned = year_counts(department_id, today.year)
    status = plan_status(today, held=held, planned=planned, minimum=settings.MEETINGS_PER_YEAR)
    if status.met:
        return None
    return todos.Todo(
        title=f"年度会议公开：已召开 {held}/{status.minimum} 次",
        url=reverse("meetings_staff:index"),
        module=MODULE,
        due=dt.date(today.year, 12, 31),
        detail=status.message
        + ("请尽快安排邀请公众、专家和媒体列席的局长办公会。" if status.level != "normal" else ""),
        level="urgent" if status.level in ("warn", "urgent") else "normal",
    )


@todos.provider
def meeting_todos(user: User, today: dt.date) -> Iterator[todos.Todo]:
    if not user.has_role(*EDIT_ROLES) or user.department_id is None:
        return
    plan = plan_todo(user.department_id, today)
    if plan:
        yield plan
    qs = Meeting.objects.filter(department_id=user.department_id)
    for m in qs.filter(status=Status.ANNOUNCED, registration_closes_on__lt=today):
        yield todos.Todo(
            title=f"截止报名并确定列席人员：{m.title[:24]}",
            url=reverse("meetings_staff:detail", args=[m.pk]),
            module=MODULE,
            due=m.held_on,
            detail="报名人数超过名额的，系统按公开的方法抽签。",
            level="urgent",
        )
    for m in qs.filter(status=Status.REGISTRATION_CLOSED, held_on__lte=today):
        yield todos.Todo(
            title=f"登记会议出席情况：{m.title[:24]}",
            url=reverse("meetings_staff:detail", args=[m.pk]),
            module=MODULE,
            due=m.held_on,
            level="urgent",
        )
    for m in qs.filter(status=Status.HELD):
        due = add_working_days(get_calendar(), m.held_on, MINUTES_WORKING_DAYS).deadline
        yield todos.Todo(
            title=f"公开会议纪要：{m.title[:24]}",
            url=reverse("meetings_staff:detail", args=[m.pk]),
            module=MODULE,
            due=due,
            detail="会议纪要公开部分自会议之日起20个工作日内公开（条例第二十六条）。",
            level="urgent" if due <= today else "normal",
        )
