"""Changes to what is already public: validity (有效性) and withdrawal."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.errors import InvalidTransition
from gongkai.core.models import Role, User
from gongkai.core.permissions import (
    require_can_change_content,
    require_role,
    require_same_department,
    require_same_division,
)
from gongkai.documents.domain import workflow
from gongkai.documents.domain.workflow import Status
from gongkai.documents.models import Document, DocumentStatus, Validity
from gongkai.documents.services import DocumentInputError, effects
from gongkai.documents.services.records import add_event, snapshot


@transaction.atomic
def document_set_validity(
    *,
    actor: User | None,
    document: Document,
    validity: str,
    date: dt.date | None = None,
    replaced_by: Document | None = None,
    note: str = "",
    publish: bool = True,
) -> Document:
    """有效性 changes reach the public page at once (banner, link to the replacement).

    `publish=False` lets a caller changing many documents (a cleanup campaign) publish them
    together with one call to effects.document_changed."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if actor is not None:
        require_same_department(actor, document.department_id, "公文")
        require_role(actor, Role.PUBLISHER, Role.DISCLOSURE_HEAD, Role.DIVISION_HEAD)
        require_can_change_content(actor)
        require_same_division(actor, document.division_id)
    if document.status not in (DocumentStatus.PUBLISHED, DocumentStatus.FILED):
        raise InvalidTransition("只有已公开或已办结的公文可以变更有效性。")
    date = date or timezone.localdate()
    errors = _validity_errors(document, validity, date, replaced_by)
    if errors:
        raise DocumentInputError(errors)
    before = snapshot(document)
    document.validity = validity
    document.validity_date = None if validity == Validity.VALID else date
    document.replaced_by = None if validity == Validity.VALID else replaced_by
    document.validity_note = note.strip()[:300]
    document.save()
    label = f"有效性变更为“{document.get_validity_display()}”"
    add_event(document, actor, "set_validity", label, before=document.status, note=note)
    audit.record(
        actor=actor,
        action="documents.set_validity",
        obj=document,
        before=before,
        after={**snapshot(document), "replaced_by": replaced_by.pk if replaced_by else None},
    )
    if publish and document.status == DocumentStatus.PUBLISHED:
        # The replacement's page ("本文件替代的文件") is re-rendered as a related page.
        effects.document_changed(document.department, [document.pk], validity_only=True)
    return document


def _validity_errors(
    document: Document, validity: str, date: dt.date, replaced_by: Document | None
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if validity not in Validity.values:
        errors["validity"] = ["请选择有效性：有效、失效、废止或已修改。"]
    if replaced_by is not None:
        if replaced_by.pk == document.pk or replaced_by.department_id != document.department_id:
            errors.setdefault("replaced_by", []).append(
                "替代文件不能是本文件，且须为本机关的公文。"
            )
        elif replaced_by.status != DocumentStatus.PUBLISHED:
            errors.setdefault("replaced_by", []).append(
                f"替代文件《{replaced_by.title}》尚未公开，须先公开替代文件，再变更本文件的有效性。"
            )
    if validity == Validity.AMENDED and replaced_by is None:
        errors.setdefault("replaced_by", []).append("“已修改”须关联修改后的文件。")
    if document.written_date and date < document.written_date:
        errors.setdefault("date", []).append("有效性变更日期不能早于成文日期。")
    return errors


@transaction.atomic
def document_withdraw(*, actor: User, document: Document, reason: str) -> Document:
    """撤回: the page is replaced by a notice saying when and why it was withdrawn."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    require_same_department(actor, document.department_id, "公文")
    transition = workflow.TRANSITIONS["withdraw"]
    require_role(actor, *transition.roles)
    workflow.check_source("withdraw", Status(document.status))
    reason = reason.strip()
    if not reason:
        raise InvalidTransition("撤回须填写说明，该说明将显示在撤回公告中。")
    before = snapshot(document)
    document.status = DocumentStatus.WITHDRAWN
    document.withdrawn_at = timezone.now()
    document.withdraw_reason = reason
    document.save()
    add_event(document, actor, "withdraw", transition.label, before=Status.PUBLISHED, note=reason)
    audit.record(
        actor=actor,
        action="documents.withdraw",
        obj=document,
        before=before,
        after={**snapshot(document), "reason": reason},
    )
    effects.document_changed(document.department, [document.pk])
    return document


def recompute_disclosure_days() -> int:
    """After a year's holiday notice is entered, recount formation → publication working days
    of recent proactive disclosures (条例第二十六条); a day counted as worked may now be a holiday.
    Returns how many documents changed."""
    from gongkai.core.services.calendar import get_calendar
    from gongkai.documents.domain import rules

    calendar = get_calendar()
    since = dt.date(timezone.localdate().year - 1, 1, 1)
    changed = 0
    docs = Document.objects.filter(
        status=DocumentStatus.PUBLISHED,
        publish_date__gte=since,
        disclosure_working_days__isnull=False,
    )
    for doc in docs.only(
        "pk",
        "formed_date",
        "written_date",
        "publish_date",
        "disclosure_working_days",
        "published_late",
    ):
        assert doc.publish_date is not None  # noqa: S101 - filtered above
        formed = doc.formed_date or doc.written_date or doc.publish_date
        days = rules.disclosure_working_days(calendar, formed, doc.publish_date)
        if days != doc.disclosure_working_days:
            Document.objects.filter(pk=doc.pk).update(
                disclosure_working_days=days, published_late=rules.is_late(days)
            )
            changed += 1
    return changed
