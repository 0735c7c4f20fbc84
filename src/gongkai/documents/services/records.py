"""Creating and editing document records, attachments and the pre-publication check results."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
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
from gongkai.documents import attachments as intake
from gongkai.documents.domain import docnumber, rules
from gongkai.documents.domain.checks import run_checks
from gongkai.documents.domain.workflow import EDITABLE, Status
from gongkai.documents.models import (
    Attachment,
    CatalogueColumn,
    Disclosure,
    Document,
    DocumentEvent,
    Genre,
    IndexCounter,
    NondisclosureReason,
    SubjectCategory,
)
from gongkai.documents.sanitize import html_to_text, sanitise_body
from gongkai.documents.services import DocumentInputError, department_id_of


@dataclass
class DocumentData:
    """What a drafter enters. Ids refer to records of the drafter's department."""

    title: str
    issuers: str
    genre: str = Genre.NOTICE
    doc_number: str = ""
    written_date: dt.date | None = None
    publish_date: dt.date | None = None
    category_id: int | None = None
    keywords: str = ""
    body: str = ""
    disclosure: str = ""
    nondisclosure_reason: str = ""
    nondisclosure_note: str = ""
    is_normative: bool = False
    is_major_decision: bool = False
    cleanup_due: dt.date | None = None
    formed_date: dt.date | None = None
    is_repost: bool = False
    repost_source: str = ""
    needs_interpretation: bool = False
    interprets_id: int | None = None
    column_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class SaveResult:
    document: Document
    # What the sanitiser removed from the body (shown to the drafter, never silently dropped).
    removed: tuple[str, ...] = ()


class _Errors(dict[str, list[str]]):
    def __call__(self, name: str, message: str) -> None:
        self.setdefault(name, []).append(message)


def _validate(data: DocumentData, actor: User, instance: Document | None) -> dict[str, Any]:
    """Returns cleaned values; raises DocumentInputError listing every problem."""
    err = _Errors()
    cleaned: dict[str, Any] = {}
    _validate_text(data, err, cleaned)
    _validate_number(data, department_id_of(actor), instance, err, cleaned)
    order_error = rules.date_order_error(data.written_date, data.publish_date)
    if order_error:
        err("publish_date", order_error)
    _validate_disclosure(data, err, cleaned)
    _validate_links(data, department_id_of(actor), instance, err, cleaned)
    sanitised = sanitise_body(data.body)
    cleaned.update(
        written_date=data.written_date,
        publish_date=data.publish_date,
        formed_date=data.formed_date,
        keywords=" ".join(data.keywords.replace("，", " ").split()),
        is_repost=data.is_repost,
        repost_source=data.repost_source.strip(),
        is_normative=data.is_normative,
        is_major_decision=data.is_major_decision,
        cleanup_due=data.cleanup_due,
        needs_interpretation=data.needs_interpretation,
        body=sanitised.html,
        body_text=html_to_text(sanitised.html),
        _removed=sanitised.removed,
    )
    if err:
        raise DocumentInputError(dict(err))
    return cleaned


def _validate_text(data: DocumentData, err: _Errors, cleaned: dict[str, Any]) -> None:
    title = " ".join(data.title.split())
    if not title:
        err("title", "请填写标题。")
    elif len(title) > 300:
        err("title", "标题过长（最多300字）。")
    issuers = "、".join(p.strip() for p in data.issuers.replace(",", "、").split("、") if p.strip())
    if not issuers:
        err("issuers", "请填写发文机关；联合发文时用“、”分隔各机关。")
    if data.genre not in Genre.values:
        err("genre", "请选择体裁。")
    if data.is_repost and not data.repost_source.strip():
        err("repost_source", "转载上级文件须注明来源（如：国务院办公厅、省科学技术厅）。")
    cleaned.update(title=title, issuers=issuers, genre=data.genre)


def _validate_number(
    data: DocumentData,
    department_id: int,
    instance: Document | None,
    err: _Errors,
    cleaned: dict[str, Any],
) -> None:
    number = ""
    if data.doc_number.strip():
        try:
            number = str(docnumber.parse(data.doc_number, max_year=timezone.localdate().year + 1))
        except docnumber.DocNumberError as exc:
            err("doc_number", str(exc))
        else:
            clash = Document.objects.filter(department_id=department_id, doc_number=number)
            if instance is not None:
                clash = clash.exclude(pk=instance.pk)
            other = clash.first()
            if other is not None:
                err(
                    "doc_number",
                    f"发文字号“{number}”已被《{other.title}》（索引号 "
                    f"{other.index_number}）使用，同一机关的发文字号不能重复。",
                )
    cleaned["doc_number"] = number


