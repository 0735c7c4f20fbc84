"""The portal's document lists, paged so that publishing one document rewrites a handful of
pages however large the site (docs/publishing.md).

A list (a column, the 公文数据库, one of its filters) has

    <base>                     the newest LATEST documents, the years, the list's feeds
    <base><year>/<order>       the year's newest page, with links to every page of the year
    <base><year>/<order><k>.html   page k of the year, k = 1 for the earliest documents

Pages of a year are cut from the oldest document on, PAGE_SIZE each, so their contents depend
only on what comes before them: a document published today changes the year's last page and
nothing before it. A change in the middle of a year (a back-dated import, a withdrawal, a move
between 有效性 lists) rewrites the pages from that document's page on. The page numbers and the
year's page count appear on the year's newest page only, which is rewritten on every change; the
year links on the list's first page and on each year's newest page, so a year appearing or
emptying rewrites those and no numbered page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce

from gongkai.documents.models import Document
from gongkai.publishing.pages import Affected, Page

PAGE_SIZE = 50
LATEST = 30

# A list row shows these only (documents/_list.html); loading no more keeps a page of rows cheap.
ROW_FIELDS = ("id", "title", "doc_number", "publish_date", "written_date", "validity", "is_repost")


def rows(qs: QuerySet[Document]) -> QuerySet[Document]:
    return qs.select_related(None).only(*ROW_FIELDS)


@dataclass(frozen=True)
class Order:
    """An order of a year's pages: ascending by `key`, ties by id; shown newest first."""

    slug: str  # path segment under the year: "" or "written/"
    label: str
    key: str

    def value(self, doc: Document) -> dt.date | None:
        return (
            doc.publish_date
            if self.key == "publish_date"
            else (doc.written_date or doc.publish_date)
        )


BY_PUBLISHED = Order("", "发布日期", "publish_date")
BY_WRITTEN = Order("written/", "成文日期", "written_key")


def _with_keys(qs: QuerySet[Document], orders: tuple[Order, ...]) -> QuerySet[Document]:
    if BY_WRITTEN in orders:
        qs = qs.annotate(written_key=Coalesce("written_date", "publish_date"))
    return qs


def _ordered(qs: QuerySet[Document], order: Order) -> QuerySet[Document]:
    return _with_keys(qs, (order,)).order_by(order.key, "id")


@dataclass(frozen=True)
class PageNav:
    """Where a page sits in its year: page `number` (1 = earliest) under `prefix`."""

    prefix: str
    number: int
    newer: bool  # a later page exists
    total: int = 0  # documents of the year: given on the year's newest page only
    count: int = 0  # pages of the year: likewise

    @property
    def newest(self) -> bool:
        return self.total > 0

    @property
    def older(self) -> bool:
        return self.number > 1


