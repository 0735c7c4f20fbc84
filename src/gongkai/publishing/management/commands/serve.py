"""gongkai serve: the embedded server (waitress) for the portal, workbench and API."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "启动内嵌服务器（waitress），同时提供公众门户、工作台和接口。生产环境请用 gunicorn + nginx。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args: Any, **options: Any) -> None:
        import waitress

        from gongkai.wsgi import application

        self.stdout.write(f"门户：http://{options['host']}:{options['port']}/")
        self.stdout.write(f"工作台：http://{options['host']}:{options['port']}/staff/")
        waitress.serve(
            application,
            host=options["host"],
            port=options["port"],
            threads=options["threads"],
            ident="gongkai",
        )
