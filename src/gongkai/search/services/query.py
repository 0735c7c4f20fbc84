"""Querying the index: the public page, the JSON API and the CLI call `search_query`."""

import math

from gongkai.search import text as tx
from gongkai.search.backends import Count, Match, Tier, get_backend
from gongkai.search.models import SearchEntry
from gongkai.search.services.common import SearchError
from gongkai.search.types import (
    MAX_PAGE_SIZE,
    SearchHit,
    SearchQuery,
    SearchResults,
)

# Deep pages cost as much as the pages before them; nobody reads result 1,001 of a keyword
# search. Beyond it, people narrow the query or the filters.
MAX_RESULTS = 1000
# Matches counted one by one at most (each backend may count fewer, see backend.count_cap);
# beyond, the total is estimated and shown as approximate: counting a word found in every one
# of 200,000 documents costs more than the whole time budget of a query.
COUNT_CAP = 20_000


def _check_query(query: SearchQuery) -> None:
    if query.page < 1:
        raise SearchError("页码从 1 开始，请检查 page 参数。")
    if not 1 <= query.page_size <= MAX_PAGE_SIZE:
        raise SearchError(f"每页条数应在 1 到 {MAX_PAGE_SIZE} 之间。")
    if len(query.text) > 100:
        raise SearchError("检索词太长：请不超过 100 个字，或改用几个关键词。")
    if query.order not in ("relevance", "date"):
        raise SearchError("排序方式只能是 relevance（相关度）或 date（发布日期）。")


def _query_facets(query: SearchQuery) -> tuple[str, ...]:
    tokens = []
    if query.year:
        tokens.append(tx.facet_token("y", query.year))
    for kind, value in (
        ("i", query.issuer),
        ("t", query.topic),
        ("g", query.genre),
        ("v", query.validity),
    ):
        if value.strip():
            tokens.append(tx.facet_token(kind, value))
    return tuple(tokens)


def _hit(entry: SearchEntry, terms: list[str], title_match: bool = False) -> SearchHit:
    body = entry.body
    if entry.attachment_text and terms and not tx.contains_any(body, terms):
        body = entry.attachment_text
    return SearchHit(
        key=entry.key,
        title=entry.title,
        url=entry.url,
        publish_date=entry.publish_date,
        title_html=tx.highlight(entry.title, terms),
        snippet_html=tx.snippet(body, terms),
        doc_number=entry.doc_number,
        issuer=entry.issuer,
        topic=entry.topic,
        genre=entry.genre,
        validity=entry.validity,
        index_number=entry.index_number,
        title_match=title_match,
    )


def _exact(query: SearchQuery, results: SearchResults) -> bool:
    number = tx.parse_doc_number(query.text)
    if number is None:
        return False
    entry = (
        SearchEntry.objects.filter(department_id=query.department_id, doc_number_norm=number)
        .order_by("-ord")
        .first()
    )
    if entry is None:
        return False
    results.exact = _hit(entry, [], title_match=True)
    results.hits = [results.exact]
    results.total = 1
    return True


def _page_ords(
    match: Match, total: Count, query: SearchQuery, relevance: bool
) -> tuple[list[int], set[int]]:
    backend = get_backend()
    offset = (query.page - 1) * query.page_size
    limit = query.page_size
    if not relevance:
        return backend.fetch(match, offset, limit, total), set()
    title_match = match.with_tier(Tier.TITLE)
    # Only whether the title group ends before the last reachable result matters.
    title_count = backend.count(title_match, MAX_RESULTS, estimate=False)
    ords: list[int] = []
    if offset < title_count.value:
        ords = backend.fetch(title_match, offset, limit, title_count)
    title_ords = set(ords)
    if len(ords) < limit:
        rest_offset = max(0, offset - title_count.value)
        rest = match.with_tier(Tier.REST)
        ords += backend.fetch(rest, rest_offset, limit - len(ords), total)
    return ords, title_ords


def search_query(query: SearchQuery) -> SearchResults:
    """One page of results. Relevance order lists the documents with every query word in the
    title or 发文字号 first, then the others, each group newest first (see docs/search.md)."""
    _check_query(query)
    results = SearchResults(query=query)
    if query.text.strip() and _exact(query, results):
        return results
    terms = tx.query_terms(query.text)
    results.terms = terms
    if query.text.strip() and not terms:
        results.notice = "检索词中没有可检索的汉字、字母或数字，请换一个关键词。"
        return results
    match = Match(query.department_id, tuple(terms), _query_facets(query))
    backend = get_backend()
    total = backend.count(match, min(COUNT_CAP, backend.count_cap))
    results.total = total.value
    results.approximate = total.approximate
    relevance = query.order == "relevance" and bool(terms)
    notices = []
    if total.approximate:
        notices.append("检索词出现在大量文件中，结果条数为估计值。")
    reachable = min(total.value, MAX_RESULTS)
    results.last_page = max(1, math.ceil(reachable / query.page_size))
    if total.value > MAX_RESULTS:
        notices.append(f"仅可翻阅前 {MAX_RESULTS} 条结果，请增加关键词或筛选条件缩小范围。")
    if query.page > results.last_page:
        notices.append(f"没有第 {query.page} 页：结果共 {results.last_page} 页。")
    results.notice = "".join(notices)
    if query.page > results.last_page:
        return results
    ords, title_ords = _page_ords(match, total, query, relevance)
    entries = {e.ord: e for e in SearchEntry.objects.filter(ord__in=ords)}
    marks = tx.highlight_terms(query.text)
    results.hits = [_hit(entries[o], marks, o in title_ords) for o in ords if o in entries]
    return results
