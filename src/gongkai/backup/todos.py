"""The system administrator's to-do when the last scheduled backup failed."""

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone

from gongkai.backup.tasks import BACKUP_JOB
from gongkai.core.models import JobRun, Role, User
from gongkai.core.todos import Todo, provider


@provider
def backup_failed(user: User, today: dt.date) -> Iterator[Todo]:
    if not user.has_role(Role.SYSADMIN):
        return
    last = JobRun.objects.filter(name=BACKUP_JOB).first()
    if last is None or last.ok:
        return
    yield Todo(
        title="定时备份失败",
        url=reverse("core:workbench"),
        module="备份",
        due=timezone.localdate(last.ran_at),
        detail=last.message,
        level="urgent",
    )
