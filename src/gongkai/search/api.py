"""GET /api/search/?q=…: the same search as the public page, as JSON (ISO dates; snippets as
escaped HTML with <mark>). Rate-limited per address like the page."""

from datetime import date

from django.http import HttpRequest
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from gongkai.search import ratelimit
from gongkai.search.forms import SearchForm
from gongkai.search.services import SearchError, search_query
from gongkai.search.types import SearchHit
from gongkai.search.views import department_for

router = Router(tags=["全文检索"])


class SearchParams(Schema):
    q: str = ""
    site: str = ""
    year: int | None = None
    issuer: str = ""
    topic: str = ""
    genre: str = ""
    validity: str = ""
    order: str = "relevance"
    page: int = 1
    size: int = 20


class HitOut(Schema):
    key: str
    title: str
    url: str
    publish_date: date
    title_html: str
    snippet_html: str
    doc_number: str
    issuer: str
    topic: str
    genre: str
    validity: str
    index_number: str
    title_match: bool


class ResultsOut(Schema):
    total: int
    approximate: bool
    page: int
    size: int
    last_page: int
    order: str
    terms: list[str]
    notice: str
    exact: HitOut | None
    results: list[HitOut]


def _hit(hit: SearchHit) -> HitOut:
    return HitOut(**hit.__dict__)


@router.get("/", response=ResultsOut, summary="全文检索公开文件")
def search(request: HttpRequest, params: Query[SearchParams]) -> ResultsOut:
    verdict = ratelimit.check(request)
    if not verdict.allowed:
        raise HttpError(429, f"检索过于频繁，请 {verdict.retry_after} 秒后再试。")
    department = department_for(request)
    if department is None:
        raise HttpError(404, "未找到该站点：请用 site 参数指定站点标识。")
    form = SearchForm(params.dict())
    if not form.is_valid():
        raise HttpError(400, " ".join(str(e) for errors in form.errors.values() for e in errors))
    try:
        results = search_query(form.to_query(department.pk, page_size=params.size))
    except SearchError as exc:
        raise HttpError(400, str(exc)) from exc
    return ResultsOut(
        total=results.total,
        approximate=results.approximate,
        page=results.page,
        size=results.query.page_size,
        last_page=results.last_page,
        order=results.query.order,
        terms=results.terms,
        notice=results.notice,
        exact=_hit(results.exact) if results.exact else None,
        results=[_hit(h) for h in results.hits],
    )
