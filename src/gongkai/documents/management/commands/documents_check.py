"""gongkai documents_check: run the pre-publication detectors over a file before uploading it."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from gongkai.documents import attachments
from gongkai.documents.domain.checks import run_checks


class Command(BaseCommand):
    help = "对文件（PDF、DOCX、OFD 或 UTF-8 文本）运行发布前自动检查：密级标志、身份证号、电话、银行卡号、邮箱、住址。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", help="要检查的文件")
        parser.add_argument(
            "--allow",
            action="append",
            default=[],
            help="可公开的号码或地址（如单位咨询电话），可重复",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"找不到文件：{path}")
        data = path.read_bytes()
        try:
            text = attachments.inspect(path.name, data, max_bytes=settings.MAX_UPLOAD_BYTES).text
        except attachments.AttachmentError as exc:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                raise CommandError(str(exc)) from exc
        findings = run_checks(text, options["allow"])
        if not findings:
            self.stdout.write("未发现需要核实的内容。")
            return
        for f in findings:
            mark = "确定" if f.certain else "疑似"
            self.stdout.write(f"[{mark}] {f.label}：{f.context}  {f.note}")
        raise CommandError(f"发现 {len(findings)} 处需要核实的内容。", returncode=1)
