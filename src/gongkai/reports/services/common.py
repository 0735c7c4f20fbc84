"""What the report services share: roles, errors, permission checks, reading last year."""

import datetime as dt
import logging

from django.db import transaction

from gongkai.core.errors import DomainError
from gongkai.core.models import Department, Role, User
from gongkai.core.permissions import (
    require_can_change_content,
    require_role,
    require_same_department,
)
from gongkai.reports.domain import tables as t
from gongkai.reports.domain.annual import (
    AnnualReport,
    Problem,
    check,
)
from gongkai.reports.models import ImportedYear, Report, ReportVersion

logger = logging.getLogger(__name__)

EDITORS = (Role.PUBLISHER, Role.DISCLOSURE_HEAD)
FIRST_YEAR = 2008  # 条例 in force since 1 May 2008: no report format before it.
# Entered (not gathered) 表二 cells: 规章, 行政许可, 行政处罚, 行政强制, 行政事业性收费.
ENTERED_KEYS = tuple(k for k in t.TABLE2_KEYS if k not in t.TABLE2_FROM_DOCUMENTS)


class ReportError(DomainError):
    """A report action that cannot be done; the message (Chinese) says why and what to do."""


class ReportLocked(ReportError):
    status = 409


class ReportCheckFailed(ReportError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(
            f"报告有 {len(problems)} 处数据不符合勾稽关系，不能继续：" + problems[0].message
        )
        self.problems = problems


def require_department(actor: User, department_id: int) -> None:
    require_same_department(actor, department_id, "年度报告")


def require_editor(actor: User, report_or_department_id: int) -> None:
    require_role(actor, *EDITORS)
    require_can_change_content(actor)
    require_department(actor, report_or_department_id)


def require_unlocked(report: Report) -> None:
    if report.locked:
        raise ReportLocked(
            f"{report.year}年报告已发布，不能直接修改。如需更正，请点击“更正报告”，"
            "修改后重新审定发布；原报告将保留并继续公开。"
        )


def state_of(report: Report) -> dict[str, object]:
    return {"status": report.status, "correcting": report.correcting}


def validate_year(year: int, today: dt.date) -> None:
    if year > today.year:
        raise ReportError(
            f"{year}年尚未到来，不能生成该年度报告。年度报告在次年1月31日前发布上一年度的情况。"
        )
    if year < FIRST_YEAR:
        raise ReportError(f"年份 {year} 早于《政府信息公开条例》施行（2008年），请检查年份。")


# ------------------------------------------------------------------ reading
def previous_year(department: Department, year: int) -> AnnualReport | None:
    """Last year's report as published in the system, or as imported; None if neither."""
    version = (
        ReportVersion.objects.filter(report__department=department, report__year=year - 1)
        .order_by("-number")
        .first()
    )
    if version is not None:
        return version.as_domain()
    imported = ImportedYear.objects.filter(department=department, year=year - 1).first()
    return imported.as_domain() if imported else None


def report_problems(report: Report) -> list[Problem]:
    previous = previous_year(report.department, report.year)
    return check(report.as_domain(), previous.carry_out() if previous else None)


# ------------------------------------------------------------------ portal
PORTAL_CHANGE_KIND = "report"  # the portal shell refreshes its lists on "report" too


def publish_on_commit(report: Report) -> None:
    department = report.department
    report_id = report.pk

    def publish() -> None:
        try:
            from gongkai.publishing.pages import Change
            from gongkai.publishing.services import site_publish

            site_publish(department=department, changes=[Change(PORTAL_CHANGE_KIND, report_id)])
        except Exception:  # the report stays published; the office can rebuild the site
            logger.exception("年度报告 %s 已发布，但门户网站更新失败。", report_id)

    transaction.on_commit(publish)
