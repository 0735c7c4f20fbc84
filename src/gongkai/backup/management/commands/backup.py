"""gongkai backup PATH"""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.backup.services import BackupError, backup_create


class Command(BaseCommand):
    help = (
        "把数据库、上传文件、签名密钥、已发布的网站和节假日安排写入一个备份文件（附校验清单）。"
        "PATH 为文件名（.tar.gz 或 .tar），或一个目录（自动命名）。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", metavar="PATH", help="备份文件名，或存放备份的目录")
        parser.add_argument(
            "--no-secrets", action="store_true", help="不包含签名私钥和 secret_key（机密文件）"
        )
        parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象")

    def handle(self, *args: Any, **options: Any) -> None:
        say = (lambda _m: None) if options["json"] else self.stdout.write
        try:
            report = backup_create(
                path=options["path"],
                secrets=not options["no_secrets"],
                progress=say,
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
            return
        rows = sum(report.counts.values())
        self.stdout.write(
            f"备份完成：{report.path}（{report.size / 1e6:.1f} MB，{report.seconds:.1f} 秒）\n"
            f"  数据库 {len(report.counts)} 张表共 {rows} 行，上传文件 {report.media_files} 个，"
            f"网站 {len(report.sites)} 个\n"
            f"  SHA-256 {report.sha256}（另存于 {report.path.name}.sha256）"
        )
        if report.secrets:
            self.stdout.write(
                self.style.WARNING(
                    "  本备份含签名私钥等机密文件（SECRET/ 目录），请加密保存、限制访问；"
                    "不需要时用 --no-secrets。"
                )
            )
