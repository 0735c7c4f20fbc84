"""Real records (applications, review cases, documents) as the other modules store them."""

import datetime as dt
import itertools

from django.utils import timezone

from gongkai.applications.domain.states import Status
from gongkai.applications.models import Application, ReviewCase
from gongkai.core.models import Department, User
from gongkai.documents.models import Document, DocumentStatus, Validity

_seq = itertools.count(1)


def application(
    department: Department,
    *,
    received: dt.date,
    applicant_type: str = "natural_person",
    closed: dt.date | None = None,
    outcome: str = "",
    status: str | None = None,
    handler: User | None = None,
    replied: dt.date | None = None,
) -> Application:
    n = next(_seq)
    if status is None:
        status = Status.REPLIED.value if closed else Status.IN_PROGRESS.value
    return Application.objects.create(
        department=department,
        number=f"T{received.year}-{n:05d}",
        query_code=f"Q{n:09d}",
        channel="online",
        status=status,
        applicant_type=applicant_type,
        name=f"申请人{n}",
        phone="13800000000",
        description="申请公开科技计划项目资金安排情况",
        preferred_form="electronic",
        delivery="email",
        submitted_at=timezone.make_aware(dt.datetime.combine(received, dt.time(9))),
        received_on=received,
        closed_on=closed,
        replied_on=replied or closed,
        outcome=outcome,
        handler=handler,
    )


def review(
    application: Application,
    *,
    kind: str,
    filed: dt.date,
    result: str = "pending",
    concluded: dt.date | None = None,
) -> ReviewCase:
    return ReviewCase.objects.create(
        application=application,
        department=application.department,
        kind=kind,
        filed_on=filed,
        result=result,
        concluded_on=concluded,
    )


def document(
    department: Department,
    drafter: User,
    *,
    published: dt.date,
    normative: bool = False,
    validity: str = Validity.VALID,
    validity_date: dt.date | None = None,
    status: str = DocumentStatus.PUBLISHED,
    late: bool = False,
    genre: str = "通知",
    interprets: Document | None = None,
) -> Document:
    n = next(_seq)
    return Document.objects.create(
        department=department,
        division=drafter.division,
        drafter=drafter,
        index_number=f"MB1234567/{published.year}-{n:05d}",
        title=f"测试公文{n}",
        issuers=department.name,
        written_date=published,
        publish_date=published,
        is_normative=normative,
        validity=validity,
        validity_date=validity_date,
        status=status,
        published_late=late,
        genre=genre,
        interprets=interprets,
    )
