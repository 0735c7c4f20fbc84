"""Reading reports: what the staff pages, the API, the CLI and the portal show."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from gongkai.core.models import Department
from gongkai.reports import gather
from gongkai.reports.domain.annual import AnnualReport, Problem, check
from gongkai.reports.models import Report, ReportStatus, ReportVersion
from gongkai.reports.services import ReportError, previous_year, validate_year


@dataclass
class ReportView:
    report: AnnualReport
    status: str  # label: 未生成 / 草稿 / 已校验 / 已审定 / 已发布
    version: int | None
    problems: list[Problem]
    previous: AnnualReport | None

    def meta(self) -> dict[str, Any]:
        return {"状态": self.status, "版本": self.version}


def department_for(slug: str | None) -> Department:
    """The department named by `slug`, or the only/first one."""
    if slug:
        found = Department.objects.filter(slug=slug).first()
        if found is None:
            known = "、".join(Department.objects.values_list("slug", flat=True)) or "（无）"
            raise ReportError(f"没有站点标识为“{slug}”的机关。现有：{known}。")
        return found
    first = Department.objects.order_by("id").first()
    if first is None:
        raise ReportError("系统中还没有任何机关，请先运行 gongkai demo 或在管理后台创建机关。")
    return first


def latest_version(department: Department, year: int) -> ReportVersion | None:
    return (
        ReportVersion.objects.filter(report__department=department, report__year=year)
        .select_related("report")
        .order_by("-number")
        .first()
    )


def view_report(department: Department, year: int, today: dt.date) -> ReportView:
    """The stored report (draft or published), or — when none exists — the figures gathered
    from the records now, without saving anything."""
    validate_year(year, today)
    previous = previous_year(department, year)
    carry = previous.carry_out() if previous else None
    stored = Report.objects.filter(department=department, year=year).first()
    if stored is not None:
        data = stored.as_domain()
        version = stored.versions.count() or None
        status = ReportStatus(stored.status).label
    else:
        if not gather.has_any_record(department, year):
            raise ReportError(
                f"系统中没有{department.name}{year}年的任何公文、申请或复议诉讼记录，"
                "也没有该年度报告。请检查年份或机关。"
            )
        data = AnnualReport(
            department=department.name,
            year=year,
            table2=dict(gather.gather_table2(department, year)),
            table3=gather.gather_table3(department, year),
            table4=gather.gather_table4(department, year),
        )
        version, status = None, "未生成（按现有记录实时统计）"
    return ReportView(data, status, version, check(data, carry), previous)


def published_report(department: Department, year: int) -> tuple[AnnualReport, ReportVersion]:
    version = latest_version(department, year)
    if version is None:
        raise ReportError(f"{department.name}{year}年政府信息公开工作年度报告尚未发布。")
    return version.as_domain(), version
