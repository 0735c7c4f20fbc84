"""Openness statistics for leaders: per division and for the department, per quarter and year.

Counts are grouped in the database; only the working-day durations of the period's replies are
computed in Python (the calendar of holidays and make-up days lives there).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q
from django.db.models.functions import Coalesce

from gongkai.applications.domain.outcomes import OUTCOME_BY_CODE, OUTCOME_GROUPS
from gongkai.applications.domain.states import OPEN_STATUSES
from gongkai.applications.models import Application
from gongkai.core.models import Department, Division
from gongkai.core.services.calendar import get_calendar
from gongkai.core.workdays import working_days_between
from gongkai.documents.models import Document, DocumentStatus
from gongkai.reports.domain.periods import Period, average, percent

IN_WORKFLOW = (
    DocumentStatus.DIVISION_REVIEW,
    DocumentStatus.LEGALITY_REVIEW,
    DocumentStatus.CONFIDENTIALITY_REVIEW,
    DocumentStatus.OFFICE_SIGNOFF,
)
COLUMNS = (
    ("documents", "公开信息（条）"),
    ("late", "超过20个工作日公开"),
    ("interpreted", "政策文件与解读同步发布"),
    ("received", "收到申请"),
    ("replied", "答复申请"),
    ("on_time_pct", "按时答复率（%）"),
    ("avg_days", "平均答复用时（工作日）"),
    ("open_todos", "未办结事项"),
)


@dataclass
class Row:
    name: str
    values: dict[str, Any] = field(default_factory=dict)

    def cells(self) -> list[tuple[str, Any]]:
        return [(label, self.values.get(key)) for key, label in COLUMNS]


@dataclass
class Statistics:
    period: Period
    rows: list[Row]
    total: Row
    outcomes: list[tuple[str, int]]
    quarterly: dict[str, list[int]]


def _documents(department: Department, period: Period) -> dict[int | None, dict[str, int]]:
    published = Document.objects.filter(
        department=department,
        status=DocumentStatus.PUBLISHED,
        publish_date__range=(period.start, period.end),
    )
    out: dict[int | None, dict[str, int]] = defaultdict(dict)
    for item in (
        published.values("division_id")
        .annotate(documents=Count("id"), late=Count("id", filter=Q(published_late=True)))
        .order_by()
    ):
        out[item["division_id"]].update(documents=item["documents"], late=item["late"])
    interpreted = (
        published.filter(is_normative=True, interpretations__status=DocumentStatus.PUBLISHED)
        .values("division_id")
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    for item in interpreted:
        out[item["division_id"]]["interpreted"] = item["n"]
    in_flow = (
        Document.objects.filter(department=department, status__in=IN_WORKFLOW)
        .values("division_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for item in in_flow:
        out[item["division_id"]]["open_todos"] = item["n"]
    return out


def _applications(department: Department, period: Period) -> dict[int | None, dict[str, Any]]:
    apps = Application.objects.filter(department=department, received_on__isnull=False).annotate(
        done_on=Coalesce("closed_on", "replied_on")
    )
    out: dict[int | None, dict[str, Any]] = defaultdict(dict)
    for item in (
        apps.values("handler__division_id")
        .annotate(
            received=Count("id", filter=Q(received_on__range=(period.start, period.end))),
            open=Count("id", filter=Q(status__in=[s.value for s in OPEN_STATUSES])),
        )
        .order_by()
    ):
        out[item["handler__division_id"]].update(received=item["received"], open=item["open"])
    calendar = get_calendar()
    durations: dict[int | None, list[int]] = defaultdict(list)
    on_time: dict[int | None, int] = defaultdict(int)
    replied = apps.filter(done_on__range=(period.start, period.end), replied_on__isnull=False)
    for division_id, received, replied_on, deadline, extension in replied.values_list(
        "handler__division_id", "received_on", "replied_on", "deadline", "extension_days"
    ):
        if received is None or replied_on is None:
            continue
        taken = working_days_between(calendar, received, replied_on)
        durations[division_id].append(taken)
        # The stored deadline already accounts for corrections, pauses and extensions; without
        # one, 条例第三十三条's 20 working days (plus an approved extension) apply.
        if replied_on <= deadline if deadline else taken <= 20 + extension:
            on_time[division_id] += 1
    for key, days in durations.items():
        out[key].update(
            replied=len(days),
            on_time=on_time[key],
            on_time_pct=percent(on_time[key], len(days)),
            avg_days=average(days),
            _days=days,
        )
    return out


def _merge(docs: dict[str, int], apps: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {k: docs.get(k, 0) for k in ("documents", "late", "interpreted")}
    values["received"] = apps.get("received", 0)
    values["replied"] = apps.get("replied", 0)
    values["on_time"] = apps.get("on_time", 0)
    values["on_time_pct"] = apps.get("on_time_pct")
    values["avg_days"] = apps.get("avg_days")
    values["_days"] = apps.get("_days", [])
    values["open_todos"] = docs.get("open_todos", 0) + apps.get("open", 0)
    return values


def statistics(department: Department, period: Period) -> Statistics:
    docs = _documents(department, period)
    apps = _applications(department, period)
    rows = []
    for division in Division.objects.filter(department=department):
        rows.append(
            Row(division.name, _merge(docs.get(division.pk, {}), apps.get(division.pk, {})))
        )
    unassigned = _merge(docs.get(None, {}), apps.get(None, {}))
    if any(v for k, v in unassigned.items() if k != "_days"):
        rows.append(Row("未分配承办处室", unassigned))
    total: dict[str, Any] = {}
    for key in ("documents", "late", "interpreted", "received", "replied", "on_time", "open_todos"):
        total[key] = sum(r.values[key] for r in rows)
    all_days = [d for r in rows for d in r.values["_days"]]
    total["on_time_pct"] = percent(total["on_time"], total["replied"])
    total["avg_days"] = average(all_days)
    return Statistics(
        period=period,
        rows=rows,
        total=Row(department.name + "（全局）", total),
        outcomes=_outcomes(department, period),
        quarterly=_quarterly(department, period.year),
    )


def _outcomes(department: Department, period: Period) -> list[tuple[str, int]]:
    counts: dict[str, int] = dict.fromkeys(OUTCOME_GROUPS, 0)
    rows = (
        Application.objects.filter(department=department)
        .annotate(done_on=Coalesce("closed_on", "replied_on"))
        .filter(done_on__range=(period.start, period.end))
        .exclude(outcome="")
        .values("outcome")
        .annotate(n=Count("id"))
        .order_by()
    )
    for item in rows:
        outcome = OUTCOME_BY_CODE.get(item["outcome"])
        if outcome is not None:
            counts[outcome.group] += item["n"]
    return [(OUTCOME_GROUPS[g].split("（区分")[0], n) for g, n in counts.items()]


def _quarterly(department: Department, year: int) -> dict[str, list[int]]:
    series: dict[str, list[int]] = {"documents": [], "received": [], "late": []}
    for q in Period(year).quarters():
        series["documents"].append(
            Document.objects.filter(
                department=department,
                status=DocumentStatus.PUBLISHED,
                publish_date__range=(q.start, q.end),
            ).count()
        )
        series["late"].append(
            Document.objects.filter(
                department=department,
                status=DocumentStatus.PUBLISHED,
                published_late=True,
                publish_date__range=(q.start, q.end),
            ).count()
        )
        series["received"].append(
            Application.objects.filter(
                department=department, received_on__range=(q.start, q.end)
            ).count()
        )
    return series
