"""Workbench to-do: from 1 December, the annual report due 31 January (条例第四十九条)."""

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse

from gongkai.core import todos
from gongkai.core.models import Role, User
from gongkai.reports.models import Report, ReportStatus

CONCERNED = (Role.PUBLISHER, Role.DISCLOSURE_HEAD, Role.LEADER)


def report_year_due(today: dt.date) -> int | None:
    """The report year whose deadline is near: from 1 Dec of Y to 31 Jan of Y+1, year Y."""
    if today.month == 12:
        return today.year
    if today.month == 1:
        return today.year - 1
    return None


@todos.provider
def annual_report_due(user: User, today: dt.date) -> Iterator[todos.Todo]:
    year = report_year_due(today)
    if year is None or not user.has_role(*CONCERNED) or user.department_id is None:
        return
    report = Report.objects.filter(department_id=user.department_id, year=year).first()
    if report is not None and report.status == ReportStatus.PUBLISHED and not report.correcting:
        return
    status = ReportStatus(report.status).label if report else "未生成"
    # A leader acts only when there is something to approve.
    leader_only = not user.has_role(Role.PUBLISHER, Role.DISCLOSURE_HEAD)
    if leader_only and (report is None or report.status != ReportStatus.CHECKED):
        return
    due = dt.date(year + 1, 1, 31)
    url = reverse("reports:detail", args=[year]) if report else reverse("reports:index")
    yield todos.Todo(
        title=f"{year}年政府信息公开工作年度报告（{status}）",
        url=url,
        module="年度报告",
        due=due,
        detail=f"条例第四十九条：应于{due.year}年1月31日前公布。当前状态：{status}。",
        level="urgent" if today.month == 1 else "normal",
    )
