"""The documents module's to-dos on the workbench: documents waiting for me (per role), late
proactive disclosures (条例第二十六条), normative documents due for cleanup, the yearly review."""

import datetime as dt
from collections.abc import Iterator

from django.db.models import QuerySet
from django.urls import reverse

from gongkai.core import todos
from gongkai.core.models import Role, User
from gongkai.core.permissions import scope_to_division, sees_all_divisions
from gongkai.documents.domain import workflow
from gongkai.documents.models import (
    Document,
    DocumentStatus,
    YearlyReviewItem,
)

MODULE = "公文"


def waiting_for(user: User) -> QuerySet[Document]:
    """Documents whose next step is this user's (the same list as the "待我处理" filter)."""
    qs = Document.objects.filter(department_id=user.department_id or 0)
    states = [s for s, roles in workflow.REVIEWER_OF.items() if user.has_role(*roles)]
    mine = qs.none()
    if states:
        reviewing = qs.filter(status__in=states)
        if not sees_all_divisions(user):
            reviewing = reviewing.filter(division_id=user.division_id or 0)
        mine = reviewing
    if user.has_role(Role.DRAFTER):
        mine = mine | qs.filter(drafter=user, status=DocumentStatus.RETURNED)
    return mine.order_by("updated_at")


@todos.provider
def documents_waiting(user: User, today: dt.date) -> Iterator[todos.Todo]:
    for doc in waiting_for(user)[:50]:
        label = "退文待修改" if doc.status == DocumentStatus.RETURNED else doc.get_status_display()
        detail = (
            f"退文理由：{doc.return_reason}"
            if doc.status == DocumentStatus.RETURNED
            else (f"{doc.division.name} · 索引号 {doc.index_number}")
        )
        yield todos.Todo(
            title=f"{label}：{doc.title}",
            url=reverse("documents:detail", args=[doc.pk]),
            module=MODULE,
            detail=detail,
            level="urgent" if doc.status == DocumentStatus.RETURNED else "normal",
        )


@todos.provider
def late_disclosures(user: User, today: dt.date) -> Iterator[todos.Todo]:
    if not user.has_role(Role.PUBLISHER, Role.DISCLOSURE_HEAD, Role.DIVISION_HEAD, Role.LEADER):
        return
    qs = scope_to_division(
        user, Document.objects.filter(published_late=True, publish_date__year=today.year)
    )
    count = qs.count()
    if count:
        yield todos.Todo(
            title=f"本年有{count}件主动公开信息超过20个工作日才公开",
            url=reverse("documents:index") + "?late=1",
            module=MODULE,
            detail="条例第二十六条：应自信息形成或变更之日起20个工作日内公开。",
            level="urgent",
        )


@todos.provider
def cleanup_due(user: User, today: dt.date) -> Iterator[todos.Todo]:
    if not user.has_role(Role.LEGALITY_REVIEWER, Role.DIVISION_HEAD, Role.DISCLOSURE_HEAD):
        return
    horizon = today + dt.timedelta(days=60)
    qs = scope_to_division(
        user,
        Document.objects.filter(
            is_normative=True,
            status=DocumentStatus.PUBLISHED,
            validity="valid",
            cleanup_due__lte=horizon,
        ),
    )
    first = qs.order_by("cleanup_due").first()
    if first is not None:
        yield todos.Todo(
            title=f"{qs.count()}件规范性文件到期需清理",
            url=reverse("documents:cleanup_index"),
            module=MODULE,
            due=first.cleanup_due,
            detail="规范性文件每两年清理一次，清理结果向社会公布。",
            level="urgent" if first.cleanup_due and first.cleanup_due <= today else "normal",
        )


@todos.provider
def yearly_review_due(user: User, today: dt.date) -> Iterator[todos.Todo]:
    if not user.has_role(Role.DIVISION_HEAD, Role.DISCLOSURE_HEAD):
        return
    items = scope_to_division(
        user,
        YearlyReviewItem.objects.filter(
            conclusion="", review__department_id=user.department_id or 0
        ),
    )
    open_years = sorted(set(items.values_list("review__year", flat=True)))
    for year in open_years:
        n = items.filter(review__year=year).count()
        review_id = items.filter(review__year=year).values_list("review_id", flat=True)[0]
        yield todos.Todo(
            title=f"{year}年度非公开信息复查：{n}件待给出结论",
            url=reverse("documents:review_detail", args=[review_id]),
            module=MODULE,
            due=dt.date(year, 12, 31),
            detail="每年复查依申请公开、不予公开的信息，能转为主动公开的及时转为主动公开。",
        )


def collect(user: User, today: dt.date) -> list[todos.Todo]:
    """This module's to-dos only (the workbench shows every module's, via gongkai.core.todos)."""
    providers = (documents_waiting, late_disclosures, cleanup_due, yearly_review_due)
    return [todo for provider in providers for todo in provider(user, today)]
