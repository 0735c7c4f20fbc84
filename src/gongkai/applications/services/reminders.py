"""Deadline reminders of disclosure on application (the daily job calls reminders_send)."""

import datetime as dt

from django.db import IntegrityError, transaction

from gongkai.applications.domain.states import OPEN_STATUSES
from gongkai.applications.models import Application, Reminder
from gongkai.core import audit
from gongkai.core.models import Role, User
from gongkai.core.services.calendar import get_calendar
from gongkai.core.workdays import working_days_left

REMIND_AT = (5, 2)  # working days before the deadline


def reminders_send(today: dt.date) -> int:
    """Remind the handler 5 and 2 working days before the deadline; report overdue ones to the
    disclosure head. Idempotent: a reminder already recorded is not sent again."""
    sent = 0
    calendar = get_calendar()
    heads = {
        u.department_id: u
        for u in User.objects.filter(roles__role=Role.DISCLOSURE_HEAD, is_active=True)
    }
    for app in Application.objects.filter(
        status__in=[s.value for s in OPEN_STATUSES], deadline__isnull=False
    ).select_related("handler"):
        assert app.deadline is not None  # noqa: S101 - filtered above
        left = working_days_left(calendar, today, app.deadline)
        kind = None
        recipient = app.handler
        if left < 0:
            kind, recipient = Reminder.Kind.OVERDUE, heads.get(app.department_id)
        elif left in REMIND_AT:
            kind = Reminder.Kind.FIVE_DAYS if left == 5 else Reminder.Kind.TWO_DAYS
        if kind is None:
            continue
        try:
            with transaction.atomic():
                Reminder.objects.create(
                    application=app, kind=kind, deadline=app.deadline, recipient=recipient
                )
                audit.record(
                    actor=None,
                    action="applications.remind",
                    obj=app,
                    after={
                        "kind": kind,
                        "deadline": app.deadline,
                        "recipient": recipient.pk if recipient else None,
                    },
                )
        except IntegrityError:
            continue  # already sent for this deadline
        sent += 1
    return sent
