"""Demo content: about 380 documents of 示例市科学技术局 since 2008 (gongkai.documents.demo_content),
the catalogue and taxonomy, a few documents in the review chain, non-public documents for the
yearly review. Idempotent: records are keyed by title; a second run adds nothing.

Historical documents are imported as records (no review chain, one audit entry for the import);
the site is then built once (a full build), never with one incremental publish per document.
"""

import datetime as dt
import io
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.identifiers import resident_id_check_char
from gongkai.core.models import Department, Division, User
from gongkai.core.services.calendar import get_calendar
from gongkai.core.workdays import WorkCalendar
from gongkai.documents import attachments as intake
from gongkai.documents.catalogue import catalogue_seed
from gongkai.documents.demo_content import Spec, generate
from gongkai.documents.domain import rules
from gongkai.documents.models import (
    Attachment,
    CatalogueColumn,
    Document,
    DocumentEvent,
    DocumentStatus,
    SubjectCategory,
)
from gongkai.documents.sanitize import html_to_text, sanitise_body
from gongkai.documents.services import chain
from gongkai.documents.services.records import DocumentData, _allocate_index_number, document_create


def load(department: Department, *, today: dt.date) -> None:
    catalogue_seed(department)
    added = _import(department, today)
    _in_progress(department, today)
    if added:
        _rebuild_if_built(department)


@transaction.atomic
def _import(department: Department, today: dt.date) -> int:
    specs = generate(today.year, today)
    have = set(Document.objects.filter(department=department).values_list("title", flat=True))
    todo = [s for s in specs if s.title not in have]
    if not todo:
        return 0
    columns = {c.slug: c for c in CatalogueColumn.objects.filter(department=department)}
    topics = {t.code: t for t in SubjectCategory.objects.filter(department=department)}
    divisions = {d.code: d for d in department.divisions.all()}
    fallback = (
        User.objects.filter(department=department, username="office").first()
        or User.objects.filter(department=department).first()
    )
    drafters = {
        u.division_id: u for u in User.objects.filter(department=department, roles__role="drafter")
    }
    calendar = get_calendar()
    by_key: dict[str, Document] = {}
    for spec in sorted(todo, key=lambda s: (s.published, s.key)):
        division = divisions[spec.division]
        doc = _document(
            department, spec, division, drafters.get(division.pk) or fallback, topics, calendar
        )
        doc.columns.set([columns[c] for c in spec.columns if c in columns])
        DocumentEvent.objects.create(
            document=doc, action="import", label="导入历史公文（演示数据）", to_status=doc.status
        )
        if spec.attachment:
            _attach(doc, spec)
        by_key[spec.key] = doc
    _link(todo, by_key, department)
    audit.record(
        actor=None,
        action="documents.demo_import",
        object_type="documents.document",
        object_repr=f"演示公文 {len(todo)} 件",
        after={"count": len(todo)},
        department_id=department.pk,
    )
    return len(todo)


def _document(
    department: Department,
    spec: Spec,
    division: Division,
    drafter: User | None,
    topics: dict[str, SubjectCategory],
    calendar: WorkCalendar,
) -> Document:
    html = sanitise_body("\n".join(spec.body)).html
    proactive = spec.disclosure == "proactive"
    doc = Document(
        department=department,
        division=division,
        drafter=drafter,
        title=spec.title,
        doc_number=spec.doc_number,
        issuers=spec.issuers,
        written_date=spec.written,
        publish_date=spec.published if proactive else None,
        category=topics.get(spec.topic),
        genre=spec.genre,
        keywords=spec.keywords,
        body=html,
        body_text=html_to_text(html),
        disclosure=spec.disclosure,
        nondisclosure_reason=spec.reason,
        is_normative=spec.normative,
        needs_interpretation=spec.needs_interpretation,
        is_repost=bool(spec.repost_source),
        repost_source=spec.repost_source,
        formed_date=spec.formed or spec.written,
        validity=spec.validity,
        validity_date=spec.validity_date,
        status=DocumentStatus.PUBLISHED if proactive else DocumentStatus.FILED,
    )
    if proactive:
        doc.published_at = timezone.make_aware(dt.datetime.combine(spec.published, dt.time(10, 0)))
        days = rules.disclosure_working_days(calendar, spec.formed or spec.written, spec.published)
        doc.disclosure_working_days = days
        doc.published_late = rules.is_late(days)
        if spec.normative:
            doc.cleanup_due = rules.next_cleanup_date(spec.published)
            while doc.cleanup_due < timezone.localdate() - dt.timedelta(days=400):
                doc.cleanup_due = rules.next_cleanup_date(doc.cleanup_due)
    doc.index_number = _allocate_index_number(doc, spec.written.year)
    doc.save()
    return doc


