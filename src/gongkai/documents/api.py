"""JSON API: published public documents and the catalogue columns (read-only, no login).

Only documents with status 已公开 appear; nothing that is non-public, in review or withdrawn.
"""

import datetime as dt

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination, paginate

from gongkai.core.models import Department
from gongkai.documents.models import CatalogueColumn, Document, DocumentStatus
from gongkai.documents.portal import column_path, doc_path

router = Router(tags=["公文"])


class DocumentOut(Schema):
    id: int
    url: str
    index_number: str
    title: str
    doc_number: str
    issuers: list[str]
    written_date: dt.date | None
    publish_date: dt.date | None
    category: str
    genre: str
    keywords: list[str]
    validity: str
    validity_label: str
    validity_date: dt.date | None
    replaced_by: int | None
    is_normative: bool
    is_repost: bool
    repost_source: str
    interprets: int | None
    columns: list[str]


class DocumentDetailOut(DocumentOut):
    body_html: str
    attachments: list[dict[str, object]]
    interpretations: list[int]


class ColumnOut(Schema):
    slug: str
    name: str
    parent: str | None
    content: str
    basis: str
    time_limit: str
    channel: str
    responsible: str
    url: str


def _department(site: str | None) -> Department:
    qs = Department.objects.all()
    department = qs.filter(slug=site).first() if site else qs.order_by("pk").first()
    if department is None:
        raise HttpError(404, f"没有站点“{site}”。" if site else "尚未配置任何站点。")
    return department


def _out(doc: Document) -> dict[str, object]:
    return {
        "id": doc.pk,
        "url": doc_path(doc.pk),
        "index_number": doc.index_number,
        "title": doc.title,
        "doc_number": doc.doc_number,
        "issuers": doc.issuer_list,
        "written_date": doc.written_date,
        "publish_date": doc.publish_date,
        "category": doc.category.name if doc.category else "",
        "genre": doc.genre,
        "keywords": doc.keyword_list,
        "validity": doc.validity,
        "validity_label": doc.get_validity_display(),
        "validity_date": doc.validity_date,
        "replaced_by": doc.replaced_by_id,
        "is_normative": doc.is_normative,
        "is_repost": doc.is_repost,
        "repost_source": doc.repost_source,
        "interprets": doc.interprets_id,
        "columns": [c.slug for c in doc.columns.all()],
    }


def _published(department: Department) -> QuerySet[Document]:
    return (
        Document.objects.filter(department=department, status=DocumentStatus.PUBLISHED)
        .select_related("category")
        .prefetch_related("columns")
        .order_by("-publish_date", "-id")
    )


@router.get("/", response=list[DocumentOut], summary="已公开的公文（可筛选）")
@paginate(LimitOffsetPagination)
def list_documents(
    request: HttpRequest,
    site: str | None = None,
    year: int | None = None,
    issuer: str = "",
    category: str = "",
    genre: str = "",
    validity: str = "",
    column: str = "",
    normative: bool | None = None,
) -> list[dict[str, object]]:
    """`year` = 发布年份；`issuer` = 发文机关（含联合发文）；`category` = 主题分类代码；
    `validity` = valid / expired / repealed / amended；`column` = 栏目标识。"""
    qs = _published(_department(site))
    if year:
        qs = qs.filter(publish_date__year=year)
    if issuer:
        qs = qs.filter(issuers__contains=issuer)
    if category:
        qs = qs.filter(category__code=category)
    if genre:
        qs = qs.filter(genre=genre)
    if validity:
        qs = qs.filter(validity=validity)
    if column:
        qs = qs.filter(columns__slug=column).distinct()
    if normative is not None:
        qs = qs.filter(is_normative=normative)
    return [_out(d) for d in qs]


@router.get("/columns", response=list[ColumnOut], summary="主动公开目录栏目")
def list_columns(request: HttpRequest, site: str | None = None) -> list[dict[str, object]]:
    department = _department(site)
    columns = CatalogueColumn.objects.filter(department=department).select_related(
        "parent", "responsible"
    )
    return [
        {
            "slug": c.slug,
            "name": c.name,
            "parent": c.parent.slug if c.parent else None,
            "content": c.content,
            "basis": c.basis,
            "time_limit": c.time_limit,
            "channel": c.channel,
            "responsible": c.responsible.name if c.responsible else "",
            "url": column_path(c),
        }
        for c in columns
    ]


@router.get("/{doc_id}", response=DocumentDetailOut, summary="一件已公开公文的详情")
def get_document(request: HttpRequest, doc_id: int, site: str | None = None) -> dict[str, object]:
    doc = _published(_department(site)).filter(pk=doc_id).first()
    if doc is None:
        raise HttpError(404, "没有这件已公开的公文（可能未公开、已撤回或编号有误）。")
    return {
        **_out(doc),
        "body_html": doc.body,
        "attachments": [
            {
                "name": a.name,
                "kind": a.kind,
                "size": a.size,
                "url": a.public_path,
                "sha256": a.sha256,
            }
            for a in doc.attachments.all()
        ],
        "interpretations": list(
            doc.interpretations.filter(status=DocumentStatus.PUBLISHED).values_list("pk", flat=True)
        ),
    }
