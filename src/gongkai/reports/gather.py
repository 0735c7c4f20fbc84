"""Gathering a year's report from the records the platform already holds.

Every figure is one aggregate query grouped in the database (GROUP BY), never a Python loop over
records, so that a department with 100,000 documents and 20,000 applications a year is counted in
well under two seconds (bench/reports_bench.py).
"""

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Sum, Value, When
from django.db.models.functions import Coalesce

from gongkai.applications.domain.outcomes import OUTCOME_BY_CODE
from gongkai.applications.domain.states import Status as AppStatus
from gongkai.applications.models import Application, Consultation, ReviewCase
from gongkai.core.models import Department
from gongkai.documents.models import Document, DocumentStatus, Genre, Validity
from gongkai.reports.domain import tables as t
from gongkai.reports.domain.annual import Table3, build_table3, complete_table4

PUBLIC_STATES = (DocumentStatus.PUBLISHED, DocumentStatus.FILED)
NO_LONGER_VALID = (Validity.REPEALED, Validity.EXPIRED)
# A closed application without a recorded outcome (e.g. withdrawn by the applicant) is counted
# under （六）其他处理 3.其他 — the only row the format offers for it.
FALLBACK_OUTCOME = "other"


def year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


# ------------------------------------------------------------------ 表二 第二十条第（一）项
def gather_table2(department: Department, year: int) -> dict[str, int]:
    """行政规范性文件 issued, repealed in the year and valid at its end (条例第二十条第（一）项).

    A municipal bureau issues no 规章 (only governments do), so the 规章 row is entered.
    """
    start, end = year_bounds(year)
    # The status test sits in each FILTER clause, not in WHERE, so that the database walks the
    # (department, is_normative, validity) index — a few thousand normative documents — instead
    # of every published document of the department.
    public = Q(status__in=PUBLIC_STATES)
    docs = Document.objects.filter(department=department, is_normative=True).annotate(
        issued_on=Coalesce("written_date", "publish_date")
    )
    counts = docs.aggregate(
        issued=Count("id", filter=public & Q(issued_on__range=(start, end))),
        repealed=Count(
            "id",
            filter=public & Q(validity__in=NO_LONGER_VALID, validity_date__range=(start, end)),
        ),
        valid=Count(
            "id",
            filter=public
            & Q(issued_on__lte=end)
            & (~Q(validity__in=NO_LONGER_VALID) | Q(validity_date__gt=end)),
        ),
    )
    return {f"normative.{key}": value for key, value in counts.items()}


# ------------------------------------------------------------------ 表三
def _applications(department: Department) -> QuerySet[Application]:
    return Application.objects.filter(department=department, received_on__isnull=False).annotate(
        done_on=Coalesce("closed_on", "replied_on")
    )


def _open_on(day: dt.date) -> Q:
    """Not answered (closed) by the end of `day`."""
    return Q(done_on__isnull=True) | Q(done_on__gt=day)


def gather_table3(department: Department, year: int) -> Table3:
    """二、上年结转 = received before the year and not answered by its start; 一、本年新收 =
    received in the year; 三 = answered in the year, by outcome; 四、结转下年度继续办理 = still
    open at the end of the year (including carried-in ones still open)."""
    start, end = year_bounds(year)
    apps = _applications(department)
    counts: dict[tuple[str, str], int] = {}

    def add(row: str, qs: QuerySet[Any]) -> None:
        for item in qs.values("applicant_type").annotate(n=Count("id")).order_by():
            counts[(row, item["applicant_type"])] = item["n"]

    add(t.NEW_ROW[0], apps.filter(received_on__range=(start, end)))
    add(
        t.CARRY_IN_ROW[0], apps.filter(Q(received_on__lt=start) & _open_on(start - dt.timedelta(1)))
    )
    add(t.CARRY_OUT_ROW[0], apps.filter(Q(received_on__lte=end) & _open_on(end)))
    done = (
        apps.filter(Q(received_on__lte=end) & Q(done_on__range=(start, end)))
        .values("applicant_type", "outcome")
        .annotate(n=Count("id"))
        .order_by()
    )
    for item in done:
        row = item["outcome"] if item["outcome"] in OUTCOME_BY_CODE else FALLBACK_OUTCOME
        key = (row, item["applicant_type"])
        counts[key] = counts.get(key, 0) + item["n"]
    return build_table3(counts)


# ------------------------------------------------------------------ 表四
def gather_table4(department: Department, year: int) -> dict[str, int]:
    """Cases brought in the year, with their result at its end (concluded later = 尚未审结)."""
    start, end = year_bounds(year)
    rows = (
        ReviewCase.objects.filter(department=department, filed_on__range=(start, end))
        .annotate(
            outcome_at_end=Case(
                When(Q(concluded_on__isnull=True) | Q(concluded_on__gt=end), then=Value("pending")),
                default=F("result"),
                output_field=CharField(),
            )
        )
        .values("kind", "outcome_at_end")
        .annotate(n=Count("id"))
        .order_by()
    )
    parts: dict[str, int] = {}
    for item in rows:
        key = f"{item['kind']}.{item['outcome_at_end']}"
        parts[key] = parts.get(key, 0) + item["n"]
    return complete_table4(parts)


