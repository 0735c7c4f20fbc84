"""Gathering a year's report from the records, the checks and the publication workflow."""

import datetime as dt

import pytest

from gongkai.applications.domain.outcomes import OUTCOMES, ApplicantType
from gongkai.core.errors import AccessDenied, InvalidTransition
from gongkai.core.models import User
from gongkai.documents.models import Validity
from gongkai.reports import services
from gongkai.reports.domain import tables as t
from gongkai.reports.domain.annual import AnnualReport, build_table3
from gongkai.reports.models import ReportStatus
from tests.reports.records import application, document, review

TODAY = dt.date(2026, 1, 10)
D = dt.date


def user(name: str) -> User:
    return User.objects.get(username=name)


@pytest.fixture
def office(bureau):
    return user("office")


def test_every_cell_of_table3_from_a_year_of_applications(bureau, office):
    types = [a.value for a in ApplicantType]
    expected: dict[tuple[str, str], int] = {}
    # Answered in 2025: a different number of applications per (outcome, applicant type).
    for i, outcome in enumerate(OUTCOMES):
        for j, kind in enumerate(types):
            n = (i + 2 * j) % 3  # 0, 1 or 2 — some cells stay empty
            for k in range(n):
                application(
                    bureau,
                    received=D(2025, 3, 1 + k),
                    closed=D(2025, 4, 1),
                    applicant_type=kind,
                    outcome=outcome.code,
                )
            expected[(outcome.code, kind)] = n
            expected[("new", kind)] = expected.get(("new", kind), 0) + n
    # Across the year boundaries.
    application(
        bureau,
        received=D(2024, 12, 20),
        closed=D(2025, 1, 8),
        outcome="disclosed",
        applicant_type="research",
    )  # carried in, answered in 2025
    application(bureau, received=D(2024, 12, 28), applicant_type="legal_service")  # in and out
    application(
        bureau,
        received=D(2025, 12, 25),
        closed=D(2026, 1, 6),
        outcome="disclosed",
        applicant_type="commercial",
    )  # new, carried out
    application(bureau, received=D(2025, 12, 30), applicant_type="natural_person")  # new, open
    application(bureau, received=D(2024, 6, 1), closed=D(2024, 6, 20), outcome="disclosed")
    application(bureau, received=D(2026, 1, 5), applicant_type="natural_person")  # next year
    expected[("disclosed", "research")] += 1
    expected[("carry_in", "research")] = 1
    expected[("carry_in", "legal_service")] = 1
    expected[("carry_out", "legal_service")] = 1
    expected[("carry_out", "commercial")] = 1
    expected[("carry_out", "natural_person")] = 1
    expected[("new", "commercial")] += 1
    expected[("new", "natural_person")] += 1

    report = services.report_generate(actor=office, department=bureau, year=2025, today=TODAY)
    table = report.as_domain().table3
    full = build_table3(expected)
    for row, _ in t.TABLE3_ROWS:
        for col, _ in t.TABLE3_COLUMNS:
            assert table[row][col] == full[row][col], t.table3_cell_label(row, col)
    # Spot-check the arithmetic independently of build_table3.
    assert table["carry_in"]["total"] == 2
    assert table["carry_out"]["total"] == 3
    assert table["new"]["total"] == sum(table["new"][k] for k in types)
    assert services.report_problems(report) == []


def test_table2_and_table4_from_documents_and_review_cases(bureau, office):
    drafter = user("drafter")
    document(bureau, drafter, published=D(2025, 2, 1), normative=True)
    document(
        bureau,
        drafter,
        published=D(2025, 5, 1),
        normative=True,
        validity=Validity.REPEALED,
        validity_date=D(2025, 9, 1),
    )
    document(bureau, drafter, published=D(2023, 5, 1), normative=True)
    document(
        bureau,
        drafter,
        published=D(2022, 5, 1),
        normative=True,
        validity=Validity.REPEALED,
        validity_date=D(2026, 1, 3),
    )  # valid at end of 2025
    document(bureau, drafter, published=D(2025, 6, 1))  # not normative
    app = application(bureau, received=D(2025, 2, 1), closed=D(2025, 2, 20), outcome="disclosed")
    review(
        app, kind="reconsideration", filed=D(2025, 3, 1), result="upheld", concluded=D(2025, 5, 1)
    )
    review(
        app,
        kind="reconsideration",
        filed=D(2025, 11, 1),
        result="corrected",
        concluded=D(2026, 1, 2),
    )  # decided after the year: 尚未审结 in 2025
    review(
        app, kind="litigation_after", filed=D(2025, 6, 1), result="other", concluded=D(2025, 8, 1)
    )
    review(app, kind="litigation_direct", filed=D(2024, 6, 1))  # other year

    report = services.report_generate(actor=office, department=bureau, year=2025, today=TODAY)
    data = report.as_domain()
    assert (
        data.t2("normative.issued"),
        data.t2("normative.repealed"),
        data.t2("normative.valid"),
    ) == (2, 1, 3)
    assert data.t4("reconsideration.upheld") == 1
    assert data.t4("reconsideration.pending") == 1
    assert data.t4("reconsideration.total") == 2
    assert data.t4("litigation_after.other") == 1
    assert data.t4("litigation_direct.total") == 0
    general = report.section_general
    assert "全年通过门户网站主动公开政府信息3条" in general  # the three published in 2025
    assert "政策文件与解读同步发布0件" in general
    assert "全年新收政府信息公开申请1件，上年结转0件，办结1件" in general
    assert "可用性监测0次" in general


