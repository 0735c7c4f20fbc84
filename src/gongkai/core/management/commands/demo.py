"""gongkai demo: load the demo bureau and every module's demo content (idempotent)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from gongkai.core import modules
from gongkai.core.demo import accounts_text, load_bureau
from gongkai.core.services.calendar import calendar_seed


class Command(BaseCommand):
    help = "载入演示机关“示例市科学技术局”及各模块的演示数据；重复运行不会重复创建或丢失数据。"

    def handle(self, *args: Any, **options: Any) -> None:
        added = calendar_seed()
        if added:
            self.stdout.write(f"已载入 {added} 个年度的节假日安排。")
        department = load_bureau()
        today = timezone.localdate()
        for _label, demo in modules.demo_loaders():
            demo.load(department, today=today)
        self.stdout.write(f"演示机关已就绪：{department.name}")
        self.stdout.write(accounts_text())
