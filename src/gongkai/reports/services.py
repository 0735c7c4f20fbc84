"""Every change to an annual report goes through these services (views, API, CLI, jobs).

States: 草稿 → 已校验 (general office, checks pass) → 已审定 (局领导) → 已发布 (办公室). A published
report is locked; it is amended only by a correction that is published as a new version, the
earlier versions staying visible (条例第四十九条、第五十条).
"""

import datetime as dt
import logging
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.models import Department, Role, User
from gongkai.core.permissions import PermissionDenied, require_can_change_content, require_role
from gongkai.reports import gather
from gongkai.reports.domain import tables as t
from gongkai.reports.domain.annual import (
    AnnualReport,
    Problem,
    ReportDataError,
    check,
    parse_count,
    parse_money,
)
from gongkai.reports.models import ImportedYear, Report, ReportStatus, ReportVersion

logger = logging.getLogger(__name__)

EDITORS = (Role.PUBLISHER, Role.DISCLOSURE_HEAD)
FIRST_YEAR = 2008  # 条例 in force since 1 May 2008: no report format before it.
# Entered (not gathered) 表二 cells: 规章, 行政许可, 行政处罚, 行政强制, 行政事业性收费.
ENTERED_KEYS = tuple(k for k in t.TABLE2_KEYS if k not in t.TABLE2_FROM_DOCUMENTS)


class ReportError(Exception):
    """A report action that cannot be done; the message (Chinese) says why and what to do."""


class ReportLocked(ReportError):
    pass


class InvalidTransition(ReportError):
    pass


