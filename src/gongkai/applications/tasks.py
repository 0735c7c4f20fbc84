"""Periodic jobs (huey): daily reminders, automatic recomputation of running pauses."""

from django.utils import timezone
from huey.contrib.djhuey import db_periodic_task

from gongkai.core.jobs import china_crontab


@db_periodic_task(china_crontab(hour="7", minute="30"))
def daily_application_reminders() -> int:
    from gongkai.applications.services.reminders import reminders_send
    from gongkai.applications.services.workflow import applications_recompute

    today = timezone.localdate()
    applications_recompute(today)  # running consultations push deadlines day by day
    return reminders_send(today)
