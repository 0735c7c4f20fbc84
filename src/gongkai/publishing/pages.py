"""Every extension point of the public-site engine, in one place (cf. Datasette's hookspecs).

A *page source* knows how to turn some records into published pages. Apps register theirs in
their AppConfig.ready():

    from gongkai.publishing import pages

    @pages.source
    class DocumentPages:
        name = "documents"

        def pages(self, site):               # full build: every page this source owns
            yield pages.Page("/xxgk/zc/123.html", "documents/document.html", {"doc": doc})

        def affected(self, site, change):    # incremental: what one change touches
            if change.kind != "document":
                return pages.Affected()
            return pages.Affected(pages=[...], remove=["/xxgk/zc/old.html"])

`site` is a gongkai.publishing.site.SiteInfo (department, base URL, …). A change is
Change(kind, id) — e.g. Change("document", 123); the department is passed to the service.

Besides sources there are *portal providers*, small functions the portal shell asks for content
it does not own (each returns a list; empty means "use the fallback"):

    @pages.columns        def f(site) -> list[Link]       # 法定主动公开内容 columns
    @pages.home_blocks    def f(site) -> list[Block]      # blocks on the home page (latest news…)
    @pages.annual_reports def f(site) -> list[Link]       # 政府信息公开年报 entries
    @pages.nav_items      def f(site) -> list[Link]       # extra top-navigation entries
    @pages.interaction    def f(site) -> list[Link]       # 互动交流 channels (/hdjl/)

and *related links*, what another module's page should link to from a record's page:

    @pages.related        def f(site, kind) -> dict[id, list[Link]]   # e.g. kind "document":
                                                          # a final document -> its feedback report

The built-in portal shell (gongkai.publishing.portal) registers through the same functions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from gongkai.publishing.site import SiteInfo


@dataclass(frozen=True)
class Page:
    """One file of the public site.

    `path` is the public URL path ("/", "/xxgk/", "/xxgk/zc/123.html", "/feed.xml"); a path
    ending in "/" is written as its index.html. Either `template` (a Jinja template name found in
    some app's site_templates/) with `context`, or ready `content` bytes (feeds, assets).
    """

    path: str
    template: str | None = None
    context: Mapping[str, Any] = field(default_factory=dict)
    content: bytes | None = None

    def __post_init__(self) -> None:
        if not self.path.startswith("/") or ".." in self.path.split("/") or "\\" in self.path:
            raise ValueError(f"页面路径必须以 / 开头且不含 ..：{self.path!r}")
        if (self.template is None) == (self.content is None):
            raise ValueError(f"页面 {self.path} 须且只能指定 template 或 content 之一。")

    @property
    def file(self) -> str:
        """Path of the file inside a build, relative, with "/" separators."""
        return file_for(self.path)


def file_for(url_path: str) -> str:
    """ "/" -> "index.html", "/xxgk/" -> "xxgk/index.html", "/a/b.html" -> "a/b.html"."""
    rel = url_path.lstrip("/")
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    return rel


@dataclass(frozen=True)
class Change:
    """Something that happened to a record: ("document", 123), ("column", 7), ("portal", "guide")."""

    kind: str
    id: int | str = ""


@dataclass
class Affected:
    """What one change touches: pages to (re)render and URL paths to delete."""

    pages: list[Page] = field(default_factory=list)
    remove: list[str] = field(default_factory=list)

    def extend(self, other: Affected) -> None:
        self.pages.extend(other.pages)
        self.remove.extend(other.remove)


class Source(Protocol):
    name: str

    def pages(self, site: SiteInfo) -> Iterable[Page]: ...

    def affected(self, site: SiteInfo, change: Change) -> Affected: ...


@dataclass(frozen=True)
class Link:
    title: str
    url: str
    date: dt.date | None = None
    note: str = ""
    children: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Block:
    """A block on the home page: a titled list of links with a "更多" link."""

    title: str
    items: tuple[Link, ...]
    more_url: str = ""
    order: int = 100


_sources: dict[str, Source] = {}
S = TypeVar("S")


def source(cls_or_obj: S) -> S:
    """Register a page source (a class is instantiated without arguments). Idempotent by name."""
    obj: Any = cls_or_obj() if isinstance(cls_or_obj, type) else cls_or_obj
    _sources[obj.name] = obj
    return cls_or_obj


def unregister(name: str) -> None:
    _sources.pop(name, None)


def sources() -> tuple[Source, ...]:
    return tuple(_sources.values())


# Portal providers -------------------------------------------------------------------------

Provider = Callable[["SiteInfo"], list[Any]]
_providers: dict[str, list[Provider]] = {
    "columns": [],
    "home_blocks": [],
    "annual_reports": [],
    "nav_items": [],
    "interaction": [],
}


def _register(kind: str) -> Callable[[Provider], Provider]:
    def register(func: Provider) -> Provider:
        if func not in _providers[kind]:
            _providers[kind].append(func)
        return func

    return register


columns = _register("columns")
columns.__doc__ = "法定主动公开内容: the columns (Link, with children for sub-columns)."
home_blocks = _register("home_blocks")
home_blocks.__doc__ = "Blocks on the home page (Block), sorted by Block.order."
annual_reports = _register("annual_reports")
annual_reports.__doc__ = "政府信息公开年报: one Link per published annual report, newest first."
nav_items = _register("nav_items")
nav_items.__doc__ = "Extra entries of the portal's top navigation (Link)."


interaction = _register("interaction")
interaction.__doc__ = "互动交流 (/hdjl/): one Link per interaction channel, with a note."

RelatedProvider = Callable[["SiteInfo", str], Mapping[Any, list[Link]]]
_related: list[RelatedProvider] = []


def related(func: RelatedProvider) -> RelatedProvider:
    """Register a provider of related links: f(site, kind) -> {record id: [Link, ...]} for the
    records of `kind` ("document", …) that another module's pages belong with. Called once per
    build or publication, so it answers for every record in one query."""
    if func not in _related:
        _related.append(func)
    return func


def collect_related(site: SiteInfo, kind: str) -> dict[Any, list[Link]]:
    out: dict[Any, list[Link]] = {}
    for func in _related:
        for key, links in func(site, kind).items():
            out.setdefault(key, []).extend(links)
    return out


def collect(kind: str, site: SiteInfo) -> list[Any]:
    return [item for provider in _providers[kind] for item in provider(site)]


def remove_provider(kind: str, func: Provider) -> None:
    if func in _providers[kind]:
        _providers[kind].remove(func)
