"""gongkai workdays add DATE N [--json] | gongkai workdays explain DATE N"""

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.core.services.calendar import deadline


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"日期 {text!r} 无效，请使用 YYYY-MM-DD 格式，如 2026-09-30。") from None


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise CommandError(f"工作日天数 {text!r} 应为整数。") from None
    if not 0 <= value <= 1000:
        raise CommandError("工作日天数应在 0 至 1000 之间。")
    return value


class Command(BaseCommand):
    help = "按法定规则计算工作日期限（收到之日不计入，第1日为下一个工作日）。"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help="起算日加 N 个工作日，最后一行输出 YYYY-MM-DD")
        add.add_argument("date", help="起算日（如收到申请之日），YYYY-MM-DD")
        add.add_argument("days", help="工作日天数 N")
        add.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
        explain = sub.add_parser("explain", help="用中文说明期限是如何计算的")
        explain.add_argument("date")
        explain.add_argument("days")

    def handle(self, *args: Any, **options: Any) -> None:
        period = deadline(_date(options["date"]), _days(options["days"]))
        if options["action"] == "explain":
            self.stdout.write("\n".join(period.explain()))
        elif options.get("json"):
            self.stdout.write(json.dumps(period.to_dict(), ensure_ascii=False))
        else:
            if period.provisional:
                years = "、".join(str(y) for y in period.unknown_years)
                self.stdout.write(f"暂定期限：{years}年节假日安排尚未录入。")
            self.stdout.write(period.deadline.isoformat())
