"""Demo annual reports: last year's published (with the year before imported, as a department
starting to use the platform would), this year's as a draft. Idempotent."""

import datetime as dt

from gongkai.core.models import Department, User
from gongkai.reports import gather, services
from gongkai.reports.domain import tables as t
from gongkai.reports.domain.annual import AnnualReport, build_table3, complete_table4
from gongkai.reports.models import ImportedYear, Report

DEMO_SECTION_FIVE = (
    "（一）存在的主要问题：部分处室政策解读形式较为单一，图表、音视频解读偏少；"
    "个别信息公开时效有待提高。\n"
    "（二）改进措施：政策文件与解读材料同步起草、同步审核、同步发布；"
    "将公开时限纳入处室月度督办。"
)


def _users(department: Department) -> tuple[User, User] | None:
    office = User.objects.filter(department=department, username="office").first()
    leader = User.objects.filter(department=department, username="leader").first()
    return (office, leader) if office and leader else None


def _imported(department: Department, year: int) -> AnnualReport:
    """Numbers as the department published them for `year` before using the platform; the carry
    out matches what the records carry into the next year."""
    carry = gather.gather_table3(department, year + 1)[t.CARRY_IN_ROW[0]]
    counts: dict[tuple[str, str], int] = {
        ("new", "natural_person"): 20,
        ("new", "commercial"): 6,
        ("new", "research"): 2,
        ("disclosed", "natural_person"): 11,
        ("disclosed", "commercial"): 4,
        ("partly_disclosed", "natural_person"): 3,
        ("withheld_third_party", "commercial"): 1,
        ("withheld_process_info", "natural_person"): 1,
        ("unavailable_not_held", "natural_person"): 4,
        ("unavailable_not_held", "research"): 1,
        ("not_processed_repeated", "natural_person"): 1,
        ("other_no_correction", "research"): 1,
        ("other", "commercial"): 1,
    }
    for col, _ in t.APPLICANT_COLUMNS:
        extra = carry.get(col, 0)
        counts[("new", col)] = counts.get(("new", col), 0) + extra
        counts[("carry_out", col)] = extra
    return AnnualReport(
        department=department.name,
        year=year,
        table2={
            "normative.issued": 5,
            "normative.repealed": 2,
            "normative.valid": 41,
            "licence.decisions": 118,
            "penalty.decisions": 3,
        },
        table3=build_table3(counts),
        table4=complete_table4({"reconsideration.upheld": 1}),
    )


def load(department: Department, *, today: dt.date) -> None:
    users = _users(department)
    if users is None:
        return
    office, leader = users
    published_year, draft_year = today.year - 1, today.year
    if not ImportedYear.objects.filter(department=department, year=published_year - 1).exists():
        services.imported_year_save(
            actor=office,
            department=department,
            year=published_year - 1,
            data=_imported(department, published_year - 1),
            source=ImportedYear.Source.FORM,
            today=today,
        )
    if not Report.objects.filter(department=department, year=published_year).exists():
        report = services.report_generate(
            actor=office,
            department=department,
            year=published_year,
            today=today,
            allow_empty=True,
        )
        report = services.report_update(
            actor=office,
            report=report,
            sections={"五": DEMO_SECTION_FIVE},
            entered={
                "licence.decisions": 126,
                "penalty.decisions": 4,
                "coercion.decisions": 0,
                "fees.amount": "0",
            },
        )
        if not services.report_problems(report):
            report = services.report_check(actor=office, report=report)
            report = services.report_approve(actor=leader, report=report)
            services.report_publish(actor=office, report=report)
    if not Report.objects.filter(department=department, year=draft_year).exists():
        services.report_generate(
            actor=office, department=department, year=draft_year, today=today, allow_empty=True
        )
