"""gongkai search_rebuild: rebuild the search index of one or all departments from the
published documents."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.core.models import Department
from gongkai.search.services import SearchError, search_optimize, search_rebuild


class Command(BaseCommand):
    help = "从已发布的文件重建全文检索索引（指定机关或全部机关），完成后整理索引。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--department", metavar="SLUG", help="机关站点标识；省略则重建全部机关")

    def handle(self, *args: Any, **options: Any) -> None:
        departments = Department.objects.order_by("pk")
        if options["department"]:
            departments = departments.filter(slug=options["department"])
            if not departments.exists():
                raise CommandError(
                    f"没有站点标识为“{options['department']}”的机关，请检查 --department。"
                )
        for department in departments:
            try:
                count = search_rebuild(department.pk)
            except SearchError as exc:
                raise CommandError(f"{department.name}：{exc}") from exc
            self.stdout.write(f"{department.name}：已索引 {count} 份文件。")
        search_optimize()
        self.stdout.write("索引已整理。")
