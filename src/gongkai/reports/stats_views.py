"""Openness statistics page (charts + table) and its .xlsx export."""

import io
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Font

from gongkai.core.models import User
from gongkai.reports.domain.periods import Period, parse_period
from gongkai.reports.statistics import COLUMNS, Statistics, statistics

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _load(request: HttpRequest) -> Statistics:
    user = request.user
    if not isinstance(user, User) or user.department is None:
        raise Http404("您的账号未归属任何机关。")
    period = parse_period(
        request.GET.get("year", ""), request.GET.get("quarter"), timezone.localdate()
    )
    return statistics(user.department, period)


@login_required
def statistics_page(request: HttpRequest) -> HttpResponse:  # URL name: reports:statistics
    stats = _load(request)
    today = timezone.localdate()
    chart = {
        "quarters": [q.label for q in Period(stats.period.year).quarters()],
        "quarterly": stats.quarterly,
        "divisions": [r.name for r in stats.rows],
        "documents": [r.values["documents"] for r in stats.rows],
        "received": [r.values["received"] for r in stats.rows],
        "outcomes": [{"name": name, "value": n} for name, n in stats.outcomes],
    }
    return render(
        request,
        "reports/statistics.html",
        {
            "stats": stats,
            "columns": [label for _, label in COLUMNS],
            "chart": chart,
            "years": list(range(today.year, today.year - 6, -1)),
            "quarters": [(1, "第一季度"), (2, "第二季度"), (3, "第三季度"), (4, "第四季度")],
        },
    )


@login_required
def statistics_xlsx(request: HttpRequest) -> HttpResponse:
    stats = _load(request)
    wb = Workbook()
    ws = wb.active or wb.create_sheet()
    ws.title = "按处室统计"
    ws.append([f"{stats.period.label}政务公开统计"])
    ws["A1"].font = Font(bold=True)
    ws.append(["处室/单位", *(label for _, label in COLUMNS)])
    for row in [*stats.rows, stats.total]:
        ws.append([row.name, *(value if value is not None else "—" for _, value in row.cells())])
    outcomes = wb.create_sheet("办理结果")
    outcomes.append(["办理结果", "件数"])
    for name, n in stats.outcomes:
        outcomes.append([name, n])
    quarterly = wb.create_sheet("分季度")
    quarterly.append(["季度", "公开信息", "超时公开", "收到申请"])
    for i, q in enumerate(Period(stats.period.year).quarters()):
        quarterly.append(
            [
                q.label,
                stats.quarterly["documents"][i],
                stats.quarterly["late"][i],
                stats.quarterly["received"][i],
            ]
        )
    buffer = io.BytesIO()
    wb.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_MIME)
    name = quote(f"{stats.period.label}政务公开统计")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{name}.xlsx"
    return response
