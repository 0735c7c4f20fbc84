"""The documents' public pages, as a page source of the static-site engine.

Paths (the lists are paged as gongkai.documents.lists describes, so publishing one document
rewrites only the pages that show it; docs/publishing.md):

    /xxgk/wj/<id>.html                    document page (a notice once withdrawn)
    /xxgk/wj/files/<doc>/<att>.<ext>      attachments
    /xxgk/<column>/  …/<year>/  …/<year>/<k>.html  …/feed.xml   a column's list
    /xxgk/ml/                             主动公开目录 (the catalogue)
    /gwk/  /gwk/<year>/  /gwk/<year>/written/          公文数据库, by 发布日期 or 成文日期
    /gwk/f/<facet>-<key>/  …/<year>/      filter pages: 发文机关, 主题分类, 体裁, 有效性
    /xxgk/gfxwj/ql/<campaign>.html        published cleanup results
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.db.models.functions import Left
from django.utils import timezone

from gongkai.core.models import Department
from gongkai.core.queries import distinct_values
from gongkai.documents.lists import BY_PUBLISHED, BY_WRITTEN, LATEST, DocList, rows
from gongkai.documents.models import (
    Attachment,
    CatalogueColumn,
    CleanupCampaign,
    Document,
    DocumentStatus,
    Genre,
    SubjectCategory,
    Validity,
)
from gongkai.publishing import pages
from gongkai.publishing.feeds import feed_pages
from gongkai.publishing.pages import Affected, Change, Link, Page
from gongkai.publishing.portal import notice_page

if TYPE_CHECKING:
    from gongkai.publishing.site import SiteInfo

GWK = "/gwk/"
VALIDITY_CHANGE = "validity"  # Change kind: only the document's 有效性 changed
RELATED_CHANGE = "document_related"  # Change kind: only what the page links to changed


def published(department_id: int) -> QuerySet[Document]:
    return (
        Document.objects.filter(department_id=department_id, status=DocumentStatus.PUBLISHED)
        .select_related("category", "replaced_by")
        .order_by("-publish_date", "-id")
    )


def doc_path(doc_id: int) -> str:
    return f"/xxgk/wj/{doc_id}.html"


def column_path(column: CatalogueColumn) -> str:
    return f"/xxgk/{column.slug}/"


def facet_key(value: str) -> str:
    return hashlib.sha1(value.encode(), usedforsecurity=False).hexdigest()[:10]


@dataclass(frozen=True)
class Facet:
    kind: str  # issuer / topic / genre / validity
    label: str  # 发文机关 …
    value: str  # the display value
    key: str

    @property
    def path(self) -> str:
        return f"{GWK}f/{self.kind}-{self.key}/"


FACET_LABELS = {"issuer": "发文机关", "topic": "主题分类", "genre": "体裁", "validity": "有效性"}


def _issuer(name: str) -> Facet:
    return Facet("issuer", "发文机关", name, facet_key(name))


def _genre(genre: str) -> Facet:
    return Facet("genre", "体裁", genre, facet_key(genre))


def _validity(value: str) -> Facet:
    return Facet("validity", "有效性", str(Validity(value).label), value)


def facets_of(doc: Document) -> list[Facet]:
    result = [_issuer(name) for name in doc.issuer_list]
    if doc.category_id and doc.category:
        result.append(Facet("topic", "主题分类", doc.category.name, doc.category.code))
    return [*result, _genre(doc.genre), _validity(doc.validity)]


def _facet_docs(department_id: int, facet: Facet) -> QuerySet[Document]:
    qs = published(department_id)
    if facet.kind == "issuer":
        return qs.filter(issuers__contains=facet.value)
    if facet.kind == "topic":  # by id, so the (…, category, publish_date) index serves it
        topic = SubjectCategory.objects.filter(department_id=department_id, code=facet.key).first()
        return qs.filter(category=topic) if topic else qs.none()
    if facet.kind == "genre":
        return qs.filter(genre=facet.value)
    return qs.filter(validity=facet.key)


def facet_nav(department_id: int) -> dict[str, list[Facet]]:
    """The filter values that have published documents, for the 公文数据库 navigation: the
    发文机关 combinations by a loose index scan, every 体裁 and 有效性 tested in one query."""
    docs = Document.objects.filter(department_id=department_id, status=DocumentStatus.PUBLISHED)
    issuers = dict.fromkeys(
        p.strip()
        for combo in distinct_values(docs, "issuers")  # joint issuers
        for p in combo.split("、")
        if p.strip()
    )
    tests = {
        **{f"genre:{g}": Exists(docs.filter(genre=g)) for g in Genre.values},
        **{f"validity:{v}": Exists(docs.filter(validity=v)) for v in Validity.values},
    }
    found = Department.objects.filter(pk=department_id).annotate(**tests).values_list(*tests).get()
    present = dict(zip(tests, found, strict=True))
    topics = SubjectCategory.objects.filter(department_id=department_id).filter(
        Exists(docs.filter(category=OuterRef("pk")))
    )
    return {
        "issuer": [_issuer(name) for name in issuers],
        "topic": [Facet("topic", "主题分类", t.name, t.code) for t in topics],
        "genre": [_genre(g) for g in Genre.values if present[f"genre:{g}"]],
        "validity": [_validity(v) for v in Validity.values if present[f"validity:{v}"]],
    }


def _in_column(site: SiteInfo, column: CatalogueColumn) -> QuerySet[Document]:
    """Published documents of the column or its sub-columns."""
    ids = [column.pk, *(child.pk for child in column.children.all())]
    # Tested per document (EXISTS), so the database walks the documents' date index and probes
    # the membership, instead of reading the whole column and sorting it.
    members = Document.columns.through.objects.filter(
        document_id=OuterRef("pk"), cataloguecolumn_id__in=ids
    )
    return published(site.department.pk).filter(Exists(members))


def _column_list(site: SiteInfo, column: CatalogueColumn) -> DocList:
    return DocList(
        column_path(column),
        _in_column(site, column),
        "documents/column.html",
        {"column": column, "children": list(column.children.all()), "column_path": column_path},
        permanent=True,
    )


def _database_list(site: SiteInfo) -> DocList:
    dep = site.department.pk
    return DocList(
        GWK,
        published(dep),
        "documents/database.html",
        {"facet": None, "facet_labels": FACET_LABELS},
        orders=(BY_PUBLISHED, BY_WRITTEN),
        permanent=True,
        landing_extra=lambda: {"filters": facet_nav(dep)},
    )


def _facet_list(site: SiteInfo, facet: Facet) -> DocList:
    return DocList(
        facet.path,
        _facet_docs(site.department.pk, facet),
        "documents/database.html",
        {"facet": facet, "facet_labels": FACET_LABELS},
    )


class DocumentPages:
    name = "documents"

    # --- full build ----------------------------------------------------------------------
    def pages(self, site: SiteInfo) -> Iterator[Page]:
        dep = site.department.pk
        yield _stylesheet()
        docs = published(dep).prefetch_related("attachments", "columns", _interp_prefetch())
        related = pages.collect_related(site, "document")
        for doc in docs:
            yield from self._document(doc, related.get(doc.pk, ()))
        for doc in Document.objects.filter(department_id=dep, status=DocumentStatus.WITHDRAWN):
            yield self._withdrawn(doc)
        yield from self._catalogue(site)
        for column in CatalogueColumn.objects.filter(department_id=dep).prefetch_related(
            "children"
        ):
            listing = _column_list(site, column)
            yield from listing.all_pages()
            yield from _feeds(site, column.name, listing)
        database = _database_list(site)
        yield from database.all_pages()
        yield from _feeds(site, "公文数据库", database)
        for facet_list in facet_nav(dep).values():
            for facet in facet_list:
                yield from _facet_list(site, facet).all_pages()
        for campaign in CleanupCampaign.objects.filter(
            department_id=dep, state=CleanupCampaign.State.PUBLISHED
        ):
            yield self._cleanup(campaign)

    # --- incremental ---------------------------------------------------------------------
    def affected(self, site: SiteInfo, change: Change) -> Affected:
        if change.kind == "cleanup":
            campaign = CleanupCampaign.objects.filter(
                pk=change.id, department=site.department
            ).first()
            if campaign is None or campaign.state != CleanupCampaign.State.PUBLISHED:
                return Affected()
            return Affected(pages=[self._cleanup(campaign), *self._catalogue(site)])
        if change.kind == "catalogue":
            return Affected(pages=list(self._catalogue(site)))
        if change.kind == RELATED_CHANGE:  # another module's page it links to came or went
            found = (
                published(site.department.pk)
                .prefetch_related("attachments", "columns", _interp_prefetch())
                .filter(pk=change.id)
                .first()
            )
            if found is None:
                return Affected()
            links = pages.collect_related(site, "document").get(found.pk, ())
            return Affected(pages=[_stylesheet(), *self._document(found, links)])
        if change.kind not in ("document", VALIDITY_CHANGE):
            return Affected()
        doc = Document.objects.filter(pk=change.id, department=site.department).first()
        if doc is None:
            return Affected(remove=[doc_path(int(change.id))])
        return self._affected_by(site, doc, moved=change.kind == "document")

    def _affected_by(self, site: SiteInfo, doc: Document, moved: bool) -> Affected:
        """`moved`: the document was published or withdrawn (it joined or left its lists);
        otherwise only its 有效性 changed (it moved between the 有效性 lists only)."""
        out = Affected(pages=[_stylesheet()])
        related = pages.collect_related(site, "document")
        if doc.status == DocumentStatus.PUBLISHED:
            full = (
                published(doc.department_id)
                .prefetch_related("attachments", "columns", _interp_prefetch())
                .get(pk=doc.pk)
            )
            out.pages.extend(self._document(full, related.get(doc.pk, ())))
        elif doc.status == DocumentStatus.WITHDRAWN:
            out.pages.append(self._withdrawn(doc))
            out.remove.extend(
                f"/xxgk/wj/files/{doc.pk}/{a.pk}.{_ext(a)}" for a in doc.attachments.all()
            )
        else:
            return out
        linked = {d.pk for d in (doc.replaced_by, doc.interprets) if d is not None}
        linked |= set(doc.replaces.values_list("pk", flat=True))
        linked |= set(doc.interpretations.values_list("pk", flat=True))
        for other in (
            published(doc.department_id)
            .prefetch_related("attachments", "columns", _interp_prefetch())
            .filter(pk__in=linked)
        ):
            out.pages.extend(self._document(other, related.get(other.pk, ())))
        for column in doc.columns.prefetch_related("children"):  # children: its list and membership
            listing = _column_list(site, column)
            out.extend(listing.changed(doc, moved))
            if moved:
                out.pages.extend(_feeds(site, column.name, listing))
        database = _database_list(site)
        out.extend(database.changed(doc, moved))
        if moved:
            out.pages.extend(_feeds(site, "公文数据库", database))
        facets = facets_of(doc)
        if not moved:  # it left one 有效性 list for another: re-page those, rewrite rows elsewhere
            facets = [f for f in facets if f.kind != "validity"]
            for value in Validity.values:
                out.extend(_facet_list(site, _validity(value)).changed(doc, moved=True))
        for facet in facets:
            out.extend(_facet_list(site, facet).changed(doc, moved))
        return out

    # --- page builders -------------------------------------------------------------------
    def _document(self, doc: Document, related: Iterable[Link] = ()) -> Iterator[Page]:
        yield Page(
            doc_path(doc.pk),
            "documents/document.html",
            {
                "doc": doc,
                "attachments": list(doc.attachments.all()),
                "path_of": doc_path,
                "related": list(related),
            },
        )
        for att in doc.attachments.all():
            with att.file.open("rb") as fh:
                yield Page(f"/xxgk/wj/files/{doc.pk}/{att.pk}.{_ext(att)}", content=fh.read())

    def _withdrawn(self, doc: Document) -> Page:
        when = timezone.localtime(doc.withdrawn_at).date() if doc.withdrawn_at else None
        return notice_page(
            doc_path(doc.pk),
            doc.title,
            f"《{doc.title}》（索引号 {doc.index_number}）已撤回。撤回说明：{doc.withdraw_reason}",
            date=when,
            link=pages.Link("返回公文数据库", GWK),
        )

    def _catalogue(self, site: SiteInfo) -> Iterator[Page]:
        dep = site.department.pk
        roots = list(
            CatalogueColumn.objects.filter(department_id=dep, parent=None)
            .select_related("responsible")
            .prefetch_related("children__responsible")
        )
        campaigns = CleanupCampaign.objects.filter(
            department_id=dep, state=CleanupCampaign.State.PUBLISHED
        ).order_by("-published_at")
        yield Page(
            "/xxgk/ml/",
            "documents/catalogue.html",
            {"roots": roots, "campaigns": list(campaigns), "column_path": column_path},
        )

    def _cleanup(self, campaign: CleanupCampaign) -> Page:
        items = campaign.items.select_related("document", "replacement", "division").order_by(
            "conclusion", "document__written_date"
        )
        return Page(
            f"/xxgk/gfxwj/ql/{campaign.pk}.html",
            "documents/cleanup.html",
            {"campaign": campaign, "items": list(items), "path_of": doc_path},
        )


def _stylesheet() -> Page:
    css = Path(__file__).with_name("site_static") / "documents.css"
    return Page("/assets/documents.css", content=css.read_bytes())


def _ext(att: Attachment) -> str:
    return att.public_path.rsplit(".", 1)[-1]


def _interp_prefetch() -> Prefetch:
    return Prefetch(
        "interpretations",
        queryset=Document.objects.filter(status=DocumentStatus.PUBLISHED).order_by("publish_date"),
        to_attr="live_interpretations",
    )


def _feeds(site: SiteInfo, title: str, listing: DocList) -> list[Page]:
    docs = (
        listing.docs.order_by("-publish_date", "-id")
        .select_related(None)
        .only("id", "title", "publish_date")
        .annotate(summary=Left("body_text", 200))[:LATEST]
    )
    items = [pages.Link(d.title, doc_path(d.pk), d.publish_date, note=d.summary) for d in docs]
    return feed_pages(site, listing.base, title, items, description=title)


# --- portal providers -----------------------------------------------------------------------


def portal_columns(site: SiteInfo) -> list[pages.Link]:
    roots = CatalogueColumn.objects.filter(
        department=site.department, parent=None
    ).prefetch_related("children")
    return [
        pages.Link(
            c.name,
            column_path(c),
            children=tuple(pages.Link(ch.name, column_path(ch)) for ch in c.children.all()),
        )
        for c in roots
    ]


HOME_COLUMNS = (
    ("tzgg", "通知公告", 10),
    ("zcwj", "政策文件", 20),
    ("zcjd", "政策解读", 30),
    ("gzdt", "工作动态", 40),
)


def home_blocks(site: SiteInfo) -> list[pages.Block]:
    columns = CatalogueColumn.objects.filter(
        department=site.department, slug__in=[slug for slug, _, _ in HOME_COLUMNS]
    ).prefetch_related("children")
    by_slug = {c.slug: c for c in columns}
    blocks = []
    for slug, title, order in HOME_COLUMNS:
        if slug in by_slug:
            column = by_slug[slug]
            docs = rows(_in_column(site, column))[:8]
            items = tuple(pages.Link(d.title, doc_path(d.pk), d.publish_date) for d in docs)
            blocks.append(pages.Block(title, items, column_path(column), order))
    return blocks


def nav_items(site: SiteInfo) -> list[pages.Link]:
    return [pages.Link("公文数据库", GWK)]


pages.source(DocumentPages)
pages.columns(portal_columns)
pages.home_blocks(home_blocks)
pages.nav_items(nav_items)
