"""Every change to an annual report goes through these services (views, API, CLI, jobs).

States: 草稿 → 已校验 (general office, checks pass) → 已审定 (局领导) → 已发布 (办公室). A published
report is locked; it is amended only by a correction that is published as a new version, the
earlier versions staying visible (条例第四十九条、第五十条).
"""

import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.errors import InvalidTransition
from gongkai.core.models import Department, Role, User
from gongkai.core.permissions import (
    require_role,
)
from gongkai.reports import gather
from gongkai.reports.domain import tables as t
from gongkai.reports.domain.annual import (
    AnnualReport,
    ReportDataError,
    parse_count,
    parse_money,
)
from gongkai.reports.models import Report, ReportStatus, ReportVersion
from gongkai.reports.services.common import (
    ENTERED_KEYS,
    ReportCheckFailed,
    ReportError,
    publish_on_commit,
    report_problems,
    require_department,
    require_editor,
    require_unlocked,
    state_of,
    validate_year,
)


# ------------------------------------------------------------------ writing
@transaction.atomic
def report_generate(
    *, actor: User, department: Department, year: int, today: dt.date, allow_empty: bool = False
) -> Report:
    """Create the year's report or refresh its tables from the records (text is kept).

    A year without any record is refused unless `allow_empty` (staff confirmed that the
    department truly had nothing to report)."""
    require_editor(actor, department.pk)
    validate_year(year, today)
    report = Report.objects.select_for_update().filter(department=department, year=year).first()
    if report is not None:
        require_unlocked(report)
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
    before = state_of(report) if report else None
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
        after={**state_of(report), "table3_total_new": table3[t.NEW_ROW[0]][t.TOTAL[0]]},
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
    require_editor(actor, report.department_id)
    report = Report.objects.select_for_update().get(pk=report.pk)
    require_unlocked(report)
    try:
        clean = parse_entered(entered or {})
    except ReportDataError as exc:
        raise ReportError(str(exc)) from None
    before = {"sections": report.sections(), "entered": dict(report.entered), **state_of(report)}
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
        after={"sections": report.sections(), "entered": dict(report.entered), **state_of(report)},
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
    require_editor(actor, report.department_id)
    report = Report.objects.select_for_update().get(pk=report.pk)
    require_unlocked(report)
    before = state_of(report)
    _transition(report, ReportStatus.DRAFT, ReportStatus.CHECKED, "提交校验")
    report.checked_at = timezone.now()
    report.save()
    audit.record(
        actor=actor, action="reports.check", obj=report, before=before, after=state_of(report)
    )
    return report


@transaction.atomic
def report_approve(*, actor: User, report: Report) -> Report:
    """A leader (局领导) approves the checked report for publication."""
    require_role(actor, Role.LEADER)
    require_department(actor, report.department_id)
    report = Report.objects.select_for_update().get(pk=report.pk)
    before = state_of(report)
    _transition(report, ReportStatus.CHECKED, ReportStatus.APPROVED, "审定")
    report.approved_at = timezone.now()
    report.approved_by = actor
    report.save()
    audit.record(
        actor=actor, action="reports.approve", obj=report, before=before, after=state_of(report)
    )
    return report


@transaction.atomic
def report_publish(*, actor: User, report: Report) -> ReportVersion:
    """The publisher (办公室) publishes the approved report to the portal as a new version."""
    require_role(actor, Role.PUBLISHER)
    require_department(actor, report.department_id)
    report = Report.objects.select_for_update().get(pk=report.pk)
    before = state_of(report)
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
        after={**state_of(report), "version": number},
    )
    publish_on_commit(report)
    return version


@transaction.atomic
def report_start_correction(*, actor: User, report: Report, reason: str) -> Report:
    """Reopen a published report for a correction; the published version stays online."""
    require_editor(actor, report.department_id)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.PUBLISHED:
        raise InvalidTransition("只有已发布的报告才需要更正；未发布的报告可以直接修改。")
    if not reason.strip():
        raise ReportError("请填写更正说明（更正了什么、为什么更正），它将与更正后的报告一并公开。")
    before = state_of(report)
    report.status = ReportStatus.DRAFT
    report.correcting = True
    report.correction_note = reason.strip()
    report.save()
    audit.record(
        actor=actor,
        action="reports.start_correction",
        obj=report,
        before=before,
        after={**state_of(report), "reason": report.correction_note},
    )
    return report
