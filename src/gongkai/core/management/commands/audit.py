"""gongkai audit verify"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.core.audit import verify_chain
from gongkai.core.models import AuditEntry


class Command(BaseCommand):
    help = "审计日志操作。verify：校验哈希链，发现被修改、删除或调换的记录时以非零状态退出。"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("verify", help="校验审计日志哈希链")

    def handle(self, *args: Any, **options: Any) -> None:
        problem = verify_chain()
        if problem is not None:
            raise CommandError(f"审计日志校验失败：{problem.message}")
        self.stdout.write(f"审计日志完整：共 {AuditEntry.objects.count()} 条，哈希链校验通过。")
