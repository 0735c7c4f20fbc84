"""Published annual reports as JSON (tables named by the official labels). Drafts are not public."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Router
from ninja.errors import HttpError

from gongkai.reports.domain.render_json import to_json
from gongkai.reports.models import ReportVersion
from gongkai.reports.queries import department_for, published_report
from gongkai.reports.services import ReportError

router = Router(tags=["年度报告"])


@router.get("/annual/", summary="已发布的年度报告列表")
def annual_list(request: HttpRequest, department: str | None = None) -> list[dict[str, Any]]:
    try:
        dept = department_for(department)
    except ReportError as exc:
        raise HttpError(404, str(exc)) from None
    versions = (
        ReportVersion.objects.filter(report__department=dept)
        .select_related("report")
        .order_by("-report__year", "-number")
    )
    seen: dict[int, dict[str, Any]] = {}
    for v in versions:
        seen.setdefault(
            v.report.year,
            {
                "年度": v.report.year,
                "版本": v.number,
                "发布时间": v.published_at.isoformat(),
                "地址": f"/api/reports/annual/{v.report.year}",
            },
        )
    return list(seen.values())


@router.get("/annual/{year}", summary="某年度已发布的年度报告（最新版本）")
def annual_detail(
    request: HttpRequest, year: int, department: str | None = None
) -> HttpResponse | dict[str, Any]:
    try:
        report, version = published_report(department_for(department), year)
    except ReportError as exc:
        raise HttpError(404, str(exc)) from None
    return to_json(
        report,
        状态="已发布",
        版本=version.number,
        发布时间=version.published_at.isoformat(),
        更正说明=version.correction_note,
    )
