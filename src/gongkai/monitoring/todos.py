"""Workbench to-dos of the monitoring app: open tampering incidents and failing single-veto items.

Registered on import, from the app's `MonitoringConfig.ready()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils import timezone

from gongkai.core import todos

if TYPE_CHECKING:
    from gongkai.core.models import User

# The general office runs the website (实施方案 三、平台建设: daily monitoring by named staff).
ROLES = ("publisher", "disclosure_head", "sysadmin")


@todos.provider
def open_incidents(user: User, today: dt.date) -> Iterator[todos.Todo]:
    """Every open or confirmed tampering incident of the user's department, most serious first."""
    if not user.has_role(*ROLES) or user.department_id is None:
        return
    from gongkai.monitoring.models import Incident

    open_ = Incident.objects.filter(
        department_id=user.department_id,
        status__in=[Incident.Status.OPEN, Incident.Status.CONFIRMED],
    ).order_by("-score")
    for incident in open_[:20]:
        label = "页面被篡改" if incident.verdict == "tampered" else "页面疑似被篡改"
        yield todos.Todo(
            title=f"{label}：{incident.url}",
            url=reverse("monitoring:incident", args=[incident.pk]),
            module="网站监测",
            due=timezone.localdate(incident.opened_at),
            detail=incident.summary,
            level="urgent",
        )


@todos.provider
def failing_veto_items(user: User, today: dt.date) -> Iterator[todos.Todo]:
    """Every single-veto item of the website inspection whose latest evaluation failed."""
    if not user.has_role(*ROLES) or user.department_id is None or user.department is None:
        return
    from gongkai.monitoring.models import VetoStatus
    from gongkai.monitoring.veto import latest

    for check in latest(user.department).values():
        if check.status != VetoStatus.FAIL:
            continue
        yield todos.Todo(
            title=f"网站检查单项否决：{check.get_item_display()}",
            url=reverse("monitoring:index") + f"#veto-{check.item}",
            module="网站监测",
            due=timezone.localdate(check.checked_at),
            detail=check.summary,
            level="urgent",
        )
