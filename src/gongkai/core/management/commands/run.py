"""gongkai run: everything the embedded default needs, then serve.

migrate → static files → calendar → demo bureau → periodic jobs → http://127.0.0.1:8000
"""

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "一条命令运行平台：迁移数据库、载入演示机关、启动定时任务并在 http://127.0.0.1:8000 提供服务。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-demo", action="store_true", help="不载入演示数据")
        parser.add_argument("--no-jobs", action="store_true", help="不在本进程内运行定时任务")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        if not options["no_demo"]:
            call_command("demo")
        if not options["no_jobs"]:
            from gongkai.core.jobs import start_embedded_consumer

            start_embedded_consumer()
        call_command("serve", host=options["host"], port=options["port"])
