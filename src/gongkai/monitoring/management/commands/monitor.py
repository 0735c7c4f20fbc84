"""gongkai monitor run|checks — the integrity run and the single-veto checks of a site.

    gongkai monitor run [--department SLUG] [--base-url URL] [--json]
    gongkai monitor checks [--department SLUG] [--external-links] [--json]

Exit status: 0 all well, 1 something was found (an incident, a failing item), 2 could not run.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

EXIT_FOUND = 1
EXIT_ERROR = 2


class Command(BaseCommand):
    help = "网站完整性监测（run）与国办网站检查单项否决指标（checks）。"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="{run,checks}")
        run = sub.add_parser(
            "run", help="校验签名清单、以多种客户端抓取在线页面、发现篡改即立案并自动恢复"
        )
        run.add_argument("--department", help="站点标识（只有一个站点时可省略）")
        run.add_argument(
            "--base-url", help="在线网站地址，如 https://kjj.shili.gov.cn（默认取首页监测页面）"
        )
        run.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
        checks = sub.add_parser("checks", help="评估单项否决指标并记录")
        checks.add_argument("--department", help="站点标识（只有一个站点时可省略）")
        checks.add_argument(
            "--external-links",
            action="store_true",
            help="同时抓取外部链接（最多 30 个，每个 10 秒超时）",
        )
        checks.add_argument("--json", action="store_true", help="输出一个 JSON 对象")

    def _department(self, slug: str | None) -> Any:
        from gongkai.core.models import Department

        departments = Department.objects.all()
        if slug:
            departments = departments.filter(slug=slug)
        if departments.count() != 1:
            known = "、".join(Department.objects.values_list("slug", flat=True)) or "无"
            raise CommandError(
                f"请用 --department 指定站点标识（现有：{known}）。", returncode=EXIT_ERROR
            )
        return departments.get()

    def handle(self, *args: Any, **options: Any) -> None:
        department = self._department(options["department"])
        if options["action"] == "run":
            self._run(department, options)
        else:
            self._checks(department, options)

    def _run(self, department: Any, options: dict[str, Any]) -> None:
        from gongkai.monitoring.integrity import MonitorError, monitor_site

        try:
            report = monitor_site(department=department, base_url=options["base_url"])
        except MonitorError as exc:
            raise CommandError(str(exc), returncode=EXIT_ERROR) from exc
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
        else:
            self.stdout.write(report.run.summary)
            for problem in report.run.problems:
                self.stdout.write(f"  文件 {problem['path']}：{problem['detail']}")
            for incident in report.incidents:
                self.stdout.write(
                    f"  事件 #{incident.pk} {incident.get_verdict_display()} {incident.url}：{incident.summary}"
                )
            for path in report.run.restored.get("restored", []):
                self.stdout.write(f"  已恢复 {path}")
            for path in report.run.restored.get("quarantined", []):
                self.stdout.write(f"  已隔离 {path}")
        if report.incidents or report.run.ok_after is False:
            raise SystemExit(EXIT_FOUND)

    def _checks(self, department: Any, options: dict[str, Any]) -> None:
        from gongkai.monitoring.veto import veto_checks_run

        saved = veto_checks_run(department=department, external_links=options["external_links"])
        if options["json"]:
            rows = [
                {"item": c.item, "status": c.status, "summary": c.summary, "evidence": c.evidence}
                for c in saved
            ]
            self.stdout.write(
                json.dumps({"department": department.slug, "items": rows}, ensure_ascii=False)
            )
        else:
            for c in saved:
                self.stdout.write(f"{c.get_item_display()}：{c.get_status_display()}——{c.summary}")
                for line in c.evidence[:10]:
                    self.stdout.write(f"    {line}")
        if any(c.status == "fail" for c in saved):
            raise SystemExit(EXIT_FOUND)