def _ready(bureau, office, year=2025):
    application(bureau, received=D(year, 3, 1), closed=D(year, 3, 20), outcome="disclosed")
    return services.report_generate(actor=office, department=bureau, year=year, today=TODAY)


def test_workflow_check_approve_publish_and_lock(bureau, office):
    report = _ready(bureau, office)
    with pytest.raises(AccessDenied):
        services.report_approve(actor=office, report=report)
    with pytest.raises(InvalidTransition, match="需处于“已校验”状态"):
        services.report_approve(actor=user("leader"), report=report)
    report = services.report_check(actor=office, report=report)
    report = services.report_approve(actor=user("leader"), report=report)
    with pytest.raises(AccessDenied):
        services.report_publish(actor=user("leader"), report=report)
    version = services.report_publish(actor=office, report=report)
    report.refresh_from_db()
    assert (report.status, version.number) == (ReportStatus.PUBLISHED, 1)
    with pytest.raises(services.ReportLocked, match="已发布，不能直接修改"):
        services.report_update(actor=office, report=report, sections={"五": "改"})
    with pytest.raises(services.ReportLocked):
        services.report_generate(actor=office, department=bureau, year=2025, today=TODAY)


def test_a_report_breaking_the_identity_cannot_be_published(bureau, office):
    report = _ready(bureau, office)
    report.data["table3"]["carry_out"]["natural_person"] = 1
    report.data["table3"]["carry_out"]["total"] = 1
    report.save()
    with pytest.raises(services.ReportCheckFailed) as caught:
        services.report_check(actor=office, report=report)
    assert "表三“自然人”列不平衡" in caught.value.problems[0].message
    # Even if the state were forced, publication re-checks and refuses.
    report.status = ReportStatus.APPROVED
    report.save()
    with pytest.raises(services.ReportCheckFailed):
        services.report_publish(actor=office, report=report)
    assert not report.versions.exists()


def test_carry_in_is_checked_against_an_imported_previous_year(bureau, office):
    application(bureau, received=D(2024, 12, 30), closed=D(2025, 1, 6), outcome="disclosed")
    previous = AnnualReport(
        department="",
        year=2024,
        table3=build_table3(
            {
                ("new", "natural_person"): 5,
                ("disclosed", "natural_person"): 3,
                ("carry_out", "natural_person"): 2,
            }
        ),
    )
    services.imported_year_save(
        actor=office, department=bureau, year=2024, data=previous, source="form", today=TODAY
    )
    report = services.report_generate(actor=office, department=bureau, year=2025, today=TODAY)
    problems = services.report_problems(report)
    assert [p.cell for p in problems] == [
        t.table3_cell_label("carry_in", "natural_person"),
        t.table3_cell_label("carry_in", "total"),
    ]
    assert "2024年报告“四、结转下年度继续办理”为 2" in problems[0].message


def test_correction_publishes_a_new_version_and_keeps_the_original(bureau, office):
    report = _ready(bureau, office)
    services.report_check(actor=office, report=report)
    services.report_approve(actor=user("leader"), report=report)
    services.report_publish(actor=office, report=report)
    with pytest.raises(services.ReportError, match="请填写更正说明"):
        services.report_start_correction(actor=office, report=report, reason=" ")
    services.report_start_correction(actor=office, report=report, reason="更正行政许可数量")
    services.report_update(actor=office, report=report, entered={"licence.decisions": "12"})
    services.report_check(actor=office, report=report)
    services.report_approve(actor=user("leader"), report=report)
    second = services.report_publish(actor=office, report=report)
    first = report.versions.get(number=1)
    assert first.as_domain().t2("licence.decisions") == 0
    assert second.as_domain().t2("licence.decisions") == 12
    assert second.correction_note == "更正行政许可数量"


@pytest.mark.parametrize(
    ("value", "message"),
    [("-3", "不能为负数"), ("2.5", "不是整数"), ("abc", "不是整数")],
)
def test_bad_entered_counts_change_nothing(bureau, office, value, message):
    report = _ready(bureau, office)
    with pytest.raises(services.ReportError, match=message):
        services.report_update(
            actor=office,
            report=report,
            sections={"五": "新文字"},
            entered={"penalty.decisions": value},
        )
    report.refresh_from_db()
    assert report.section_problems != "新文字"
    assert "penalty.decisions" not in report.entered


def test_future_year_and_year_without_data_are_refused(bureau, office):
    with pytest.raises(services.ReportError, match="2027年尚未到来"):
        services.report_generate(actor=office, department=bureau, year=2027, today=TODAY)
    with pytest.raises(services.ReportError, match="没有2019年的公文、依申请公开或复议诉讼记录"):
        services.report_generate(actor=office, department=bureau, year=2019, today=TODAY)


def test_auditor_and_other_department_cannot_change_reports(bureau, office):
    from tests.factories import staff

    report = _ready(bureau, office)
    with pytest.raises(AccessDenied):
        services.report_update(actor=user("auditor"), report=report, sections={"五": "x"})
    outsider = staff("publisher")
    with pytest.raises(AccessDenied, match="本机关"):
        services.report_check(actor=outsider, report=report)
