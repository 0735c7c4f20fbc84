"""Demo: the site's home page under monitoring, the leaders' names for the 严重表述错误 check,
and a first evaluation of the single-veto items (idempotent: a second run adds nothing)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings

from gongkai.core.models import Department

LEADERS = (
    # (name, title(s), common wrong spellings)
    ("何明远", "党组书记、局长", "何明元、何名远"),
    ("杨志强", "副局长", "杨智强、杨志墙"),
)


def load(department: Department, *, today: dt.date) -> None:
    from gongkai.monitoring.models import Leader, MonitoredPage, VetoCheck
    from gongkai.monitoring.veto import veto_checks_run

    MonitoredPage.objects.get_or_create(
        department=department,
        url=settings.PUBLIC_BASE_URL + "/",
        defaults={"label": "门户网站首页", "is_home": True},
    )
    for order, (name, title, typos) in enumerate(LEADERS):
        Leader.objects.get_or_create(
            department=department,
            name=name,
            defaults={"title": title, "typos": typos, "order": order},
        )
    if not VetoCheck.objects.filter(department=department).exists():
        veto_checks_run(department=department, today=today)
