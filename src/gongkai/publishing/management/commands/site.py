"""gongkai site: build, publish, verify and restore the static public site."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from gongkai.core.models import Department
from gongkai.publishing import engine, services
from gongkai.publishing.pages import Change
from gongkai.publishing.site import site_info


def _department(slug: str | None) -> Department:
    if slug:
        dept = Department.objects.filter(slug=slug).first()
        if dept is None:
            known = "、".join(Department.objects.values_list("slug", flat=True)) or "（无）"
            raise CommandError(f"没有标识为“{slug}”的站点。已有站点：{known}")
        return dept
    from gongkai.publishing.hosts import slug_for_host

    default = slug_for_host("")
    dept = Department.objects.filter(slug=default).first() if default else None
    if dept is None:
        raise CommandError("尚未建立任何机关（站点）。请先运行 gongkai demo 或在管理后台添加机关。")
    return dept


def _change(text: str) -> Change:
    kind, sep, ident = text.partition(":")
    if not sep or not kind:
        raise CommandError(
            f"变更“{text}”格式不对，应为 类型:编号，例如 document:12 或 portal:all。"
        )
    return Change(kind, int(ident) if ident.isdigit() else ident)


class Command(BaseCommand):
    help = "门户网站：全站重建、增量发布、校验与恢复（见 docs/publishing.md）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--site", help="站点标识（机关的 slug）；默认为默认站点")
        sub = parser.add_subparsers(dest="action", required=True, metavar="操作")
        sub.add_parser("build", help="全站重建（未变化的文件不重写），原子切换")
        publish = sub.add_parser("publish", help="发布指定变更，只重新生成受影响的页面")
        publish.add_argument("changes", nargs="+", metavar="类型:编号", help="如 document:12")
        verify = sub.add_parser("verify", help="逐个核对在线文件与签名清单；有问题时退出码为 1")
        verify.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
        restore = sub.add_parser("restore", help="恢复被篡改或删除的文件，隔离清单外的文件")
        restore.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
        sub.add_parser("status", help="显示当前版本、文件数和最近的发布记录")
        sub.add_parser("key", help="输出验证签名用的公钥（PEM）")

    def handle(self, *args: Any, **options: Any) -> None:
        dept = _department(options.get("site"))
        try:
            getattr(self, f"_do_{options['action']}")(dept, options)
        except services.PublishError as exc:
            raise CommandError(str(exc)) from exc

    def _do_build(self, dept: Department, options: dict) -> None:
        pub = services.site_rebuild(department=dept)
        self.stdout.write(
            f"{dept.name}：全站重建完成，第 {pub.serial} 版，写入 {pub.written} 个文件，"
            f"删除 {pub.removed} 个，共 {pub.total} 个文件，用时 {pub.duration_ms:.0f} 毫秒。"
        )

    def _do_publish(self, dept: Department, options: dict) -> None:
        changes = [_change(c) for c in options["changes"]]
        pub = services.site_publish(department=dept, changes=changes)
        self.stdout.write(
            f"{dept.name}：已发布第 {pub.serial} 版，写入 {pub.written} 个文件，"
            f"删除 {pub.removed} 个，用时 {pub.duration_ms:.1f} 毫秒。"
        )

    def _do_verify(self, dept: Department, options: dict) -> None:
        self._verify(services.site_verify(department=dept), as_json=options["json"])

    def _do_restore(self, dept: Department, options: dict) -> None:
        self._restore(services.site_restore(department=dept), as_json=options["json"])

    def _do_status(self, dept: Department, options: dict) -> None:
        self._status(dept)

    def _do_key(self, dept: Department, options: dict) -> None:
        self.stdout.write(services.site_dir(site_info(dept)).suite.public_key_text())

    def _verify(self, report: services.VerifyReport, *, as_json: bool) -> None:
        if as_json:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=1))
        else:
            self.stdout.write(
                f"站点 {report.department}：{report.root}（第 {report.serial} 版，{report.files} 个文件）"
            )
            for p in report.problems:
                self.stdout.write(
                    f"  {engine.KIND_LABELS.get(p.kind, p.kind)}：/{p.path}　{p.detail}"
                )
            if report.ok:
                self.stdout.write("全部文件与签名清单一致。")
            else:
                self.stdout.write(
                    f"发现 {len(report.problems)} 处问题。可运行 gongkai site restore 恢复。"
                )
        if not report.ok:
            sys.exit(1)

    def _restore(self, report: services.RestoreReport, *, as_json: bool) -> None:
        if as_json:
            data = {
                "root": str(report.after.root),
                "restored": report.restored,
                "quarantined": report.quarantined,
                "quarantine_dir": str(report.quarantine_dir),
                "problems": [p.as_dict() for p in report.after.problems],
            }
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
        else:
            for rel in report.restored:
                self.stdout.write(f"  已恢复：/{rel}")
            for rel in report.quarantined:
                self.stdout.write(f"  已隔离：/{rel} → {report.quarantine_dir / rel}")
            for p in report.after.problems:
                self.stdout.write(f"  仍有问题：/{p.path}　{p.detail}")
            self.stdout.write(
                "恢复完成，全部文件与签名清单一致。"
                if report.after.ok
                else "部分问题未能自动恢复，请运行 gongkai site build 重建。"
            )
        if not report.after.ok:
            sys.exit(1)

    def _status(self, dept: Department) -> None:
        from gongkai.publishing.models import Publication
        from gongkai.publishing.services import site_dir
        from gongkai.publishing.site import site_info

        site = site_dir(site_info(dept))
        if not site.exists():
            self.stdout.write(f"{dept.name}：网站尚未生成。运行 gongkai site build 生成。")
            return
        m = site.manifest()
        self.stdout.write(
            f"{dept.name}：当前目录 {site.served_tree()}，第 {m.serial} 版，{m.root.get('count', 0)} 个文件，"
            f"签名密钥 {m.root.get('key', '')}（{m.root.get('suite', '')}）"
        )
        for pub in Publication.objects.filter(department=dept)[:10]:
            self.stdout.write(
                f"  #{pub.serial} {pub.get_kind_display()} {timezone.localtime(pub.created_at):%Y-%m-%d %H:%M:%S} "
                f"写入 {pub.written} 删除 {pub.removed} 用时 {pub.duration_ms:.1f} 毫秒"
            )
