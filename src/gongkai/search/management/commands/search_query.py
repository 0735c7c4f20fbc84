"""gongkai search_query: run a search as the public page would, from the command line."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.core.dates import cn_date
from gongkai.core.models import Department
from gongkai.search.services import SearchError, search_query
from gongkai.search.types import SearchQuery


class Command(BaseCommand):
    help = "在命令行检索公开文件（与门户检索页结果相同），用于核对索引。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("text", help="关键词或发文字号")
        parser.add_argument(
            "--department", metavar="SLUG", help="机关站点标识；只有一个机关时可省略"
        )
        parser.add_argument("--year", type=int)
        parser.add_argument("--issuer", default="", help="发文机关")
        parser.add_argument("--topic", default="", help="主题分类")
        parser.add_argument("--genre", default="", help="体裁")
        parser.add_argument("--validity", default="", help="有效性")
        parser.add_argument("--order", choices=["relevance", "date"], default="relevance")
        parser.add_argument("--page", type=int, default=1)

    def handle(self, *args: Any, **options: Any) -> None:
        department = self._department(options["department"])
        query = SearchQuery(
            department_id=department.pk,
            text=options["text"],
            year=options["year"],
            issuer=options["issuer"],
            topic=options["topic"],
            genre=options["genre"],
            validity=options["validity"],
            order=options["order"],
            page=options["page"],
        )
        try:
            results = search_query(query)
        except SearchError as exc:
            raise CommandError(str(exc)) from exc
        if results.exact:
            self.stdout.write(f"发文字号对应文件：{results.exact.title}  {results.exact.url}")
            return
        about = "约" if results.approximate else ""
        self.stdout.write(f"共{about} {results.total} 条，第 {results.page}/{results.last_page} 页")
        if results.notice:
            self.stdout.write(results.notice)
        for hit in results.hits:
            number = f"  {hit.doc_number}" if hit.doc_number else ""
            self.stdout.write(f"{cn_date(hit.publish_date)}  {hit.title}{number}  {hit.url}")

    def _department(self, slug: str | None) -> Department:
        if slug:
            department = Department.objects.filter(slug=slug).first()
            if department is None:
                raise CommandError(f"没有站点标识为“{slug}”的机关，请检查 --department。")
            return department
        departments = list(Department.objects.order_by("pk")[:2])
        if len(departments) != 1:
            raise CommandError("有多个机关（或尚无机关），请用 --department 指定站点标识。")
        return departments[0]