# ------------------------------------------------------------------ figures for the text
def gather_figures(department: Department, year: int) -> dict[str, int]:
    """Figures quoted in the pre-filled 一、总体情况 (documents, interpretations, applications)."""
    start, end = year_bounds(year)
    published = Document.objects.filter(
        department=department,
        status=DocumentStatus.PUBLISHED,
        publish_date__range=(start, end),
    )
    doc_counts = published.aggregate(
        documents=Count("id"),
        interpretations=Count("id", filter=Q(genre=Genre.INTERPRETATION)),
        late=Count("id", filter=Q(published_late=True)),
        major_decisions=Count("id", filter=Q(is_major_decision=True)),
    )
    doc_counts["policies_interpreted"] = (
        published.filter(interpretations__status=DocumentStatus.PUBLISHED).distinct().count()
    )
    apps = _applications(department)
    app_counts = apps.aggregate(
        fees_yuan=Coalesce(Sum("fee_amount", filter=Q(fee_paid_on__range=(start, end))), 0),
        received=Count("id", filter=Q(received_on__range=(start, end))),
        answered=Count("id", filter=Q(done_on__range=(start, end))),
        withdrawn=Count(
            "id", filter=Q(done_on__range=(start, end), status=AppStatus.WITHDRAWN.value)
        ),
    )
    consultations = Consultation.objects.filter(
        application__department=department, sent_on__range=(start, end)
    ).count()
    return {
        **doc_counts,
        **app_counts,
        "consultations": consultations,
        **_platform_figures(department, year),
    }


def _platform_figures(department: Department, year: int) -> dict[str, int]:
    """Website monitoring in the year (国办发〔2019〕19号), for 一（四） platform work."""
    from gongkai.monitoring.models import Incident, InspectionCheck, Probe

    return {
        "probes": Probe.objects.filter(page__department=department, checked_at__year=year).count(),
        "inspections": InspectionCheck.objects.filter(
            department=department, checked_at__year=year
        ).count(),
        "incidents_resolved": Incident.objects.filter(
            department=department,
            inspection__checked_at__year=year,
            status=Incident.Status.RESOLVED,
        ).count(),
    }


def has_any_record(department: Department, year: int) -> bool:
    start, end = year_bounds(year)
    return (
        Document.objects.filter(department=department, publish_date__range=(start, end)).exists()
        or Document.objects.filter(department=department, written_date__range=(start, end)).exists()
        or _applications(department).filter(Q(received_on__lte=end) & _open_on(start)).exists()
        or ReviewCase.objects.filter(department=department, filed_on__range=(start, end)).exists()
    )


def draft_sections(
    department: Department, year: int, figures: Mapping[str, int], table3: Table3
) -> dict[str, str]:
    """First drafts of sections 一, 五 and 六, from the data; staff edit them."""
    total = t.TOTAL[0]
    name = department.name
    general = (
        f"{year}年，{name}深入贯彻《中华人民共和国政府信息公开条例》，坚持以公开为常态、"
        "不公开为例外，全面推进决策、执行、管理、服务、结果公开。\n"
        f"（一）主动公开。全年通过门户网站主动公开政府信息{figures.get('documents', 0)}条，"
        f"其中政策解读{figures.get('interpretations', 0)}篇，"
        f"政策文件与解读同步发布{figures.get('policies_interpreted', 0)}件；重大行政决策"
        f"{figures.get('major_decisions', 0)}件。\n"
        f"（二）依申请公开。全年新收政府信息公开申请{table3[t.NEW_ROW[0]][total]}件，"
        f"上年结转{table3[t.CARRY_IN_ROW[0]][total]}件，办结{table3[t.GRAND_TOTAL_ROW[0]][total]}件，"
        f"结转下年度继续办理{table3[t.CARRY_OUT_ROW[0]][total]}件；"
        f"办理中征求第三方或其他机关意见{figures.get('consultations', 0)}次。\n"
        "（三）政府信息管理。落实公文公开属性源头认定和公开前保密审查，规范性文件逐件标注有效性。\n"
        "（四）政府信息公开平台建设。门户网站发布内容逐页签名校验，全年开展可用性监测"
        f"{figures.get('probes', 0)}次、页面内容检查{figures.get('inspections', 0)}次，"
        f"发现并处置篡改或注入问题{figures.get('incidents_resolved', 0)}个。\n"
        "（五）监督保障。将政务公开工作纳入年度绩效考核，组织业务培训。"
    )
    late = figures.get("late", 0)
    problems = (
        "（一）存在的主要问题："
        + (f"全年有{late}条信息超过20个工作日才公开，时效性有待提高；" if late else "")
        + "政策解读形式还不够丰富。\n（二）改进措施：加强公开时限督促和解读材料同步起草，"
        "丰富图表、音视频等解读形式。"
    )
    fees = figures.get("fees_yuan", 0)
    other = (
        f"本年度收取信息处理费{fees}元。" if fees else "本年度未收取信息处理费。"
    ) + "无其他需要报告的事项。"
    return {"一": general, "五": problems, "六": other}