def _validate_links(
    data: DocumentData,
    department_id: int,
    instance: Document | None,
    err: _Errors,
    cleaned: dict[str, Any],
) -> None:
    category = None
    if data.category_id is not None:
        category = SubjectCategory.objects.filter(
            pk=data.category_id, department_id=department_id
        ).first()
        if category is None:
            err("category", "所选主题分类不存在，请重新选择。")
    columns = list(
        CatalogueColumn.objects.filter(pk__in=data.column_ids, department_id=department_id)
    )
    if len(columns) != len(set(data.column_ids)):
        err("columns", "所选栏目中有不存在的栏目，请重新选择。")
    interprets = None
    if data.interprets_id is not None:
        interprets = Document.objects.filter(
            pk=data.interprets_id, department_id=department_id
        ).first()
        if interprets is None or (instance is not None and interprets.pk == instance.pk):
            err("interprets", "所解读的政策文件不存在，请重新选择。")
        elif data.genre != Genre.INTERPRETATION:
            err("interprets", "只有体裁为“解读”的文件才能关联所解读的政策文件。")
    cleaned.update(category=category, columns=columns, interprets=interprets)


def _validate_disclosure(data: DocumentData, err: _Errors, cleaned: dict[str, Any]) -> None:
    # 实施方案第1项：公开属性源头认定；非公开须说明法定理由。
    if data.disclosure and data.disclosure not in Disclosure.values:
        err("disclosure", "公开属性只能是主动公开、依申请公开或不予公开。")
    reason, note = data.nondisclosure_reason, data.nondisclosure_note.strip()
    if data.disclosure in (Disclosure.ON_REQUEST, Disclosure.NOT_PUBLIC):
        if not reason:
            err("nondisclosure_reason", "公开属性为依申请公开或不予公开时，须选择法定理由。")
        elif reason not in NondisclosureReason.values:
            err("nondisclosure_reason", "请从列表中选择不公开理由。")
        elif reason == NondisclosureReason.OTHER and len(note) < 4:
            err("nondisclosure_note", "理由选择“其他”时，须写明具体的法律法规依据。")
    else:
        reason, note = "", ""
    cleaned.update(disclosure=data.disclosure, nondisclosure_reason=reason, nondisclosure_note=note)


def _allocate_index_number(document: Document, year: int) -> str:
    department = Department.objects.get(pk=document.department_id)  # the current pattern
    counter, _ = IndexCounter.objects.select_for_update().get_or_create(
        department=department, year=year
    )
    while True:
        counter.last += 1
        number = rules.format_index_number(
            department.index_pattern, prefix=department.index_prefix, year=year, seq=counter.last
        )
        if not Document.objects.filter(department=department, index_number=number).exists():
            counter.save(update_fields=["last"])
            return number


def snapshot(document: Document) -> dict[str, Any]:
    return {
        "title": document.title,
        "doc_number": document.doc_number,
        "status": document.status,
        "disclosure": document.disclosure,
        "nondisclosure_reason": document.nondisclosure_reason,
        "validity": document.validity,
        "is_normative": document.is_normative,
        "written_date": document.written_date,
        "publish_date": document.publish_date,
        "index_number": document.index_number,
    }


def add_event(
    document: Document,
    actor: User | None,
    action: str,
    label: str,
    before: str = "",
    note: str = "",
) -> None:
    DocumentEvent.objects.create(
        document=document,
        actor=actor,
        action=action,
        label=label,
        from_status=before,
        to_status=document.status,
        note=note,
    )


def refresh_checks(document: Document) -> list[dict[str, Any]]:
    """Run every detector over title, body and attachment text; a changed result set clears any
    earlier override (the reviewer must look again)."""
    department = document.department
    texts = [
        document.title,
        document.body_text,
        *document.attachments.values_list("text", flat=True),
    ]
    allow = [department.phone, department.fax, department.email, department.address]
    findings = [f.to_dict() for f in run_checks("\n".join(t for t in texts if t), allow)]
    if findings != document.check_findings:
        document.check_findings = findings
        document.checks_override_reason = ""
        document.checks_overridden_by = None
        document.save(
            update_fields=[
                "check_findings",
                "checks_override_reason",
                "checks_overridden_by",
                "updated_at",
            ]
        )
    return findings


def _apply(document: Document, cleaned: dict[str, Any]) -> None:
    for name, value in cleaned.items():
        if not name.startswith("_") and name != "columns":
            setattr(document, name, value)


