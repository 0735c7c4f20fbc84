"""The search index's public data types. Plain dataclasses: callers (the documents app, the
CLI, tests) need no knowledge of how or where the index is stored."""

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Order = Literal["relevance", "date"]

# The largest page a caller may ask for (API and page alike).
MAX_PAGE_SIZE = 50


@dataclass(frozen=True)
class SearchDocument:
    """One published document as the index sees it.

    `key` is chosen by the caller and is unique within the department (e.g. "document:42");
    indexing the same key again replaces the earlier entry.
    """

    department_id: int
    key: str
    title: str
    url: str
    publish_date: date
    body: str = ""
    doc_number: str = ""  # 发文字号, e.g. 筑科发〔2017〕12号
    attachment_text: str = ""
    issuer: str = ""  # 发文机关
    topic: str = ""  # 主题分类
    genre: str = ""  # 体裁
    validity: str = ""  # 有效性: 有效 / 失效 / 废止 / 已修改
    index_number: str = ""  # 索引号
    year: int | None = None  # defaults to the publish year


@dataclass(frozen=True)
class SearchQuery:
    department_id: int
    text: str = ""
    year: int | None = None
    issuer: str = ""
    topic: str = ""
    genre: str = ""
    validity: str = ""
    order: Order = "relevance"
    page: int = 1
    page_size: int = 20


@dataclass(frozen=True)
class SearchHit:
    key: str
    title: str
    url: str
    publish_date: date
    title_html: str  # escaped, query words wrapped in <mark>
    snippet_html: str  # escaped, query words wrapped in <mark>
    doc_number: str = ""
    issuer: str = ""
    topic: str = ""
    genre: str = ""
    validity: str = ""
    index_number: str = ""
    title_match: bool = False


@dataclass
class SearchResults:
    query: SearchQuery
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    # True when `total` is an estimate (a word found in a large share of all documents).
    approximate: bool = False
    # The document whose 发文字号 the query is; callers go straight to it.
    exact: SearchHit | None = None
    terms: list[str] = field(default_factory=list)
    # Pages beyond this one cannot be requested in the current order (see docs/search.md).
    last_page: int = 1
    notice: str = ""

    @property
    def page(self) -> int:
        return self.query.page

    @property
    def has_next(self) -> bool:
        return self.page < self.last_page

    @property
    def has_previous(self) -> bool:
        return self.page > 1
