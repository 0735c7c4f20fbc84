"""gongkai deadline --received DATE [--corrected DATE] [--extend N] [--json]"""

import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from gongkai.applications.domain.clock import ClockError, reply_clock
from gongkai.core.services.calendar import get_calendar


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"日期“{value}”格式不正确，应为 YYYY-MM-DD，如 2026-03-02。") from None


class Command(BaseCommand):
    help = "计算政府信息公开申请的答复期限（条例第三十条、第三十三条），最后一行为 YYYY-MM-DD。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--received", required=True, help="收到申请日期 YYYY-MM-DD")
        parser.add_argument(
            "--corrected", help="收到补正后申请的日期 YYYY-MM-DD（期限自该日重新计算）"
        )
        parser.add_argument("--extend", type=int, default=0, help="经批准延长的工作日数（最多20）")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args: Any, **options: Any) -> None:
        received = _date(options["received"])
        corrected = _date(options["corrected"]) if options["corrected"] else None
        try:
            clock = reply_clock(
                get_calendar(),
                received=received,
                today=timezone.localdate(),
                correction_received=corrected,
                extension_days=options["extend"],
                count_start_day=settings.WORKDAY_COUNT_RECEIPT_DAY,
            )
        except ClockError as exc:
            raise CommandError(str(exc)) from None
        if clock.deadline is None:  # pragma: no cover - only while waiting for a correction
            raise CommandError("等待补正期间没有答复期限。")
        if options["json"]:
            self.stdout.write(json.dumps(clock.to_dict(), ensure_ascii=False))
            return
        for line in clock.lines:
            self.stdout.write(line)
        self.stdout.write(clock.deadline.isoformat())