@transaction.atomic
def document_create(
    *, actor: User, data: DocumentData, division_id: int | None = None
) -> SaveResult:
    require_role(actor, Role.DRAFTER, Role.DIVISION_HEAD, Role.PUBLISHER)
    require_can_change_content(actor)
    cleaned = _validate(data, actor, None)
    department = Department.objects.get(pk=department_id_of(actor))
    division = (
        actor.division
        if division_id is None
        else department.divisions.filter(pk=division_id).first()
    )
    if division is None:
        raise DocumentInputError({"division": ["请选择承办处室。"]})
    require_same_division(actor, division.pk)
    document = Document(department=department, division=division, drafter=actor)
    _apply(document, cleaned)
    year = (data.written_date or timezone.localdate()).year
    document.index_number = _allocate_index_number(document, year)
    try:
        with transaction.atomic():
            document.save()
    except IntegrityError as exc:
        raise DocumentInputError(
            {"doc_number": ["发文字号或索引号与已有公文重复，请核对。"]}
        ) from exc
    document.columns.set(cleaned["columns"])
    refresh_checks(document)
    add_event(document, actor, "create", "起草")
    audit.record(actor=actor, action="documents.create", obj=document, after=snapshot(document))
    return SaveResult(document, cleaned["_removed"])


@transaction.atomic
def document_update(*, actor: User, document: Document, data: DocumentData) -> SaveResult:
    document = Document.objects.select_for_update().get(pk=document.pk)
    require_can_change_content(actor)
    require_role(actor, Role.DRAFTER, Role.DIVISION_HEAD, Role.PUBLISHER)
    _require_editable(actor, document)
    before = snapshot(document)
    cleaned = _validate(data, actor, document)
    _apply(document, cleaned)
    document.save()
    document.columns.set(cleaned["columns"])
    refresh_checks(document)
    add_event(document, actor, "update", "修改", before=document.status)
    audit.record(
        actor=actor,
        action="documents.update",
        obj=document,
        before=before,
        after=snapshot(document),
    )
    return SaveResult(document, cleaned["_removed"])


def _require_editable(actor: User, document: Document) -> None:
    require_same_department(actor, document.department_id, "公文")
    require_same_division(actor, document.division_id)
    if Status(document.status) not in EDITABLE:
        raise InvalidTransition(
            f"公文当前状态为“{document.get_status_display()}”，只有起草中或已退文的公文可以修改。"
        )


@transaction.atomic
def attachment_add(*, actor: User, document: Document, name: str, data: bytes) -> Attachment:
    document = Document.objects.select_for_update().get(pk=document.pk)
    require_can_change_content(actor)
    _require_editable(actor, document)
    try:
        info = intake.inspect(name, data, max_bytes=settings.MAX_UPLOAD_BYTES)
    except intake.AttachmentError as exc:
        raise DocumentInputError({"attachment": [str(exc)]}) from exc
    attachment = Attachment(
        document=document,
        name=name[:200],
        kind=info.kind,
        mime=info.mime,
        size=info.size,
        sha256=info.sha256,
        text=info.text,
        order=document.attachments.count(),
    )
    attachment.file.save(f"{info.sha256[:16]}.{info.extension}", ContentFile(data), save=False)
    attachment.save()
    refresh_checks(document)
    add_event(document, actor, "attachment_add", "添加附件", before=document.status, note=name)
    audit.record(
        actor=actor,
        action="documents.attachment_add",
        obj=document,
        after={"attachment": name, "sha256": info.sha256, "kind": info.kind},
    )
    return attachment


@transaction.atomic
def attachment_remove(*, actor: User, attachment: Attachment) -> None:
    document = Document.objects.select_for_update().get(pk=attachment.document_id)
    require_can_change_content(actor)
    _require_editable(actor, document)
    before = {"attachment": attachment.name, "sha256": attachment.sha256}
    attachment.delete()
    refresh_checks(document)
    add_event(
        document,
        actor,
        "attachment_remove",
        "删除附件",
        before=document.status,
        note=before["attachment"],
    )
    audit.record(actor=actor, action="documents.attachment_remove", obj=document, before=before)


def data_from(document: Document) -> DocumentData:
    """The editable fields of a document, e.g. to prefill a form or to copy."""
    return DocumentData(
        title=document.title,
        issuers=document.issuers,
        genre=document.genre,
        doc_number=document.doc_number,
        written_date=document.written_date,
        publish_date=document.publish_date,
        category_id=document.category_id,
        keywords=document.keywords,
        body=document.body,
        disclosure=document.disclosure,
        nondisclosure_reason=document.nondisclosure_reason,
        nondisclosure_note=document.nondisclosure_note,
        is_normative=document.is_normative,
        is_major_decision=document.is_major_decision,
        cleanup_due=document.cleanup_due,
        formed_date=document.formed_date,
        is_repost=document.is_repost,
        repost_source=document.repost_source,
        needs_interpretation=document.needs_interpretation,
        interprets_id=document.interprets_id,
        column_ids=list(document.columns.values_list("pk", flat=True)),
    )
