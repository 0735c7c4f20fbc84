"""The workbench to-dos of disclosure on application."""

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse

from gongkai.applications.domain.states import OPEN_STATUSES, Status
from gongkai.applications.models import Application
from gongkai.core import todos
from gongkai.core.models import Role, User
from gongkai.core.services.calendar import get_calendar
from gongkai.core.workdays import working_days_left

MODULE = "依申请公开"


def days_left(today: dt.date, deadline: dt.date) -> int:
    return working_days_left(get_calendar(), today, deadline)


@todos.provider
def application_todos(user: User, today: dt.date) -> Iterator[todos.Todo]:
    """Handlers see their own and unassigned applications; the disclosure head sees all, so
    overdue ones escalate to them."""
    if not user.has_role(Role.PUBLISHER, Role.DISCLOSURE_HEAD) or user.department_id is None:
        return
    qs = Application.objects.filter(department_id=user.department_id)
    if not user.has_role(Role.DISCLOSURE_HEAD):
        qs = qs.filter(handler__in=[user.pk, None])
    for app in qs.filter(status=Status.AWAITING_CONFIRMATION).only(
        "pk", "number", "submitted_at", "description"
    )[:50]:
        yield todos.Todo(
            title=f"确认收到申请 {app.number}",
            url=reverse("applications_staff:detail", args=[app.pk]),
            module=MODULE,
            detail="网上/传真/邮件/平信申请待与申请人确认，确认之日为收到申请之日（条例第三十一条）。",
            level="urgent",
        )
    open_qs = qs.filter(status__in=[s.value for s in OPEN_STATUSES]).order_by("deadline")
    for app in open_qs.only(
        "pk",
        "number",
        "status",
        "deadline",
        "deadline_provisional",
        "correction_due_on",
        "fee_due_on",
        "description",
    )[:200]:
        due = app.deadline or app.correction_due_on or app.fee_due_on
        left = days_left(today, due) if due else None
        yield todos.Todo(
            title=f"{app.number} {app.description[:24]}",
            url=reverse("applications_staff:detail", args=[app.pk]),
            module=MODULE,
            due=due,
            detail=app.status_label + ("；已超期" if left is not None and left < 0 else ""),
            level="urgent" if left is not None and left <= 2 else "normal",
            provisional=app.deadline_provisional,
        )