@dataclass
class DocList:
    base: str  # "/gwk/", "/xxgk/tzgg/", "/gwk/f/genre-…/"
    docs: QuerySet[Document]  # every published document of the list
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    orders: tuple[Order, ...] = (BY_PUBLISHED,)
    permanent: bool = False  # shown even when empty (a column, the 公文数据库)
    landing_extra: Callable[[], Mapping[str, Any]] | None = None  # more context, landing only
    _years: list[int] | None = None
    _latest: list[Document] | None = None

    # --- queries -----------------------------------------------------------------------------
    def of_year(self, year: int) -> QuerySet[Document]:
        return self.docs.filter(
            publish_date__gte=dt.date(year, 1, 1), publish_date__lt=dt.date(year + 1, 1, 1)
        )

    def years(self) -> list[int]:
        """From the latest year with documents back to the earliest, newest first (a year in
        between may be empty): two index seeks, where listing only the years with documents
        would read the whole list or take a query per year."""
        if self._years is None:
            latest = self.latest()[0].publish_date if self.latest() else None
            earliest = (
                self.docs.order_by("publish_date").values_list("publish_date", flat=True).first()
            )
            self._years = (
                list(range(latest.year, earliest.year - 1, -1)) if latest and earliest else []
            )
        return self._years

    def latest(self) -> list[Document]:
        if self._latest is None:
            self._latest = list(rows(self.docs.order_by("-publish_date", "-id"))[:LATEST])
        return self._latest

    # --- pages -------------------------------------------------------------------------------
    def _ctx(self, **extra: Any) -> dict[str, Any]:
        return {
            **self.context,
            "base": self.base,
            "years": self.years(),
            "orders": self.orders,
            "year": None,
            "order": None,
            "page": None,
            **extra,
        }

    def landing(self) -> Page:
        extra = self.landing_extra() if self.landing_extra else {}
        return Page(self.base, self.template, self._ctx(docs=self.latest(), **extra))

    def year_pages(
        self, year: int, order: Order, numbered: range | None = None, total: int | None = None
    ) -> list[Page]:
        """The year's newest page, and its numbered pages whose 0-based indexes are in
        `numbered` (default: all)."""
        ordered = _ordered(self.of_year(year), order)
        total = ordered.count() if total is None else total
        prefix = f"{self.base}{year}/{order.slug}"
        if not total:  # a year without documents between two with
            return [Page(prefix, self.template, self._ctx(docs=[], year=year, order=order))]
        count = -(-total // PAGE_SIZE)
        numbers = [k for k in (range(count) if numbered is None else numbered) if 0 <= k < count]
        start = min(numbers, default=count - 1)
        end = total if not numbers or numbers[-1] == count - 1 else (numbers[-1] + 1) * PAGE_SIZE
        # Read backwards from the year's end: the database stops after the pages wanted instead
        # of stepping over every earlier page.
        newest_first = rows(ordered).reverse()
        span = list(newest_first[total - end : total - start * PAGE_SIZE])[::-1]

        def chunk(k: int) -> list[Document]:
            return span[(k - start) * PAGE_SIZE : (k - start + 1) * PAGE_SIZE]

        def page(path: str, docs: list[Document], nav: PageNav) -> Page:
            return Page(
                path, self.template, self._ctx(docs=docs[::-1], year=year, order=order, page=nav)
            )

        out = [
            page(f"{prefix}{k + 1}.html", chunk(k), PageNav(prefix, k + 1, newer=k + 1 < count))
            for k in numbers
        ]
        newest = (
            chunk(count - 1)
            if end == total
            else list(newest_first[: total - (count - 1) * PAGE_SIZE])[::-1]
        )
        nav = PageNav(prefix, count, newer=False, total=total, count=count)
        return [*out, page(prefix, newest, nav)]

    def all_pages(self) -> Iterator[Page]:
        yield self.landing()
        for year in self.years():
            for order in self.orders:
                yield from self.year_pages(year, order)

    def changed(self, doc: Document, moved: bool) -> Affected:
        """Pages to rewrite after `doc` changed. `moved`: it may have joined or left this list
        (published, withdrawn, another 有效性); otherwise only its row changed."""
        if doc.publish_date is None:
            return Affected()
        year = doc.publish_date.year
        if not self.permanent and not self.years():  # its last document left
            return Affected(remove=[self.base, *self._year_paths(year)])
        in_year, before = self._place(doc)
        out = Affected()
        if moved and in_year % PAGE_SIZE == 0:  # a page may have emptied
            out.remove.extend(
                f"{self.base}{year}/{order.slug}{in_year // PAGE_SIZE + 1}.html"
                for order in self.orders
            )
        if moved and in_year <= 1:  # a year appeared or emptied: the year links change
            out.pages.append(self.landing())
            for y in self.years():  # every year's newest page carries them
                for order in self.orders:
                    out.pages.extend(self.year_pages(y, order, None if y == year else range(0)))
            out.remove.extend(p for y in self._gone(year) for p in self._year_paths(y))
            return out
        out.pages.append(self.landing())
        for order in self.orders:
            position = before[order.slug]
            index = position // PAGE_SIZE
            # The page before gains or loses its "较新一页" link when this page starts or ends.
            first = max(index - 1, 0) if moved and position % PAGE_SIZE == 0 else index
            numbered = range(first, in_year) if moved else range(index, index + 1)  # to the end
            out.pages.extend(self.year_pages(year, order, numbered, in_year))
        return out

    def _place(self, doc: Document) -> tuple[int, dict[str, int]]:
        """The year's number of documents, and for each order how many of them come before
        `doc` (whether or not `doc` itself is in the list): one pass over the year."""
        qs = _with_keys(self.of_year(doc.publish_date.year), self.orders)  # type: ignore[union-attr]
        counts = qs.aggregate(
            total=Count("id"),
            **{
                f"before{i}": Count(
                    "id",
                    filter=Q(**{f"{o.key}__lt": o.value(doc)})
                    | Q(**{o.key: o.value(doc), "id__lt": doc.pk}),
                )
                for i, o in enumerate(self.orders)
            },
        )
        return counts["total"], {o.slug: counts[f"before{i}"] for i, o in enumerate(self.orders)}

    def _gone(self, year: int) -> range:
        """Years that fell off the list's range when `year` emptied at its edge."""
        years = self.years()
        if not years:
            return range(year, year + 1)
        if year < years[-1]:
            return range(year, years[-1])
        return range(years[0] + 1, year + 1)  # empty unless `year` is past the latest

    def _year_paths(self, year: int) -> list[str]:
        return [
            f"{self.base}{year}/{order.slug}{suffix}"
            for order in self.orders
            for suffix in ("", "1.html")
        ]
