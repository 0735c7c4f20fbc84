"""Workbench to-dos of the publishing module: a web root that failed to take a new build."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone

from gongkai.core import todos
from gongkai.core.models import Role, User


@todos.provider
def failing_targets(user: User, today: dt.date) -> Iterator[todos.Todo]:
    if not user.has_role(Role.PUBLISHER, Role.SYSADMIN) or user.department_id is None:
        return
    from gongkai.publishing.models import TargetState

    for state in TargetState.objects.filter(department_id=user.department_id, ok=False):
        yield todos.Todo(
            title=f"网站分发失败：{state.target}",
            url=reverse("publishing:index"),
            module="门户发布",
            due=timezone.localdate(state.checked_at) if state.checked_at else today,
            detail=(
                f"连续失败 {state.failures} 次，该网站根目录仍为第 {state.serial} 版；"
                f"系统每 5 分钟自动重试。最近的错误：{state.last_error[:200]}"
            ),
            level="urgent",
        )
