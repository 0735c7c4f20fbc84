"""Shared by the consultation services: who may do what, audit snapshots, publication."""

from typing import Any

from django.conf import settings

from gongkai.consultations.domain import period
from gongkai.consultations.models import Comment, Consultation
from gongkai.core.errors import AccessDenied, DomainError
from gongkai.core.models import Role, User
from gongkai.core.permissions import (
    require_can_change_content,
    require_role,
    require_same_department,
    require_same_division,
    sees_all_divisions,
)

# The drafting division runs its consultation; the general office publishes for everyone.
EDIT_ROLES = (Role.DRAFTER, Role.DIVISION_HEAD, Role.PUBLISHER, Role.DISCLOSURE_HEAD)
# Opening a consultation and publishing its feedback speak for the bureau.
PUBLISH_ROLES = (Role.DIVISION_HEAD, Role.PUBLISHER, Role.DISCLOSURE_HEAD)
READ_ROLES = (*EDIT_ROLES, Role.LEGALITY_REVIEWER, Role.LEADER, Role.AUDITOR, Role.SYSADMIN)


class ConsultationError(DomainError):
    """A request the rules do not allow. Message in Chinese, saying how to fix it."""


def can_read(user: User) -> bool:
    return user.is_authenticated and user.has_role(*READ_ROLES)


def can_edit(user: User, consultation: Consultation | None = None) -> bool:
    if not user.is_authenticated or not user.has_role(*EDIT_ROLES):
        return False
    if consultation is None:
        return True
    if consultation.department_id != user.department_id:
        return False
    return sees_all_divisions(user) or consultation.division_id == user.division_id


def require_editor(
    user: User, consultation: Consultation, roles: tuple[str, ...] = EDIT_ROLES
) -> None:
    require_role(user, *roles)
    require_can_change_content(user)
    require_same_department(user, consultation.department_id, "征求意见")
    require_same_division(user, consultation.division_id)


def minimum(kind: str) -> period.Minimum:
    try:
        k = period.Kind(kind)
    except ValueError:
        raise ConsultationError(
            "请选择文件类别。", fields={"kind": "请选择文件类别：重大行政决策、规范性文件或其他。"}
        ) from None
    return period.minimum_for(
        k,
        major_days=settings.CONSULTATION_MAJOR_DECISION_DAYS,
        normative_working_days=settings.CONSULTATION_NORMATIVE_WORKING_DAYS,
    )


def snapshot(c: Consultation) -> dict[str, Any]:
    return {
        "title": c.title,
        "kind": c.kind,
        "status": c.status,
        "opens_on": c.opens_on,
        "closes_on": c.closes_on,
        "short_reason": c.short_reason,
        "final_document": c.final_document_id,
        "feedback_published_on": c.feedback_published_on,
    }


def comment_snapshot(c: Comment) -> dict[str, Any]:
    return {
        "number": c.number,
        "channel": c.channel,
        "moderation": c.moderation,
        "withhold_reason": c.withhold_reason,
        "same_as": c.same_as_id,
        "disposition": c.disposition,
        "reason": c.reason,
    }


def published(consultation: Consultation, *, also_documents: tuple[int, ...] = ()) -> None:
    """Publish the consultation's pages (and the list, home page and 互动交流) after commit, and
    the page of the final document that links to its feedback (and of one it no longer links)."""
    from gongkai.documents.portal import RELATED_CHANGE
    from gongkai.publishing.pages import Change
    from gongkai.publishing.services import site_publish_on_commit

    changes = [Change("consultation", consultation.pk), Change("portal", "interaction")]
    for doc in sorted({d for d in (consultation.final_document_id, *also_documents) if d}):
        changes.append(Change(RELATED_CHANGE, doc))
    site_publish_on_commit(department=consultation.department, changes=changes)


def not_mine() -> AccessDenied:
    return AccessDenied("您只能处理本机关的征求意见。")
