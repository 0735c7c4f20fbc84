"""The documents' public pages, as a page source of the static-site engine.

Paths (all stable — a list page is keyed by a year or a facet value, never by a position in a
newest-first list, so publishing one document rewrites only the pages that show it; DESIGN §5):

    /xxgk/wj/<id>.html                    document page (a notice once withdrawn)
    /xxgk/wj/files/<doc>/<att>.<ext>      attachments
    /xxgk/<column>/  /xxgk/<column>/<year>.html  /xxgk/<column>/feed.xml
    /xxgk/ml/                             主动公开目录 (the catalogue)
    /gwk/  /gwk/<year>/                   公文数据库, by year of 发布日期
    /gwk/f/<facet>-<key>/  …/<year>.html  filter pages: 发文机关, 主题分类, 体裁, 有效性
    /xxgk/gfxwj/ql/<campaign>.html        published cleanup results
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Prefetch, QuerySet
from django.db.models.functions import ExtractYear
from django.utils import timezone

from gongkai.documents.models import (
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
from gongkai.publishing.pages import Affected, Change, Page
from gongkai.publishing.portal import notice_page

if TYPE_CHECKING:
    from gongkai.publishing.site import SiteInfo

LATEST = 30
GWK = "/gwk/"


def published(department_id: int) -> QuerySet[Document]:
    return (
        Document.objects.filter(department_id=department_id, status=DocumentStatus.PUBLISHED)
        .select_related("category", "replaced_by")
        .order_by("-publish_date", "-id")
    )


# List pages show title, number, dates and validity only; the bodies stay in the database.
_HEAVY = ("body", "check_findings", "replaced_by__body", "replaced_by__body_text",
          "replaced_by__check_findings")


def listed(qs: QuerySet[Document]) -> list[Document]:
    return list(qs.defer(*_HEAVY))


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


def facets_of(doc: Document) -> list[Facet]:
    result = [Facet("issuer", "发文机关", name, facet_key(name)) for name in doc.issuer_list]
    if doc.category_id and doc.category:
        result.append(Facet("topic", "主题分类", doc.category.name, doc.category.code))
    result.append(Facet("genre", "体裁", doc.genre, facet_key(doc.genre)))
    result.append(Facet("validity", "有效性", doc.get_validity_display(), doc.validity))
    return result


def _facet_docs(department_id: int, facet: Facet) -> QuerySet[Document]:
    qs = published(department_id)
    if facet.kind == "issuer":
        return qs.filter(issuers__contains=facet.value)
    if facet.kind == "topic":
        return qs.filter(category__code=facet.key)
    if facet.kind == "genre":
        return qs.filter(genre=facet.value)
    return qs.filter(validity=facet.key)


def all_facets(department_id: int) -> dict[str, list[tuple[Facet, int]]]:
    """Every facet value with its document count, for the filter navigation."""
    issuers: Counter[str] = Counter()
    genres: Counter[str] = Counter()
    validities: Counter[str] = Counter()
    for issuers_text, genre, validity in published(department_id).values_list(
        "issuers", "genre", "validity"
    ):
        issuers.update(p for p in issuers_text.split("、") if p)
        genres[genre] += 1
        validities[validity] += 1
    topics = (
        SubjectCategory.objects.filter(department_id=department_id)
        .annotate(n=Count("documents", filter=_published_q()))
        .filter(n__gt=0)
    )
    labels = dict(Validity.choices)
    return {
        "issuer": [(Facet("issuer", "发文机关", n, facet_key(n)), c) for n, c in issuers.most_common()],
        "topic": [(Facet("topic", "主题分类", t.name, t.code), t.n) for t in topics],
        "genre": [(Facet("genre", "体裁", g, facet_key(g)), genres[g]) for g in Genre.values if genres[g]],
        "validity": [
            (Facet("validity", "有效性", labels[v], v), validities[v])
            for v in Validity.values if validities[v]
        ],
    }


def _published_q():
    from django.db.models import Q

    return Q(documents__status=DocumentStatus.PUBLISHED)


def _years(qs: QuerySet[Document]) -> list[tuple[int, int]]:
    """(year, count) of publication years, newest first, counted by the database."""
    rows = (
        qs.order_by().annotate(y=ExtractYear("publish_date")).values("y")
        .annotate(n=Count("id", distinct=True)).values_list("y", "n")
    )
    return sorted(((y, n) for y, n in rows if y), reverse=True)


class DocumentPages:
    name = "documents"

    # --- full build ----------------------------------------------------------------------
    def pages(self, site: SiteInfo) -> Iterator[Page]:
        dep = site.department.pk
        yield _stylesheet()
        docs = published(dep).prefetch_related("attachments", "columns", _interp_prefetch())
        for doc in docs:
            yield from self._document(doc)
        for doc in Document.objects.filter(department_id=dep, status=DocumentStatus.WITHDRAWN):
            yield self._withdrawn(doc)
        yield from self._catalogue(site)
        for column in CatalogueColumn.objects.filter(department_id=dep):
            yield from self._column(site, column, years=None)
        facets = all_facets(dep)
        yield from self._database(site, years=None, facets=facets)
        for facet_list in facets.values():
            for facet, _ in facet_list:
                yield from self._facet(site, facet, years=None, facets=facets)
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
        if change.kind != "document":
            return Affected()
        doc = Document.objects.filter(pk=change.id, department=site.department).first()
        if doc is None:
            return Affected(remove=[doc_path(int(change.id))])
        return self._affected_by(site, doc)

    def _affected_by(self, site: SiteInfo, doc: Document) -> Affected:
        out = Affected(pages=[_stylesheet()])
        year = doc.publish_date.year if doc.publish_date else None
        years = {year} if year else set()
        if doc.status == DocumentStatus.PUBLISHED:
            full = published(doc.department_id).prefetch_related(
                "attachments", "columns", _interp_prefetch()
            ).get(pk=doc.pk)
            out.pages.extend(self._document(full))
        elif doc.status == DocumentStatus.WITHDRAWN:
            out.pages.append(self._withdrawn(doc))
            out.remove.extend(f"/xxgk/wj/files/{doc.pk}/{a.pk}.{_ext(a)}" for a in doc.attachments.all())
        else:
            return out
        related = {d.pk for d in (doc.replaced_by, doc.interprets) if d is not None}
        related |= set(doc.replaces.values_list("pk", flat=True))
        related |= set(doc.interpretations.values_list("pk", flat=True))
        for other in published(doc.department_id).prefetch_related(
            "attachments", "columns", _interp_prefetch()
        ).filter(pk__in=related):
            out.pages.extend(self._document(other))
        for column in doc.columns.all():
            out.pages.extend(self._column(site, column, years=years))
        navigation = all_facets(doc.department_id)
        out.pages.extend(self._database(site, years=years, facets=navigation))
        facets = facets_of(doc)
        facets += [Facet("validity", "有效性", label, v) for v, label in Validity.choices]
        seen = set()
        for facet in facets:
            if facet.path not in seen:
                seen.add(facet.path)
                out.pages.extend(self._facet(site, facet, years=years, facets=navigation))
        return out

    # --- page builders -------------------------------------------------------------------
    def _document(self, doc: Document) -> Iterator[Page]:
        yield Page(doc_path(doc.pk), "documents/document.html", {"doc": doc,
                         "attachments": list(doc.attachments.all()), "path_of": doc_path})
        for att in doc.attachments.all():
            with att.file.open("rb") as fh:
                yield Page(f"/xxgk/wj/files/{doc.pk}/{att.pk}.{_ext(att)}", content=fh.read())

    def _withdrawn(self, doc: Document) -> Page:
        when = timezone.localtime(doc.withdrawn_at).date() if doc.withdrawn_at else None
        return notice_page(
            doc_path(doc.pk), doc.title,
            f"《{doc.title}》（索引号 {doc.index_number}）已撤回。撤回说明：{doc.withdraw_reason}",
            date=when, link=pages.Link("返回公文数据库", GWK),
        )

    def _catalogue(self, site: SiteInfo) -> Iterator[Page]:
        dep = site.department.pk
        roots = list(
            CatalogueColumn.objects.filter(department_id=dep, parent=None)
            .select_related("responsible").prefetch_related("children__responsible")
        )
        campaigns = CleanupCampaign.objects.filter(
            department_id=dep, state=CleanupCampaign.State.PUBLISHED
        ).order_by("-published_at")
        yield Page("/xxgk/ml/", "documents/catalogue.html",
                         {"roots": roots, "campaigns": list(campaigns), "column_path": column_path})

    def _column(self, site: SiteInfo, column: CatalogueColumn,
                years: Iterable[int] | None) -> Iterator[Page]:
        dep = site.department.pk
        ids = [column.pk, *column.children.values_list("pk", flat=True)]
        qs = published(dep).filter(columns__in=ids).distinct()
        base = column_path(column)
        all_years = _years(qs)
        ctx = {"column": column, "children": list(column.children.all()), "base": base,
               "years": all_years, "column_path": column_path}
        yield Page(base, "documents/column.html", {**ctx, "docs": listed(qs[:LATEST])})
        for year in _select(all_years, years):
            yield Page(f"{base}{year}.html", "documents/column.html",
                             {**ctx, "docs": listed(qs.filter(publish_date__year=year)), "year": year})
        yield from _feeds(site, column.name, base, list(qs.defer("body")[:LATEST]))

    def _database(self, site: SiteInfo, years: Iterable[int] | None,
                  facets: dict[str, list[tuple[Facet, int]]]) -> Iterator[Page]:
        dep = site.department.pk
        qs = published(dep)
        all_years = _years(qs)
        ctx = {"years": all_years, "facets": facets, "facet": None,
               "facet_labels": FACET_LABELS, "base": GWK}
        yield Page(GWK, "documents/database.html", {**ctx, "docs": listed(qs[:LATEST])})
        for year in _select(all_years, years):
            docs = listed(qs.filter(publish_date__year=year))
            for suffix, key in SORTS:
                yield Page(f"{GWK}{year}/{suffix}", "documents/database.html",
                           {**ctx, "docs": sorted(docs, key=key, reverse=suffix == ""), "year": year,
                            "sort": suffix, "sorts": SORT_LABELS})
        yield from _feeds(site, "公文数据库", GWK, list(qs.defer("body")[:LATEST]))

    def _facet(self, site: SiteInfo, facet: Facet, years: Iterable[int] | None,
               facets: dict[str, list[tuple[Facet, int]]]) -> Iterator[Page]:
        dep = site.department.pk
        qs = _facet_docs(dep, facet)
        all_years = _years(qs)
        ctx = {"years": all_years, "facets": facets, "facet": facet,
               "facet_labels": FACET_LABELS, "base": facet.path}
        yield Page(facet.path, "documents/database.html", {**ctx, "docs": listed(qs[:LATEST])})
        for year in _select(all_years, years):
            yield Page(f"{facet.path}{year}.html", "documents/database.html",
                             {**ctx, "docs": listed(qs.filter(publish_date__year=year)), "year": year})

    def _cleanup(self, campaign: CleanupCampaign) -> Page:
        items = campaign.items.select_related("document", "replacement", "division").order_by(
            "conclusion", "document__written_date"
        )
        return Page(f"/xxgk/gfxwj/ql/{campaign.pk}.html", "documents/cleanup.html",
                          {"campaign": campaign, "items": list(items), "path_of": doc_path})


def _stylesheet() -> Page:
    css = Path(__file__).with_name("site_static") / "documents.css"
    return Page("/assets/documents.css", content=css.read_bytes())


# Sort orders of the 公文数据库 year pages (static: one page per order, no script needed).
SORTS: tuple[tuple[str, Callable[[Document], Any]], ...] = (
    ("", lambda d: (d.publish_date, d.pk)),  # newest first
    ("written.html", lambda d: (d.written_date or d.publish_date, d.pk)),
    ("number.html", lambda d: (d.doc_number == "", d.doc_number.split("〔")[0],
                               int("".join(c for c in d.doc_number.split("〕")[-1] if c.isdigit()) or 0))),
)
SORT_LABELS = (("", "发布日期（新→旧）"), ("written.html", "成文日期（旧→新）"), ("number.html", "发文字号"))


def _select(all_years: list[tuple[int, int]], wanted: Iterable[int] | None) -> list[int]:
    have = [y for y, _ in all_years]
    return have if wanted is None else [y for y in wanted if y in have]


def _ext(att) -> str:
    return att.public_path.rsplit(".", 1)[-1]


def _interp_prefetch() -> Prefetch:
    return Prefetch(
        "interpretations",
        queryset=Document.objects.filter(status=DocumentStatus.PUBLISHED).order_by("publish_date"),
        to_attr="live_interpretations",
    )


def _feeds(site: SiteInfo, title: str, base: str, docs: list[Document]) -> list[Page]:
    items = [pages.Link(d.title, doc_path(d.pk), d.publish_date, note=d.body_text[:200]) for d in docs]
    return feed_pages(site, base, title, items, description=title)


# --- portal providers -----------------------------------------------------------------------


def portal_columns(site: SiteInfo) -> list[pages.Link]:
    roots = CatalogueColumn.objects.filter(department=site.department, parent=None).prefetch_related("children")
    return [
        pages.Link(c.name, column_path(c),
                   children=tuple(pages.Link(ch.name, column_path(ch)) for ch in c.children.all()))
        for c in roots
    ]


HOME_COLUMNS = (
    ("tzgg", "通知公告", 10), ("zcwj", "政策文件", 20), ("zcjd", "政策解读", 30), ("gzdt", "工作动态", 40),
)


def home_blocks(site: SiteInfo) -> list[pages.Block]:
    blocks = []
    for slug, title, order in HOME_COLUMNS:
        column = CatalogueColumn.objects.filter(department=site.department, slug=slug).first()
        if column is None:
            continue
        ids = [column.pk, *column.children.values_list("pk", flat=True)]
        docs = listed(published(site.department.pk).filter(columns__in=ids).distinct()[:8])
        items = tuple(pages.Link(d.title, doc_path(d.pk), d.publish_date) for d in docs)
        blocks.append(pages.Block(title, items, column_path(column), order))
    return blocks


def nav_items(site: SiteInfo) -> list[pages.Link]:
    return [pages.Link("公文数据库", GWK)]


def register() -> None:
    pages.source(DocumentPages)
    pages.columns(portal_columns)
    pages.home_blocks(home_blocks)
    pages.nav_items(nav_items)
