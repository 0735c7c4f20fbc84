"""gongkai report annual --year YEAR [--json] [--department SLUG]
gongkai report import --year YEAR --file FILE.xlsx --user USERNAME [--department SLUG]"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from gongkai.core.errors import DomainError
from gongkai.core.models import User
from gongkai.reports import services
from gongkai.reports.domain import tables as t
from gongkai.reports.domain.render_json import to_json
from gongkai.reports.domain.render_xlsx import WorkbookError, read_workbook
from gongkai.reports.models import ImportedYear
from gongkai.reports.queries import ReportView, department_for, view_report
from gongkai.reports.services import ReportError


class Command(BaseCommand):
    help = (
        "政府信息公开工作年度报告。annual：输出某年度报告（--json 输出 JSON，否则输出摘要）；"
        "import：从 Excel 导入往年已公布的报告数据。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        annual = sub.add_parser("annual", help="输出某年度的年度报告")
        annual.add_argument("--year", type=int, required=True, help="报告年度，如 2025")
        annual.add_argument(
            "--json", action="store_true", help="以 JSON 输出（表格以官方标签命名）"
        )
        annual.add_argument(
            "--department", default=None, help="机关站点标识（默认为唯一或第一个机关）"
        )

        imp = sub.add_parser("import", help="从 Excel（本系统导出格式）导入往年报告数据")
        imp.add_argument("--year", type=int, required=True, help="报告年度，如 2024")
        imp.add_argument("--file", required=True, help=".xlsx 文件路径")
        imp.add_argument("--user", required=True, help="操作人用户名（须为办公室或政务公开负责人）")
        imp.add_argument(
            "--department", default=None, help="机关站点标识（默认为唯一或第一个机关）"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import":
            self.import_year(options)
            return
        try:
            department = department_for(options["department"])
            view = view_report(department, options["year"], timezone.localdate())
        except ReportError as exc:
            raise CommandError(str(exc)) from None
        if options["json"]:
            data = to_json(view.report, **view.meta())
            data["校验问题"] = [p.message for p in view.problems]
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(summary(view))

    def import_year(self, options: dict[str, Any]) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"找不到文件 {path}。")
        user = User.objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"没有用户名为“{options['user']}”的工作人员。")
        try:
            department = department_for(options["department"])
            data = read_workbook(path.read_bytes())
            services.imported_year_save(
                actor=user,
                department=department,
                year=options["year"],
                data=data,
                source=ImportedYear.Source.XLSX,
                today=timezone.localdate(),
            )
        except services.ReportCheckFailed as exc:
            raise CommandError("\n".join(p.message for p in exc.problems)) from None
        except WorkbookError as exc:
            raise CommandError("\n".join(exc.errors)) from None
        except DomainError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"已导入{department.name}{options['year']}年报告数据。")


def summary(view: ReportView) -> str:
    r = view.report
    total = t.TOTAL[0]
    lines = [
        r.title,
        f"状态：{view.status}" + (f"（第{view.version}版）" if view.version else ""),
        "",
        "二、主动公开政府信息情况",
        f"  行政规范性文件：本年制发 {r.t2('normative.issued')} 件，本年废止 "
        f"{r.t2('normative.repealed')} 件，现行有效 {r.t2('normative.valid')} 件",
        f"  行政许可 {r.t2('licence.decisions')} 件；行政处罚 {r.t2('penalty.decisions')} 件；"
        f"行政强制 {r.t2('coercion.decisions')} 件；行政事业性收费 "
        f"{r.t2('fees.amount')} 万元",
        "三、收到和处理政府信息公开申请情况（总计列）",
    ]
    for row, label in (t.NEW_ROW, t.CARRY_IN_ROW, t.GRAND_TOTAL_ROW, t.CARRY_OUT_ROW):
        lines.append(f"  {label}：{r.t3(row, total)}")
    for group in t.OUTCOME_GROUPS:
        lines.append(
            f"    {group.label.split('（区分')[0]}：{sum(r.t3(k, total) for k, _ in group.rows)}"
        )
    lines += [
        "四、政府信息公开行政复议、行政诉讼情况",
        f"  行政复议 {r.t4('reconsideration.total')} 件；行政诉讼（未经复议直接起诉）"
        f"{r.t4('litigation_direct.total')} 件，（复议后起诉）{r.t4('litigation_after.total')} 件",
        "",
    ]
    if view.problems:
        lines.append(f"校验未通过（{len(view.problems)} 处）：")
        lines += [f"  - {p.message}" for p in view.problems]
    else:
        lines.append("校验通过：各列第一项加第二项之和等于第三项加第四项之和，合计与分项一致。")
    return "\n".join(lines)
