"""Shared helpers of the application services: permission checks, events, audit snapshots,
recomputing the reply clock."""

import datetime as dt
from typing import Any

from django.conf import settings

from gongkai.applications.domain import states
from gongkai.applications.domain.clock import Clock, ClockError, Pause, reply_clock
from gongkai.applications.models import Application, ApplicationEvent
from gongkai.core import audit
from gongkai.core.errors import DomainError, InvalidTransition
from gongkai.core.models import Role, User
from gongkai.core.permissions import (
    require_can_change_content,
    require_role,
    require_same_department,
)
from gongkai.core.services.calendar import get_calendar
from gongkai.core.workdays import WorkCalendar

# The general office runs disclosure on application (docs/applications.md).
HANDLER_ROLES = (Role.PUBLISHER, Role.DISCLOSURE_HEAD)
# Who may read applications (personal data is masked unless `sees_personal_data`).
READER_ROLES = (*HANDLER_ROLES, Role.LEADER, Role.AUDITOR, Role.SYSADMIN)


class ApplicationError(DomainError):
    """A request the rules do not allow. Message in Chinese, saying how to fix it."""


def require_handler(user: User, application: Application) -> None:
    require_role(user, *HANDLER_ROLES)
    require_can_change_content(user)
    require_department(user, application)


def require_department(user: User, application: Application) -> None:
    require_same_department(user, application.department_id, "申请")


def can_read(user: User) -> bool:
    return user.is_authenticated and user.has_role(*READER_ROLES)


def sees_personal_data(user: User, application: Application) -> bool:
    """ID numbers are shown in full only to the handler of the application and the head of the
    disclosure office; everyone else sees them masked."""
    if application.department_id != user.department_id:
        return False
    return application.handler_id == user.pk or user.has_role(Role.DISCLOSURE_HEAD)


def snapshot(app: Application) -> dict[str, Any]:
    return {
        "status": app.status,
        "received_on": app.received_on,
        "deadline": app.deadline,
        "deadline_provisional": app.deadline_provisional,
        "correction_requested_on": app.correction_requested_on,
        "correction_received_on": app.correction_received_on,
        "extension_days": app.extension_days,
        "fee_amount": app.fee_amount,
        "reply_type": app.reply_type,
        "outcome": app.outcome,
        "handler": app.handler_id,
    }


def event(app: Application, on: dt.date, text: str, *, public: bool = True) -> None:
    ApplicationEvent.objects.create(application=app, on=on, text=text[:300], public=public)


def transition(
    *,
    actor: User | None,
    app: Application,
    action: states.Action,
    today: dt.date,
    verb: str,
    update: dict[str, Any],
    text: str,
    public: bool = True,
) -> Application:
    """Check the transition table, apply `update`, recompute the clock, audit, add an event."""
    app = Application.objects.select_for_update().get(pk=app.pk)
    before = snapshot(app)
    try:
        target = states.next_status(app.status, action)
    except InvalidTransition as exc:
        raise ApplicationError(str(exc)) from exc
    for field, value in update.items():
        setattr(app, field, value)
    app.status = target
    refresh_clock(app, today)
    app.save()
    audit.record(
        actor=actor, action=f"applications.{verb}", obj=app, before=before, after=snapshot(app)
    )
    event(app, today, text, public=public)
    return app


def pauses(app: Application) -> list[Pause]:
    spans = [Pause(c.sent_on, c.answered_on, f"征求{c.party}意见") for c in app.consultations.all()]
    if app.fee_notice_on:
        spans.append(
            Pause(
                app.fee_notice_on,
                app.fee_paid_on,
                "等待申请人缴纳信息处理费",
                "国办函〔2020〕109号",
            )
        )
    return spans


def clock_for(
    app: Application, today: dt.date, calendar: WorkCalendar | None = None
) -> Clock | None:
    if app.received_on is None:
        return None
    return reply_clock(
        calendar or get_calendar(),
        received=app.received_on,
        today=today,
        correction_requested=app.correction_requested_on,
        correction_received=app.correction_received_on,
        pauses=pauses(app) if app.pk else [],
        extension_days=app.extension_days,
        count_start_day=settings.WORKDAY_COUNT_RECEIPT_DAY,
    )


def refresh_clock(app: Application, today: dt.date, calendar: WorkCalendar | None = None) -> None:
    """Store the current deadline (for lists, reminders and the status page)."""
    if not app.is_open:
        return
    try:
        clock = clock_for(app, today, calendar)
    except ClockError as exc:
        raise ApplicationError(str(exc)) from exc
    app.deadline = clock.deadline if clock else None
    app.deadline_provisional = bool(clock and clock.provisional)
