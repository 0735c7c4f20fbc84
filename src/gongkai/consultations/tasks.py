"""Periodic job (huey): close consultations whose period has ended."""

from django.utils import timezone
from huey.contrib.djhuey import db_periodic_task

from gongkai.core.jobs import china_crontab


@db_periodic_task(china_crontab(hour="0", minute="10"))
def close_ended_consultations() -> int:
    from gongkai.consultations.services.consultations import consultations_close_due

    return consultations_close_due(timezone.localdate())
