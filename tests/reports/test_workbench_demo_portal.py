"""The workbench reminder, the demo reports and the portal pages."""

import datetime as dt

import pytest

from gongkai.core import todos
from gongkai.core.models import User
from gongkai.reports import demo, services
from gongkai.reports.models import ImportedYear, Report, ReportStatus, ReportVersion
from gongkai.reports.portal import AnnualReportPages, annual_report_links
from tests.reports.records import application

pytestmark = pytest.mark.django_db


def titles(username, today):
    return [
        t.title
        for t in todos.collect(User.objects.get(username=username), today)
        if t.module == "年度报告"
    ]


def test_from_1_december_the_workbench_shows_the_report_due_31_january(bureau):
    assert titles("office", dt.date(2026, 11, 30)) == []
    assert titles("office", dt.date(2026, 12, 1)) == ["2026年政府信息公开工作年度报告（未生成）"]
    assert titles("drafter", dt.date(2026, 12, 1)) == []
    item = next(
        t
        for t in todos.collect(User.objects.get(username="office"), dt.date(2027, 1, 5))
        if t.module == "年度报告"
    )
    assert (item.due, item.level) == (dt.date(2027, 1, 31), "urgent")


def test_leader_sees_the_report_when_it_awaits_approval(bureau):
    office = User.objects.get(username="office")
    application(
        bureau, received=dt.date(2026, 3, 1), closed=dt.date(2026, 3, 9), outcome="disclosed"
    )
    report = services.report_generate(
        actor=office, department=bureau, year=2026, today=dt.date(2026, 12, 2)
    )
    assert titles("leader", dt.date(2026, 12, 2)) == []
    services.report_check(actor=office, report=report)
    assert titles("leader", dt.date(2026, 12, 2)) == ["2026年政府信息公开工作年度报告（已校验）"]
    assert titles("office", dt.date(2026, 12, 2)) == ["2026年政府信息公开工作年度报告（已校验）"]


def test_demo_has_a_published_last_year_and_a_draft_this_year_and_is_idempotent(bureau):
    today = dt.date(2026, 11, 26)
    demo.load(bureau, today=today)
    counts = (Report.objects.count(), ReportVersion.objects.count(), ImportedYear.objects.count())
    assert Report.objects.get(year=2025).status == ReportStatus.PUBLISHED
    assert Report.objects.get(year=2026).status == ReportStatus.DRAFT
    assert ImportedYear.objects.filter(year=2024).exists()
    demo.load(bureau, today=today)
    assert (
        Report.objects.count(),
        ReportVersion.objects.count(),
        ImportedYear.objects.count(),
    ) == counts


def test_portal_pages_keep_the_original_next_to_a_correction(bureau):
    from gongkai.publishing.site import site_info

    office, leader = (User.objects.get(username=n) for n in ("office", "leader"))
    demo.load(bureau, today=dt.date(2026, 11, 26))
    report = Report.objects.get(year=2025)
    services.report_start_correction(actor=office, report=report, reason="更正行政许可数量")
    services.report_update(actor=office, report=report, entered={"licence.decisions": 127})
    services.report_check(actor=office, report=report)
    services.report_approve(actor=leader, report=report)
    services.report_publish(actor=office, report=report)
    site = site_info(bureau)
    paths = {p.path: p for p in AnnualReportPages().pages(site)}
    assert {
        "/xxgk/nb/2025.html",
        "/xxgk/nb/2025-v1.html",
        "/xxgk/nb/2025.docx",
        "/xxgk/nb/2025.xlsx",
        "/assets/reports.css",
    } <= set(paths)
    assert "/xxgk/nb/2026.html" not in paths  # the draft is not public
    latest = paths["/xxgk/nb/2025.html"]
    assert latest.context["version"].correction_note == "更正行政许可数量"
    assert 'data-cell="table2:licence.decisions" class="num">127<' in str(latest.context["body"])
    assert 'class="num">126<' in str(paths["/xxgk/nb/2025-v1.html"].context["body"])
    links = annual_report_links(site)
    assert links[0].url == "/xxgk/nb/2025.html"
    assert links[0].note == "已更正（第2版）"


def test_publishing_a_report_updates_the_portal(
    bureau, settings, django_capture_on_commit_callbacks
):
    from pathlib import Path

    from gongkai.publishing.services import site_rebuild

    office, leader = (User.objects.get(username=n) for n in ("office", "leader"))
    site_rebuild(department=bureau)
    application(
        bureau, received=dt.date(2025, 5, 6), closed=dt.date(2025, 5, 20), outcome="disclosed"
    )
    report = services.report_generate(
        actor=office, department=bureau, year=2025, today=dt.date(2026, 1, 10)
    )
    services.report_check(actor=office, report=report)
    services.report_approve(actor=leader, report=report)
    served = Path(settings.SITE_ROOT) / "kjj" / "current" / "xxgk" / "nb"
    assert not (served / "2025.html").exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.report_publish(actor=office, report=report)
    page = (served / "2025.html").read_text()
    assert "示例市科学技术局2025年政府信息公开工作年度报告" in page
    assert 'rowspan="22"' in page
    assert "/xxgk/nb/2025.html" in (served / "index.html").read_text()
    assert (served / "2025.docx").read_bytes()[:2] == b"PK"