class ReportCheckFailed(ReportError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(
            f"报告有 {len(problems)} 处数据不符合勾稽关系，不能继续：" + problems[0].message
        )
        self.problems = problems


def _require_department(actor: User, department_id: int) -> None:
    if actor.department_id != department_id:
        raise PermissionDenied("您只能处理本机关的年度报告。")


def _require_editor(actor: User, report_or_department_id: int) -> None:
    require_role(actor, *EDITORS)
    require_can_change_content(actor)
    _require_department(actor, report_or_department_id)


def _require_unlocked(report: Report) -> None:
    if report.locked:
        raise ReportLocked(
            f"{report.year}年报告已发布，不能直接修改。如需更正，请点击“更正报告”，"
            "修改后重新审定发布；原报告将保留并继续公开。"
        )


def _state(report: Report) -> dict[str, object]:
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


# ------------------------------------------------------------------ writing
@transaction.atomic
def report_generate(
    *, actor: User, department: Department, year: int, today: dt.date, allow_empty: bool = False
) -> Report:
    """Create the year's report or refresh its tables from the records (text is kept).

    A year without any record is refused unless `allow_empty` (staff confirmed that the
    department truly had nothing to report)."""
    _require_editor(actor, department.pk)
    validate_year(year, today)
    report = Report.objects.select_for_update().filter(department=department, year=year).first()
    if report is not None:
        _require_unlocked(report)
    elif not allow_empty and not gather.has_any_record(department, year):
        raise ReportError(
            f"系统中没有{year}年的公文、依申请公开或复议诉讼记录，无法生成该年度报告。"
            "请检查年份；若该年度在使用本系统之前，请在“往年数据”中录入或导入当年已公布的数字；"
            "若本机关该年度确无任何数据，请勾选“确认该年度无数据”后生成。"
        )
    table3 = gather.gather_table3(department, year)
    data = AnnualReport(
        department=department.name,
        year=year,
        table2=dict(gather.gather_table2(department, year)),
        table3=table3,
        table4=gather.gather_table4(department, year),
    ).to_data()
    before = _state(report) if report else None
    if report is None:
        drafts = gather.draft_sections(
            department, year, gather.gather_figures(department, year), table3
        )
        report = Report.objects.create(
            department=department,
            year=year,
            section_general=drafts["一"],
            section_problems=drafts["五"],
            section_other=drafts["六"],
        )
    report.data = data
    report.gathered_at = timezone.now()
    report.status = ReportStatus.DRAFT
    report.save()
    audit.record(
        actor=actor,
        action="reports.generate",
        obj=report,
        before=before,
        after={**_state(report), "table3_total_new": table3[t.NEW_ROW[0]][t.TOTAL[0]]},
    )
    return report


def parse_entered(values: Mapping[str, object]) -> dict[str, str | int]:
    """Validated 表二 entries (counts whole and ≥ 0, money ≥ 0 in 万元)."""
    clean: dict[str, str | int] = {}
    for key in ENTERED_KEYS:
        if key not in values:
            continue
        label = t.table2_label(key)
        if key in t.TABLE2_MONEY_KEYS:
            clean[key] = str(parse_money(values[key], label))
        else:
            clean[key] = parse_count(values[key], label)
    return clean


@transaction.atomic
def report_update(
    *,
    actor: User,
    report: Report,
    sections: Mapping[str, str] | None = None,
    entered: Mapping[str, object] | None = None,
) -> Report:
    """Edit the text of sections 一, 五, 六 and the entered 表二 counts; back to 草稿."""
    _require_editor(actor, report.department_id)
    report = Report.objects.select_for_update().get(pk=report.pk)
    _require_unlocked(report)
    try:
        clean = parse_entered(entered or {})
    except ReportDataError as exc:
        raise ReportError(str(exc)) from None
    before = {"sections": report.sections(), "entered": dict(report.entered), **_state(report)}
    fields = {"一": "section_general", "五": "section_problems", "六": "section_other"}
    for number, text in (sections or {}).items():
        if number not in fields:
            raise ReportError(f"第{number}部分由系统统计生成，不能作为文字编辑。")
        setattr(report, fields[number], str(text).strip())
    report.entered = {**report.entered, **clean}
    report.status = ReportStatus.DRAFT
    report.save()
    audit.record(
        actor=actor,
        action="reports.update",
        obj=report,
        before=before,
        after={"sections": report.sections(), "entered": dict(report.entered), **_state(report)},
    )
    return report


def _transition(report: Report, source: str, target: str, action: str) -> None:
    if report.status != source:
        raise InvalidTransition(
            f"报告当前状态为“{ReportStatus(report.status).label}”，不能{action}"
            f"（需处于“{ReportStatus(source).label}”状态）。"
        )
    problems = report_problems(report)
    if problems:
        raise ReportCheckFailed(problems)
    report.status = target


@transaction.atomic
def report_check(*, actor: User, report: Report) -> Report:
    """The general office confirms the figures: every check must pass."""
    _require_editor(actor, report.department_id)
    report = Report.objects.select_for_update().get(pk=report.pk)
    _require_unlocked(report)
    before = _state(report)
    _transition(report, ReportStatus.DRAFT, ReportStatus.CHECKED, "提交校验")
    report.checked_at = timezone.now()
    report.save()
    audit.record(
        actor=actor, action="reports.check", obj=report, before=before, after=_state(report)
    )
    return report


@transaction.atomic
def report_approve(*, actor: User, report: Report) -> Report:
    """A leader (局领导) approves the checked report for publication."""
    require_role(actor, Role.LEADER)
    _require_department(actor, report.department_id)
    report = Report.objects.select_for_update().get(pk=report.pk)
    before = _state(report)
    _transition(report, ReportStatus.CHECKED, ReportStatus.APPROVED, "审定")
    report.approved_at = timezone.now()
    report.approved_by = actor
    report.save()
    audit.record(
        actor=actor, action="reports.approve", obj=report, before=before, after=_state(report)
    )
    return report


@transaction.atomic
def report_publish(*, actor: User, report: Report) -> ReportVersion:
    """The publisher (办公室) publishes the approved report to the portal as a new version."""
    require_role(actor, Role.PUBLISHER)
    _require_department(actor, report.department_id)
    report = Report.objects.select_for_update().get(pk=report.pk)
    before = _state(report)
    _transition(report, ReportStatus.APPROVED, ReportStatus.PUBLISHED, "发布")
    now = timezone.now()
    number = report.versions.count() + 1
    version = ReportVersion.objects.create(
        report=report,
        number=number,
        data=report.as_domain().to_data(),
        correction_note=report.correction_note if number > 1 else "",
        published_at=now,
        published_by=actor,
    )
    report.published_at = now
    report.correcting = False
    report.save()
    audit.record(
        actor=actor,
        action="reports.publish",
        obj=report,
        before=before,
        after={**_state(report), "version": number},
    )
    _publish_on_commit(report)
    return version


@transaction.atomic
def report_start_correction(*, actor: User, report: Report, reason: str) -> Report:
    """Reopen a published report for a correction; the published version stays online."""
    _require_editor(actor, report.department_id)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.PUBLISHED:
        raise InvalidTransition("只有已发布的报告才需要更正；未发布的报告可以直接修改。")
    if not reason.strip():
        raise ReportError("请填写更正说明（更正了什么、为什么更正），它将与更正后的报告一并公开。")
    before = _state(report)
    report.status = ReportStatus.DRAFT
    report.correcting = True
    report.correction_note = reason.strip()
    report.save()
    audit.record(
        actor=actor,
        action="reports.start_correction",
        obj=report,
        before=before,
        after={**_state(report), "reason": report.correction_note},
    )
    return report


@transaction.atomic
def imported_year_save(
    *,
    actor: User,
    department: Department,
    year: int,
    data: AnnualReport,
    source: str,
    today: dt.date,
) -> ImportedYear:
    """Keep a past year's published numbers (entered or from .xlsx) for carry-over checks."""
    _require_editor(actor, department.pk)
    validate_year(year, today)
    if year >= today.year:
        raise ReportError(f"只能录入以往年度的数据；{year}年的报告请由系统生成。")
    if Report.objects.filter(department=department, year=year, versions__isnull=False).exists():
        raise ReportError(f"{year}年报告已在本系统发布，无需再录入；如需修改请更正该报告。")
    data.year = year
    data.department = department.name
    problems = check(data)
    if problems:
        raise ReportCheckFailed(problems)
    existing = ImportedYear.objects.filter(department=department, year=year).first()
    record, _ = ImportedYear.objects.update_or_create(
        department=department,
        year=year,
        defaults={"data": data.to_data(), "source": source, "imported_by": actor},
    )
    audit.record(
        actor=actor,
        action="reports.import_year",
        obj=record,
        before=existing.data if existing else None,
        after=record.data,
        department_id=department.pk,
    )
    return record


# ------------------------------------------------------------------ portal
PORTAL_CHANGE_KIND = "report"  # the portal shell refreshes its lists on "report" too


def _publish_on_commit(report: Report) -> None:
    department = report.department
    report_id = report.pk

    def publish() -> None:
        try:
            from gongkai.publishing.pages import Change
            from gongkai.publishing.service import site_publish

            site_publish(department=department, changes=[Change(PORTAL_CHANGE_KIND, report_id)])
        except Exception:  # the report stays published; the office can rebuild the site
            logger.exception("年度报告 %s 已发布，但门户网站更新失败。", report_id)

    transaction.on_commit(publish)
