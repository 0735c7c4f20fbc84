"""gongkai documents_review: open (or top up) a year's review of non-public information."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from gongkai.documents.management.commands._common import department
from gongkai.documents.services.campaigns import yearly_review_open


class Command(BaseCommand):
    help = "发起（或补充）非公开信息年度复查：列出各处室依申请公开、不予公开的文件，形成待办。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, default=None, help="复查年度，默认今年")
        parser.add_argument("--site", default=None, help="机关（站点）标识，默认第一个机关")

    def handle(self, *args: Any, **options: Any) -> None:
        dep = department(options["site"])
        year = options["year"] or timezone.localdate().year
        review = yearly_review_open(actor=None, department=dep, year=year)
        pending = review.items.filter(conclusion="").count()
        self.stdout.write(
            f"{dep.name}{year}年度非公开信息复查：共{review.items.count()}件，待给出结论{pending}件。"
        )
