"""gongkai fee --applications N | --pages N"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.applications.domain.fees import fee_for_applications, fee_for_pages


class Command(BaseCommand):
    help = (
        "计算信息处理费（条例第四十二条，国办函〔2020〕109号），最后一行为金额（元，整数）。"
        "按件：同一申请人一个自然月内的申请件数；按量：页数。二者只能选其一。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group(required=True)
        group.add_argument(
            "--applications", type=int, help="同一申请人本自然月申请件数（按件计收）"
        )
        group.add_argument("--pages", type=int, help="页数（按量计收）")

    def handle(self, *args: Any, **options: Any) -> None:
        n = options["applications"] if options["applications"] is not None else options["pages"]
        if n < 0:
            raise CommandError("件数或页数不能为负数。")
        if options["applications"] is not None:
            self.stdout.write(f"按件计收：同一申请人本自然月第1至{n}件申请，合计：")
            self.stdout.write(str(fee_for_applications(n)))
        else:
            self.stdout.write(f"按量计收：{n}页，合计：")
            self.stdout.write(str(fee_for_pages(n)))
