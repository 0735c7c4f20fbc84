"""JSON API of disclosure on application: status query (no personal data), the reply-deadline
and fee calculators."""

import datetime as dt

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from ninja.errors import HttpError

from gongkai.applications.domain.clock import ClockError, reply_clock
from gongkai.applications.domain.fees import fee_for_applications, fee_for_pages
from gongkai.applications.services.common import clock_for
from gongkai.applications.views.public import _over_limit, status_lookup
from gongkai.core.services.calendar import get_calendar

router = Router(tags=["依申请公开"])


class StatusOut(Schema):
    number: str
    status: str
    status_label: str
    received_on: dt.date | None
    deadline: dt.date | None
    provisional: bool
    replied_on: dt.date | None
    reply_type: str
    explain: list[str]


class StatusIn(Schema):
    code: str
    factor: str


@router.post("/status", response=StatusOut, summary="凭查询码和手机/证件号后4位查询办理状态")
def status(request: HttpRequest, payload: StatusIn) -> StatusOut:
    if _over_limit(request, "query", settings.STATUS_RATE_LIMIT):
        raise HttpError(429, "查询过于频繁，请一小时后再试。")
    app = status_lookup(payload.code, payload.factor)
    if app is None:
        raise HttpError(404, "查询码或验证信息不正确。")
    clock = clock_for(app, timezone.localdate()) if app.is_open else None
    return StatusOut(
        number=app.number,
        status=app.status,
        status_label=app.status_label,
        received_on=app.received_on,
        deadline=clock.deadline if clock else app.deadline,
        provisional=bool(clock and clock.provisional),
        replied_on=app.replied_on,
        reply_type=app.reply_type,
        explain=list(clock.lines) if clock else [],
    )


class DeadlineOut(Schema):
    deadline: dt.date
    provisional: bool
    explain: list[str]


@router.get("/deadline", response=DeadlineOut, summary="计算答复期限")
def deadline(
    request: HttpRequest, received: dt.date, corrected: dt.date | None = None, extend: int = 0
) -> DeadlineOut:
    try:
        clock = reply_clock(
            get_calendar(),
            received=received,
            today=timezone.localdate(),
            correction_received=corrected,
            extension_days=extend,
            count_start_day=settings.WORKDAY_COUNT_RECEIPT_DAY,
        )
    except ClockError as exc:
        raise HttpError(400, str(exc)) from None
    if clock.deadline is None:  # pragma: no cover
        raise HttpError(400, "等待补正期间没有答复期限。")
    return DeadlineOut(
        deadline=clock.deadline, provisional=clock.provisional, explain=list(clock.lines)
    )


class FeeOut(Schema):
    yuan: int


@router.get("/fee", response=FeeOut, summary="计算信息处理费（按件或按量，二选一）")
def fee(request: HttpRequest, applications: int | None = None, pages: int | None = None) -> FeeOut:
    if (applications is None) == (pages is None):
        raise HttpError(400, "请只提供 applications（按件）或 pages（按量）之一。")
    n = applications if applications is not None else pages
    if n is None or n < 0:
        raise HttpError(400, "件数或页数不能为负数。")
    return FeeOut(yuan=fee_for_applications(n) if applications is not None else fee_for_pages(n))
