"""The workbench to-dos of consultations: comments to moderate, periods ending, feedback due."""

import datetime as dt
from collections.abc import Iterator

from django.conf import settings
from django.db.models import Count, Q
from django.urls import reverse

from gongkai.consultations.domain.states import Status
from gongkai.consultations.models import Consultation
from gongkai.consultations.services.common import EDIT_ROLES
from gongkai.core import todos
from gongkai.core.models import User
from gongkai.core.participation import Moderation
from gongkai.core.permissions import sees_all_divisions
from gongkai.core.services.calendar import get_calendar
from gongkai.core.workdays import add_working_days, working_days_left

MODULE = "征求意见"


def days_left(today: dt.date, deadline: dt.date) -> int:
    return working_days_left(get_calendar(), today, deadline)


def feedback_due(c: Consultation) -> dt.date:
    """The bureau's own target for publishing the feedback (settings; default 20 working days
    after the period, as 条例第二十六条 allows for information once formed)."""
    return add_working_days(
        get_calendar(), c.closes_on, settings.CONSULTATION_FEEDBACK_WORKING_DAYS
    ).deadline


@todos.provider
def consultation_todos(user: User, today: dt.date) -> Iterator[todos.Todo]:
    if not user.has_role(*EDIT_ROLES) or user.department_id is None:
        return
    qs = Consultation.objects.filter(
        department_id=user.department_id, status__in=[Status.OPEN, Status.CLOSED]
    )
    if not sees_all_divisions(user):
        qs = qs.filter(division_id=user.division_id or 0)
    qs = qs.annotate(
        pending=Count("comments", filter=Q(comments__moderation=Moderation.PENDING)),
        undecided=Count(
            "comments",
            filter=Q(
                comments__moderation=Moderation.ACCEPTED,
                comments__disposition="",
                comments__same_as__isnull=True,
            ),
        ),
    )
    for c in qs.order_by("closes_on")[:100]:
        url = reverse("consultations_staff:detail", args=[c.pk])
        if c.pending:
            yield todos.Todo(
                title=f"审核网上意见 {c.pending} 条：{c.title[:24]}",
                url=url,
                module=MODULE,
                detail="仅广告、谩骂、违法有害信息等可不予受理；不同意见必须受理。",
            )
        if c.status == Status.OPEN:
            left = days_left(today, c.closes_on)
            yield todos.Todo(
                title=f"征求意见中：{c.title[:30]}",
                url=url,
                module=MODULE,
                due=c.closes_on,
                detail=f"截止日期后次日自动结束；已收到意见待处理 {c.undecided} 条。",
                level="normal" if left > 2 else "urgent",
            )
        else:
            due = feedback_due(c)
            left = days_left(today, due)
            yield todos.Todo(
                title=f"处理意见并公布采纳情况：{c.title[:24]}",
                url=url,
                module=MODULE,
                due=due,
                detail=f"待处理意见 {c.undecided} 条；未采纳的须说明理由。",
                level="urgent" if left <= 5 else "normal",
            )
