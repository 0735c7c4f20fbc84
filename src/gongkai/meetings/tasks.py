"""Periodic job (huey): close registration (and draw) for meetings whose registration ended."""

from django.utils import timezone
from huey.contrib.djhuey import db_periodic_task

from gongkai.core.jobs import china_crontab


@db_periodic_task(china_crontab(hour="0", minute="20"))
def close_meeting_registrations() -> int:
    from gongkai.meetings.domain.states import Status
    from gongkai.meetings.models import Meeting
    from gongkai.meetings.services.meetings import meeting_close_registration

    today = timezone.localdate()
    due = Meeting.objects.filter(status=Status.ANNOUNCED, registration_closes_on__lt=today)
    for m in due:
        meeting_close_registration(actor=None, meeting=m, today=today)
    return len(due)
