"""The scheduled backup: every day at GONGKAI_BACKUP_AT (China time) into GONGKAI_BACKUP_DIR,
keeping the newest GONGKAI_BACKUP_KEEP archives. The outcome is a JobRun; a failure becomes an
urgent to-do for the system administrator (core.todos)."""

import datetime as dt

from django.conf import settings
from django.utils import timezone
from huey.contrib.djhuey import db_periodic_task

from gongkai.backup.services import BackupError, backup_create, backup_prune
from gongkai.core.models import JobRun

BACKUP_JOB = "core.backup"  # the JobRun name (kept: earlier runs are recorded under it)


def backup_due(local: dt.datetime) -> bool:
    """Is `local` (China time) the minute of the daily backup? Never when it is switched off."""
    at = settings.BACKUP_AT
    return bool(at) and local.strftime("%H:%M") == at


def backup_run() -> JobRun:
    """One scheduled backup and the retention that follows it (only after a good backup)."""
    folder = settings.BACKUP_DIR
    try:
        report = backup_create(path=f"{folder}/", secrets=settings.BACKUP_SECRETS)
    except BackupError as exc:
        return JobRun.objects.create(name=BACKUP_JOB, ok=False, message=str(exc))
    removed = backup_prune(folder, settings.BACKUP_KEEP, protect=report.path)
    message = (
        f"已备份到 {report.path}（{report.size / 1e6:.1f} MB，用时 {report.seconds:.0f} 秒）。"
        f"保留最近 {settings.BACKUP_KEEP} 份，删除旧备份 {len(removed)} 份。"
    )
    return JobRun.objects.create(name=BACKUP_JOB, ok=True, message=message)


# huey checks periodic tasks once a minute; the test reads China time itself (as china_crontab).
@db_periodic_task(lambda _now: backup_due(timezone.localtime()))
def scheduled_backup() -> None:
    backup_run()