def _link(specs: list[Spec], by_key: dict[str, Document], department: Department) -> None:
    for spec in specs:
        doc = by_key[spec.key]
        changed = []
        if spec.replaced_by and spec.replaced_by in by_key:
            doc.replaced_by = by_key[spec.replaced_by]
            changed.append("replaced_by")
        if spec.interprets and spec.interprets in by_key:
            doc.interprets = by_key[spec.interprets]
            changed.append("interprets")
        if changed:
            doc.save(update_fields=changed)


def _attach(doc: Document, spec: Spec) -> None:
    if spec.attachment == "docx":
        import docx

        d = docx.Document()
        d.add_heading(spec.title, level=1)
        d.add_paragraph("附件：项目及经费安排表")
        table = d.add_table(rows=4, cols=3)
        for i, row in enumerate(
            [
                ("序号", "项目名称", "经费（万元）"),
                ("1", "新型显示材料关键技术研究", "50"),
                ("2", "大数据安全监测平台研发", "80"),
                ("3", "特色农产品精深加工技术", "30"),
            ]
        ):
            for j, value in enumerate(row):
                table.cell(i, j).text = value
        out = io.BytesIO()
        d.save(out)
        data, name = out.getvalue(), "项目及经费安排表.docx"
    else:
        data, name = _png(), "政策图解.png"
    info = intake.inspect(name, data, max_bytes=10 * 1024 * 1024)
    att = Attachment(
        document=doc,
        name=name,
        kind=info.kind,
        mime=info.mime,
        size=info.size,
        sha256=info.sha256,
        text=info.text,
    )
    att.file.save(f"{info.sha256[:16]}.{info.extension}", ContentFile(data), save=False)
    att.save()


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    width, height = 240, 120
    rows = b""
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            bar = x // 40
            filled = height - y < (bar + 1) * 18
            row += bytes((183, 28, 28) if filled else (250, 246, 240))
        rows += bytes(row)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _in_progress(department: Department, today: dt.date) -> None:
    """A few documents in the chain so every role finds something on the workbench."""
    users = {u.username: u for u in User.objects.filter(department=department)}
    if (
        "drafter" not in users
        or Document.objects.filter(
            department=department, title="关于开展2026年科技活动周的通知（送审稿）"
        ).exists()
    ):
        return
    first = "52010219850101123"
    person = first + resident_id_check_char(first)
    base = {"issuers": department.name, "written_date": today, "disclosure": "proactive"}

    def new(title: str, **kw: Any) -> Document:
        data = DocumentData(title=title, **{**base, **kw})
        return document_create(actor=users["drafter"], data=data).document

    new(
        "关于开展2026年科技活动周的通知（送审稿）",
        genre="通知",
        body="各有关单位：为弘扬科学精神，普及科学知识，定于5月举办科技活动周。",
    )
    waiting = new(
        "关于做好年度科技统计调查工作的通知", genre="通知", body="请各单位于月底前报送统计数据。"
    )
    chain.document_submit(actor=users["drafter"], document=waiting)
    flagged = new(
        "关于拟认定科技特派员名单的公示",
        genre="公告",
        body=f"拟认定张三（身份证号{person}，手机13912345678）等同志为科技特派员。",
    )
    chain.document_submit(actor=users["drafter"], document=flagged)
    chain.document_head_approve(actor=users["head"], document=flagged)
    returned = new(
        "关于征集科技成果转化典型案例的通知", genre="通知", body="请各单位报送典型案例。"
    )
    chain.document_submit(actor=users["drafter"], document=returned)
    chain.document_return(
        actor=users["head"], document=returned, reason="请补充报送时间和联系人，并附案例模板。"
    )
    if "legal" in users:
        policy = new(
            "示例市科技创新平台建设管理办法",
            genre="办法",
            is_normative=True,
            needs_interpretation=True,
            body="第一条　为加强科技创新平台建设，制定本办法。",
        )
        chain.document_submit(actor=users["drafter"], document=policy)
        chain.document_head_approve(actor=users["head"], document=policy)


def _rebuild_if_built(department: Department) -> None:
    from gongkai.publishing.services import site_dir, site_rebuild
    from gongkai.publishing.site import site_info

    if site_dir(site_info(department)).exists():
        site_rebuild(department=department)
