"""gongkai demo: load the demo bureau and every module's demo content (idempotent)."""

from importlib import import_module
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from gongkai.core.demo import accounts_text, load_bureau
from gongkai.core.services.calendar import calendar_seed

# Order matters: later modules read earlier ones' records.
DEMO_MODULES = ("documents", "publishing", "search", "applications", "monitoring", "reports")


class Command(BaseCommand):
    help = "载入演示机关“示例市科学技术局”及各模块的演示数据；重复运行不会重复创建或丢失数据。"

    def handle(self, *args: Any, **options: Any) -> None:
        added = calendar_seed()
        if added:
            self.stdout.write(f"已载入 {added} 个年度的节假日安排。")
        department = load_bureau()
        today = timezone.localdate()
        for name in DEMO_MODULES:
            try:
                module = import_module(f"gongkai.{name}.demo")
            except ModuleNotFoundError as exc:
                if exc.name != f"gongkai.{name}.demo":
                    raise
                continue
            module.load(department, today=today)
        self.stdout.write(f"演示机关已就绪：{department.name}")
        self.stdout.write(accounts_text())
