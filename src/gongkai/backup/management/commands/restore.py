"""gongkai restore PATH"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.backup.services import BackupError, archive_check, backup_restore


class Command(BaseCommand):
    help = (
        "从 gongkai backup 生成的备份恢复到空的数据目录和空数据库；先校验每个文件的校验和，"
        "恢复后核对各表行数、文件数、审计日志和网站签名清单。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", metavar="PATH", help="备份文件")
        parser.add_argument(
            "--force",
            action="store_true",
            help="目标不为空时也恢复：原有文件移到数据目录下的 before-restore-<时间>/，数据库表被删除",
        )
        parser.add_argument(
            "--check", action="store_true", help="只校验备份文件是否完整，不恢复任何内容"
        )
        parser.add_argument(
            "--jobs", type=int, default=2, help="PostgreSQL 并行恢复的进程数（默认 2）"
        )
        parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["check"]:
            self._check(Path(options["path"]), options["json"])
            return
        say = (lambda _m: None) if options["json"] else self.stdout.write
        try:
            report = backup_restore(
                path=Path(options["path"]),
                force=options["force"],
                jobs=options["jobs"],
                progress=say,
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
        else:
            self._print(report)
        if not report.ok:
            raise CommandError("恢复后的核对未通过（见上）。")

    def _check(self, path: Path, as_json: bool) -> None:
        try:
            meta = archive_check(path)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if as_json:
            meta.pop("files", None)
            self.stdout.write(json.dumps(meta, ensure_ascii=False, indent=1))
            return
        self.stdout.write(
            f"备份完整：{path}，生成于 {meta['created']}，共 {len(meta['files'])} 个文件，"
            f"数据库 {meta['database']['vendor']}，"
            f"{'含' if meta['secrets'] else '不含'}签名私钥。"
        )

    def _print(self, report: Any) -> None:
        self.stdout.write(
            f"已从 {report.archive}（生成于 {report.created}）恢复，用时 {report.seconds:.1f} 秒。"
        )
        if report.moved_aside:
            self.stdout.write(f"原有文件已移到 {report.moved_aside}")
        bad = [c for c in report.checks if not c.ok]
        self.stdout.write(
            f"核对 {len(report.checks)} 项（各表行数、上传文件、网站文件、节假日）："
            + ("全部一致。" if not bad else f"{len(bad)} 项不一致：")
        )
        for c in bad:
            self.stdout.write(
                self.style.ERROR(f"  {c.what}：备份中 {c.expected}，恢复后 {c.actual}")
            )
        for p in report.problems:
            self.stdout.write(self.style.ERROR(f"  {p}"))
        if not report.problems:
            self.stdout.write("审计日志哈希链完整；网站文件与签名清单一致。")
        for w in report.warnings:
            self.stdout.write(self.style.WARNING(f"注意：{w}"))
