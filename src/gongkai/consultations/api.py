"""JSON API of consultations (read-only, no login): the consultations the public can see, their
dates and status and, once published, the feedback report with every comment's disposition and
the counts. Personal data is masked as on the portal; names only with their writer's consent."""

import datetime as dt
from dataclasses import asdict

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError

from gongkai.consultations.domain.states import PUBLIC_STATUSES, Status
from gongkai.consultations.models import Consultation
from gongkai.consultations.portal import public_comments
from gongkai.consultations.services.common import minimum
from gongkai.consultations.services.consultations import summary_of
from gongkai.core.models import Department
from gongkai.core.participation import WITHHOLD_REASONS

router = Router(tags=["征求意见"])


class CommentOut(Schema):
    number: int
    channel: str
    author: str
    article: str
    text: str
    disposition: str
    reason: str
    same_as: int | None


class FeedbackOut(Schema):
    url: str
    published_on: dt.date
    summary: str
    total: int
    by_channel: dict[str, int]
    by_disposition: dict[str, int]
    withheld: dict[str, int]
    comments: list[CommentOut]


class ConsultationOut(Schema):
    id: int
    url: str
    title: str
    kind: str
    kind_label: str
    division: str
    status: str
    status_label: str
    opens_on: dt.date
    closes_on: dt.date
    minimum_period: str
    short_reason: str
    final_document: str | None
    feedback: FeedbackOut | None


class ConsultationDetailOut(ConsultationOut):
    background: str
    legal_basis: str
    explanation: str
    draft_text: str


def _department(site: str | None) -> Department:
    qs = Department.objects.all()
    department = qs.filter(slug=site).first() if site else qs.order_by("pk").first()
    if department is None:
        raise HttpError(404, f"没有站点“{site}”。" if site else "尚未配置任何站点。")
    return department


def _out(c: Consultation) -> dict[str, object]:
    doc = c.final_document
    data: dict[str, object] = {
        "id": c.pk,
        "url": c.public_path,
        "title": c.title,
        "kind": c.kind,
        "kind_label": c.kind_label,
        "division": c.division.name,
        "status": c.status,
        "status_label": c.status_label,
        "opens_on": c.opens_on,
        "closes_on": c.closes_on,
        "minimum_period": minimum(c.kind).text,
        "short_reason": c.short_reason,
        "final_document": doc.public_path
        if doc is not None and doc.status == "published"
        else None,
        "feedback": None,
    }
    if c.status == Status.FEEDBACK_PUBLISHED and c.feedback_published_on:
        summary = summary_of(c)
        data["feedback"] = {
            "url": c.feedback_path,
            "published_on": c.feedback_published_on,
            "summary": c.feedback_summary,
            "total": summary.total,
            "by_channel": summary.by_channel,
            "by_disposition": summary.by_disposition,
            "withheld": {WITHHOLD_REASONS.get(k, k): n for k, n in summary.withheld.items()},
            "comments": [asdict(x) for x in public_comments(c)],
        }
    return data


def _public(site: str | None) -> QuerySet[Consultation]:
    return (
        Consultation.objects.filter(
            department=_department(site), status__in=[s.value for s in PUBLIC_STATUSES]
        )
        .select_related("division", "final_document")
        .order_by("-opens_on", "-id")
    )


@router.get("/", response=list[ConsultationOut], summary="征求意见（含已公布的意见采纳情况）")
def list_consultations(
    request: HttpRequest, site: str | None = None, status: str = "", year: int | None = None
) -> list[dict[str, object]]:
    """`status` = open / closed / feedback_published / withdrawn；`year` = 开始征求意见的年份。"""
    qs = _public(site)
    if status:
        if status not in {s.value for s in PUBLIC_STATUSES}:
            raise HttpError(400, "status 应为 open、closed、feedback_published 或 withdrawn。")
        qs = qs.filter(status=status)
    if year is not None:
        if not 2000 <= year <= 2100:
            raise HttpError(400, "year 应在2000至2100之间。")
        qs = qs.filter(opens_on__year=year)
    return [_out(c) for c in qs[:500]]


@router.get(
    "/{consultation_id}", response=ConsultationDetailOut, summary="一项征求意见的全文和反馈"
)
def get_consultation(
    request: HttpRequest, consultation_id: int, site: str | None = None
) -> dict[str, object]:
    c = _public(site).filter(pk=consultation_id).first() if 0 < consultation_id < 2**62 else None
    if c is None:
        raise HttpError(404, "没有这项征求意见。")
    return _out(c) | {
        "background": c.background,
        "legal_basis": c.legal_basis,
        "explanation": c.explanation,
        "draft_text": c.draft_text,
    }
