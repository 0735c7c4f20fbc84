"""Quarterly analysis (docs/applications.md, published on the portal each quarter): counts by channel, applicant type and outcome,
on-time rate, average working days to reply, most requested topics."""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from gongkai.applications.domain.outcomes import APPLICANT_TYPE_LABELS, OUTCOME_GROUPS, OUTCOMES
from gongkai.applications.domain.similarity import tokens
from gongkai.applications.models import Application, Channel, QuarterlyAnalysis
from gongkai.applications.services.common import ApplicationError
from gongkai.core import audit
from gongkai.core.models import Department, Role, User
from gongkai.core.permissions import require_can_change_content, require_role
from gongkai.core.services.calendar import get_calendar
from gongkai.core.workdays import working_days_between

# Words frequent in every application that say nothing about the topic.
_TOPIC_STOP = frozenset({"示例", "示例市", "年度", "结果", "情况", "材料", "全部", "本局", "贵局"})


def quarter_span(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    if not 1 <= quarter <= 4:
        raise ApplicationError("季度应为1至4。")
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end


@dataclass
class QuarterStats:
    year: int
    quarter: int
    received: int = 0
    closed: int = 0
    on_time: int = 0
    by_channel: list[tuple[str, int]] = field(default_factory=list)
    by_applicant: list[tuple[str, int]] = field(default_factory=list)
    by_outcome: list[tuple[str, int]] = field(default_factory=list)
    topics: list[tuple[str, int]] = field(default_factory=list)
    average_days: float | None = None

    @property
    def on_time_rate(self) -> float | None:
        return round(100 * self.on_time / self.closed, 1) if self.closed else None


def quarter_stats(department: Department, year: int, quarter: int) -> QuarterStats:
    start, end = quarter_span(year, quarter)
    stats = QuarterStats(year, quarter)
    received = Application.objects.filter(
        department=department, received_on__gte=start, received_on__lte=end
    )
    stats.received = received.count()
    channels = Counter(received.values_list("channel", flat=True))
    stats.by_channel = [(c.label, channels.get(c.value, 0)) for c in Channel]
    kinds = Counter(received.values_list("applicant_type", flat=True))
    stats.by_applicant = [
        (label, kinds.get(k.value, 0)) for k, label in APPLICANT_TYPE_LABELS.items()
    ]
    closed = list(
        Application.objects.filter(department=department, closed_on__gte=start, closed_on__lte=end)
        .exclude(outcome="")
        .values("outcome", "received_on", "replied_on", "deadline", "correction_received_on")
    )
    stats.closed = len(closed)
    groups = Counter(row["outcome"] for row in closed)
    by_group: Counter[str] = Counter()
    for o in OUTCOMES:
        by_group[o.group] += groups.get(o.code, 0)
    stats.by_outcome = [(OUTCOME_GROUPS[g].split("（区分")[0], n) for g, n in by_group.items()]
    calendar = get_calendar()
    days: list[int] = []
    for row in closed:
        if row["replied_on"] and row["received_on"]:
            start_day = row["correction_received_on"] or row["received_on"]
            days.append(working_days_between(calendar, start_day, row["replied_on"]))
            if row["deadline"] is None or row["replied_on"] <= row["deadline"]:
                stats.on_time += 1
        else:
            stats.on_time += 1  # closed without a late reply (withdrawn, abandoned)
    stats.average_days = round(sum(days) / len(days), 1) if days else None
    words: Counter[str] = Counter()
    for text in received.values_list("description", flat=True):
        words.update(
            {w for w in tokens(text) if len(w) >= 2 and not w.isdigit() and w not in _TOPIC_STOP}
        )
    stats.topics = words.most_common(8)
    return stats


def bars(rows: list[tuple[str, int]], *, width: int = 460, bar: int = 22) -> dict[str, object]:
    """Geometry of a horizontal bar chart drawn as inline SVG by the template (no JS)."""
    top = max((n for _, n in rows), default=0) or 1
    label_w = 150
    items = []
    for i, (label, n) in enumerate(rows):
        w = round((width - label_w - 50) * n / top)
        items.append(
            {
                "label": label,
                "n": n,
                "y": i * (bar + 8),
                "w": w,
                "x": label_w,
                "ty": i * (bar + 8) + bar * 0.7,
                "nx": label_w + w + 6,
            }
        )
    return {"items": items, "width": width, "height": len(rows) * (bar + 8), "bar": bar}


@transaction.atomic
def analysis_advance(
    *,
    actor: User,
    department: Department,
    year: int,
    quarter: int,
    summary: str,
    publish: bool,
) -> QuarterlyAnalysis:
    """The office reviews the quarter's analysis; the disclosure head publishes it."""
    require_role(actor, Role.PUBLISHER, Role.DISCLOSURE_HEAD)
    require_can_change_content(actor)
    quarter_span(year, quarter)
    if dt.date(year, 3 * quarter, 1) > timezone.localdate():
        raise ApplicationError("该季度尚未结束，不能审核发布分析。")
    analysis, _ = QuarterlyAnalysis.objects.get_or_create(
        department=department, year=year, quarter=quarter
    )
    before = {"state": analysis.state}
    analysis.summary = summary.strip()
    analysis.reviewed_by = actor
    if publish:
        require_role(actor, Role.DISCLOSURE_HEAD)
        analysis.state = QuarterlyAnalysis.State.PUBLISHED
        analysis.published_at = timezone.now()
    else:
        analysis.state = QuarterlyAnalysis.State.REVIEWED
    analysis.save()
    audit.record(
        actor=actor,
        action="applications.analysis_" + ("publish" if publish else "review"),
        obj=analysis,
        before=before,
        after={"state": analysis.state},
    )
    return analysis
