"""The reply clock of an application: deadline, working days left and how it was computed.
Pure: no Django; the calendar and "today" are arguments.

Rules:
- 条例第三十一条 the receipt date depends on the channel (see `receipt_date`).
- 条例第三十三条第二款 reply within 20 working days of receipt; the receipt day is not counted.
- 条例第三十条 a correction may be requested once, within 7 working days of receipt; the reply
  period restarts from receipt of the corrected application.
- 条例第三十三条第三款 time spent consulting third parties / other agencies is not counted.
- 条例第三十三条第二款 an extension of at most 20 working days, approved by the head of the
  disclosure office.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from gongkai.core.dates import cn_date
from gongkai.core.errors import DomainError
from gongkai.core.workdays import (
    Period,
    WorkCalendar,
    add_working_days,
    working_days_between,
    working_days_left,
)

REPLY_DAYS = 20  # 条例第三十三条第二款
MAX_EXTENSION_DAYS = 20  # 条例第三十三条第二款
CORRECTION_REQUEST_DAYS = 7  # 条例第三十条
THIRD_PARTY_DAYS = 15  # 条例第三十二条、第三十四条
FEE_PAYMENT_DAYS = 20  # 国办函〔2020〕109号：自收到收费通知之日起20个工作日内


class ClockError(DomainError, ValueError):
    """Dates that cannot be right (a correction before receipt, …). Message in Chinese."""


@dataclass(frozen=True)
class Pause:
    """A span not counted in the reply period: the working days after `start` up to and
    including `end`. `end` None means it is still running (counted up to today). Used for
    consultations (条例第三十三条第三款) and the time between a fee notice and payment
    (国办函〔2020〕109号)."""

    start: dt.date
    end: dt.date | None = None
    reason: str = "征求第三方或其他机关意见"
    basis: str = "条例第三十三条第三款"


@dataclass(frozen=True)
class Clock:
    received: dt.date
    restart: dt.date | None
    deadline: dt.date | None
    provisional: bool
    paused_days: int
    extension_days: int
    waiting_for_correction: bool
    period: Period | None
    lines: tuple[str, ...] = field(default=())

    def days_left(self, calendar: WorkCalendar, today: dt.date) -> int | None:
        """Working days from today to the deadline; negative when overdue; 0 on the day."""
        if self.deadline is None:
            return None
        return working_days_left(calendar, today, self.deadline)

    def to_dict(self) -> dict[str, object]:
        return {
            "received": self.received.isoformat(),
            "restart": self.restart.isoformat() if self.restart else None,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "provisional": self.provisional,
            "paused_working_days": self.paused_days,
            "extension_days": self.extension_days,
            "waiting_for_correction": self.waiting_for_correction,
            "explain": list(self.lines),
            "period": self.period.to_dict() if self.period else None,
        }


def receipt_date(
    channel: str,
    *,
    submitted: dt.date,
    signed_for: dt.date | None = None,
    confirmed: dt.date | None = None,
) -> dt.date | None:
    """条例第三十一条: the day the application counts as received, or None while it waits.

    in person (window) = day submitted; registered post = day the office signs for it;
    ordinary letter = day the office confirms with the applicant; online, fax or e-mail = the
    day both sides confirm.
    """
    if channel == "window":
        return submitted
    if channel == "registered_post":
        return signed_for
    if channel in {"ordinary_post", "online", "fax", "email"}:
        return confirmed
    raise ClockError(f"未知的申请渠道：{channel}。")


def correction_request_deadline(
    calendar: WorkCalendar, received: dt.date, *, count_start_day: bool = False
) -> Period:
    """条例第三十条: the last day on which a correction may be requested."""
    return add_working_days(
        calendar, received, CORRECTION_REQUEST_DAYS, count_start_day=count_start_day
    )


def reply_clock(
    calendar: WorkCalendar,
    *,
    received: dt.date,
    today: dt.date,
    correction_requested: dt.date | None = None,
    correction_received: dt.date | None = None,
    pauses: Sequence[Pause] = (),
    extension_days: int = 0,
    count_start_day: bool = False,
    explain: bool = True,
) -> Clock:
    """The current reply deadline and its explanation in Chinese lines (`explain=False` skips
    the lines, for bulk recomputation)."""
    _check(received, correction_requested, correction_received, extension_days)
    lines = [f"收到申请：{cn_date(received)}（条例第三十一条）。"]
    if correction_requested and not correction_received:
        lines.append(
            f"{cn_date(correction_requested)}要求补正，答复期限暂停；"
            "收到补正后的申请之日起重新计算20个工作日（条例第三十条）。"
        )
        return Clock(received, None, None, False, 0, extension_days, True, None, tuple(lines))
    start = received
    if correction_received:
        start = correction_received
        asked = f"{cn_date(correction_requested)}要求补正，" if correction_requested else ""
        lines.append(
            f"{asked}{cn_date(correction_received)}收到补正后的申请，"
            "答复期限自该日重新起算（条例第三十条）。"
        )
    paused = 0
    for pause in sorted(pauses, key=lambda p: p.start):
        begin = max(pause.start, start)
        end = pause.end or today
        if end <= begin:
            continue
        days = working_days_between(calendar, begin, end)
        paused += days
        if pause.end is None:
            lines.append(
                f"{cn_date(begin)}起{pause.reason}，至今{days}个工作日不计入答复期限，"
                f"期间期限顺延（{pause.basis}）。"
            )
        else:
            lines.append(
                f"{cn_date(begin)}至{cn_date(end)}{pause.reason}，其间{days}个工作日"
                f"不计入答复期限（{pause.basis}）。"
            )
    if extension_days:
        lines.append(
            f"经政务公开工作机构负责人同意延长{extension_days}个工作日（条例第三十三条第二款）。"
        )
    total = REPLY_DAYS + paused + extension_days
    period = add_working_days(calendar, start, total, count_start_day=count_start_day)
    if total != REPLY_DAYS:
        lines.append(
            f"合计：{REPLY_DAYS}个工作日"
            + (f" + 暂停计算{paused}个工作日" if paused else "")
            + (f" + 延长{extension_days}个工作日" if extension_days else "")
            + f" = {total}个工作日。"
        )
    if explain:
        lines.extend(period.explain())
    return Clock(
        received=received,
        restart=correction_received,
        deadline=period.deadline,
        provisional=period.provisional,
        paused_days=paused,
        extension_days=extension_days,
        waiting_for_correction=False,
        period=period,
        lines=tuple(lines),
    )


def _check(
    received: dt.date,
    correction_requested: dt.date | None,
    correction_received: dt.date | None,
    extension_days: int,
) -> None:
    if correction_requested and correction_requested < received:
        raise ClockError("要求补正的日期不能早于收到申请的日期。")
    if correction_received and correction_received < (correction_requested or received):
        raise ClockError("收到补正的日期不能早于收到申请或要求补正的日期。")
    if not 0 <= extension_days <= MAX_EXTENSION_DAYS:
        raise ClockError(
            f"延长期限最长不超过{MAX_EXTENSION_DAYS}个工作日（条例第三十三条第二款），"
            f"当前填写的是{extension_days}个。"
        )
