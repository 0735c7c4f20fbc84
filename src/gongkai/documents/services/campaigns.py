"""Normative-document cleanup campaigns and the yearly review of non-public information."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.errors import InvalidTransition
from gongkai.core.models import Department, Role, User
from gongkai.core.permissions import (
    require_can_change_content,
    require_role,
    require_same_department,
    require_same_division,
)
from gongkai.documents.domain import rules
from gongkai.documents.models import (
    CleanupCampaign,
    CleanupItem,
    Disclosure,
    Document,
    DocumentStatus,
    Validity,
    YearlyReview,
    YearlyReviewItem,
)
from gongkai.documents.services import DocumentInputError, department_id_of, effects
from gongkai.documents.services.publication import document_set_validity
from gongkai.documents.services.records import add_event

CAMPAIGN_ROLES = (Role.LEGALITY_REVIEWER, Role.DISCLOSURE_HEAD)


def _same_department(actor: User, department_id: int) -> None:
    require_same_department(actor, department_id)


@transaction.atomic
def cleanup_campaign_create(
    *, actor: User, name: str, cutoff: dt.date, interval_years: int = rules.DEFAULT_CLEANUP_YEARS
) -> CleanupCampaign:
    """Open a campaign listing every valid, published normative document due by `cutoff`."""
    require_role(actor, *CAMPAIGN_ROLES)
    if not name.strip():
        raise DocumentInputError({"name": ["请填写清理名称，如“2026年规范性文件清理”。"]})
    if not 1 <= interval_years <= 10:
        raise DocumentInputError({"interval_years": ["清理周期应在1至10年之间。"]})
    department = Department.objects.get(pk=department_id_of(actor))
    campaign = CleanupCampaign.objects.create(
        department=department,
        name=name.strip(),
        cutoff=cutoff,
        interval_years=interval_years,
        created_by=actor,
    )
    docs = Document.objects.filter(
        department=department,
        is_normative=True,
        status=DocumentStatus.PUBLISHED,
        validity=Validity.VALID,
        cleanup_due__lte=cutoff,
    )
    CleanupItem.objects.bulk_create(
        [CleanupItem(campaign=campaign, document=d, division_id=d.division_id) for d in docs]
    )
    audit.record(
        actor=actor,
        action="documents.cleanup_create",
        obj=campaign,
        after={"name": campaign.name, "cutoff": cutoff, "documents": docs.count()},
    )
    return campaign


@transaction.atomic
def cleanup_item_decide(
    *,
    actor: User,
    item: CleanupItem,
    conclusion: str,
    note: str = "",
    replacement: Document | None = None,
) -> CleanupItem:
    item = CleanupItem.objects.select_for_update().select_related("campaign").get(pk=item.pk)
    _same_department(actor, item.campaign.department_id)
    require_role(actor, Role.DIVISION_HEAD, *CAMPAIGN_ROLES)
    require_same_division(actor, item.division_id)
    if item.campaign.state != CleanupCampaign.State.OPEN or item.applied:
        raise InvalidTransition("该清理已执行结论，不能再修改。")
    if conclusion not in CleanupItem.Conclusion.values:
        raise DocumentInputError(
            {"conclusion": ["请选择清理结论：继续有效、修改、废止或宣布失效。"]}
        )
    if conclusion == CleanupItem.Conclusion.AMEND and replacement is None:
        raise DocumentInputError({"replacement": ["结论为“修改”的，须关联修改后已公开的文件。"]})
    before = {"conclusion": item.conclusion, "note": item.note}
    item.conclusion, item.note = conclusion, note.strip()[:300]
    item.replacement = replacement if conclusion == CleanupItem.Conclusion.AMEND else None
    item.decided_by, item.decided_at = actor, timezone.now()
    item.save()
    audit.record(
        actor=actor,
        action="documents.cleanup_decide",
        obj=item.document,
        before=before,
        after={"conclusion": conclusion, "note": item.note, "campaign": item.campaign_id},
    )
    return item


_VALIDITY_FOR: dict[str, str] = {
    CleanupItem.Conclusion.AMEND: Validity.AMENDED,
    CleanupItem.Conclusion.REPEAL: Validity.REPEALED,
    CleanupItem.Conclusion.INVALID: Validity.EXPIRED,
}


@transaction.atomic
def cleanup_campaign_apply(
    *, actor: User, campaign: CleanupCampaign, today: dt.date | None = None
) -> int:
    """Apply every conclusion: validity changes reach the public pages; kept documents get their
    next cleanup date. Refused while any document lacks a conclusion."""
    campaign = CleanupCampaign.objects.select_for_update().get(pk=campaign.pk)
    _same_department(actor, campaign.department_id)
    require_role(actor, *CAMPAIGN_ROLES)
    if campaign.state != CleanupCampaign.State.OPEN:
        raise InvalidTransition("该清理的结论已经执行。")
    pending = campaign.items.filter(conclusion="").count()
    if pending:
        raise InvalidTransition(f"还有{pending}件文件没有清理结论，全部给出结论后才能执行。")
    today = today or timezone.localdate()
    changed: list[int] = []
    for item in campaign.items.select_related("document", "replacement"):
        doc = item.document
        if item.conclusion == CleanupItem.Conclusion.KEEP:
            doc.cleanup_due = rules.next_cleanup_date(today, campaign.interval_years)
            doc.save(update_fields=["cleanup_due", "updated_at"])
            add_event(
                doc,
                actor,
                "cleanup_keep",
                "清理结论：继续有效",
                before=doc.status,
                note=campaign.name,
            )
        else:
            document_set_validity(
                actor=None,
                document=doc,
                validity=_VALIDITY_FOR[item.conclusion],
                date=today,
                replaced_by=item.replacement,
                note=f"{campaign.name}：{item.note}".strip("："),
                publish=False,
            )
            if doc.status == DocumentStatus.PUBLISHED:
                changed.append(doc.pk)
        item.applied = True
        item.save(update_fields=["applied"])
    # One publication for the whole campaign, not one per document.
    effects.document_changed(campaign.department, changed, validity_only=True)
    campaign.state = CleanupCampaign.State.APPLIED
    campaign.save(update_fields=["state"])
    count = campaign.items.count()
    audit.record(
        actor=actor, action="documents.cleanup_apply", obj=campaign, after={"items": count}
    )
    return count


@transaction.atomic
def cleanup_campaign_publish(*, actor: User, campaign: CleanupCampaign) -> CleanupCampaign:
    campaign = CleanupCampaign.objects.select_for_update().get(pk=campaign.pk)
    _same_department(actor, campaign.department_id)
    require_role(actor, Role.PUBLISHER, Role.DISCLOSURE_HEAD)
    if campaign.state != CleanupCampaign.State.APPLIED:
        raise InvalidTransition("须先执行清理结论，再公布清理结果。")
    campaign.state = CleanupCampaign.State.PUBLISHED
    campaign.published_at = timezone.now()
    campaign.save(update_fields=["state", "published_at"])
    audit.record(
        actor=actor,
        action="documents.cleanup_publish",
        obj=campaign,
        after={"path": campaign.public_path},
    )
    effects.cleanup_result_changed(campaign.department, campaign.pk)
    return campaign


# --- yearly review (docs/documents.md, 非公开信息年度复查) -------------------------------------------


@transaction.atomic
def yearly_review_open(*, actor: User | None, department: Department, year: int) -> YearlyReview:
    """List every 依申请公开 / 不予公开 document of the department for its division to review.
    Idempotent: documents added since are appended, decided items are kept."""
    if actor is not None:
        _same_department(actor, department.pk)
        require_role(actor, Role.DISCLOSURE_HEAD, Role.PUBLISHER)
    review, created = YearlyReview.objects.get_or_create(department=department, year=year)
    have = set(review.items.values_list("document_id", flat=True))
    docs = Document.objects.filter(
        department=department,
        status=DocumentStatus.FILED,
        disclosure__in=[Disclosure.ON_REQUEST, Disclosure.NOT_PUBLIC],
    ).exclude(pk__in=have)
    new = [
        YearlyReviewItem(
            review=review, document=d, division_id=d.division_id, disclosure_before=d.disclosure
        )
        for d in docs
    ]
    YearlyReviewItem.objects.bulk_create(new)
    audit.record(
        actor=actor,
        action="documents.review_open",
        obj=review,
        after={"year": year, "added": len(new), "created": created},
    )
    return review


@transaction.atomic
def yearly_review_decide(
    *, actor: User, item: YearlyReviewItem, conclusion: str, note: str = ""
) -> YearlyReviewItem:
    """A conclusion for one document. 转为主动公开: the document goes back to draft with the new
    attribute and passes the normal chain again (a conversion is never published directly)."""
    item = (
        YearlyReviewItem.objects.select_for_update()
        .select_related("review", "document")
        .get(pk=item.pk)
    )
    _same_department(actor, item.review.department_id)
    require_role(actor, Role.DIVISION_HEAD, Role.DISCLOSURE_HEAD)
    require_can_change_content(actor)
    require_same_division(actor, item.division_id)
    if item.conclusion:
        raise InvalidTransition("该文件的复查结论已经给出。")
    if conclusion not in YearlyReviewItem.Conclusion.values:
        raise DocumentInputError({"conclusion": ["请选择复查结论。"]})
    if conclusion != YearlyReviewItem.Conclusion.KEEP and len(note.strip()) < 2:
        raise DocumentInputError(
            {"note": ["改变公开属性的，请简要说明理由（如：已解密、过程性信息已成为决策依据）。"]}
        )
    doc = Document.objects.select_for_update().get(pk=item.document_id)
    if conclusion == YearlyReviewItem.Conclusion.TO_PROACTIVE:
        _reopen_for_disclosure(actor, doc, item.review.year, note)
    elif conclusion == YearlyReviewItem.Conclusion.TO_ON_REQUEST:
        if doc.disclosure != Disclosure.NOT_PUBLIC:
            raise DocumentInputError({"conclusion": ["只有不予公开的文件可以转为依申请公开。"]})
        doc.disclosure = Disclosure.ON_REQUEST
        doc.save(update_fields=["disclosure", "updated_at"])
        add_event(
            doc,
            actor,
            "review_on_request",
            "年度复查：转为依申请公开",
            before=doc.status,
            note=note,
        )
    item.conclusion, item.note = conclusion, note.strip()[:300]
    item.decided_by, item.decided_at = actor, timezone.now()
    item.save()
    audit.record(
        actor=actor,
        action="documents.review_decide",
        obj=doc,
        after={"year": item.review.year, "conclusion": conclusion, "note": item.note},
    )
    return item


def _reopen_for_disclosure(actor: User, doc: Document, year: int, note: str) -> None:
    if doc.status != DocumentStatus.FILED:
        raise InvalidTransition("只有已办结的非公开文件可以转为主动公开。")
    source = doc.status
    doc.disclosure = Disclosure.PROACTIVE
    doc.nondisclosure_reason = ""
    doc.nondisclosure_note = ""
    doc.status = DocumentStatus.DRAFT
    # 条例第二十六条：公开属性变更之日为信息“变更”之日，20个工作日自此起算。
    doc.formed_date = timezone.localdate()
    doc.save()
    add_event(
        doc, actor, "reopen", f"{year}年度复查：转为主动公开，重新审核", before=source, note=note
    )
