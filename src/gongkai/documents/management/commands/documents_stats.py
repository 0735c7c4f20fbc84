"""gongkai documents_stats: the figures the annual report and the workbench use, per year."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db.models import Count, Q
from django.utils import timezone

from gongkai.documents.management.commands._common import department
from gongkai.documents.models import Document, DocumentStatus, Genre, Validity


class Command(BaseCommand):
    help = "统计某年度公文公开情况：主动公开件数、解读、超过20个工作日公开件数、规范性文件制发/废止/现行有效。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--year", type=int, default=None, help="统计年度，默认今年")
        parser.add_argument("--site", default=None, help="机关（站点）标识，默认第一个机关")
        parser.add_argument("--json", action="store_true", help="以 JSON 输出")

    def handle(self, *args: Any, **options: Any) -> None:
        dep = department(options["site"])
        year = options["year"] or timezone.localdate().year
        public = Document.objects.filter(department=dep, status=DocumentStatus.PUBLISHED)
        this_year = public.filter(publish_date__year=year)
        gone = (Validity.REPEALED, Validity.EXPIRED)
        figures = this_year.aggregate(
            published=Count("id"),
            interpretations=Count("id", filter=Q(genre=Genre.INTERPRETATION)),
            late=Count("id", filter=Q(published_late=True)),
            normative_issued=Count("id", filter=Q(is_normative=True)),
        )
        figures["normative_repealed"] = public.filter(
            is_normative=True, validity__in=gone, validity_date__year=year
        ).count()
        figures["normative_valid_at_year_end"] = (
            public.filter(is_normative=True, publish_date__year__lte=year)
            .exclude(validity__in=gone, validity_date__year__lte=year)
            .count()
        )
        if options["json"]:
            self.stdout.write(
                json.dumps({"site": dep.slug, "year": year, **figures}, ensure_ascii=False)
            )
            return
        labels = {
            "published": "主动公开公文",
            "interpretations": "其中政策解读",
            "late": "超过20个工作日公开（条例第二十六条）",
            "normative_issued": "本年制发规范性文件",
            "normative_repealed": "本年废止（含失效）规范性文件",
            "normative_valid_at_year_end": "年末现行有效规范性文件",
        }
        self.stdout.write(f"{dep.name} {year}年")
        for key, label in labels.items():
            self.stdout.write(f"  {label}：{figures[key]}")
