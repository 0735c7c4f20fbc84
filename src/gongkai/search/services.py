"""The search index API. The documents app calls `search_index` when a document is published or
changed and `search_remove` when it is withdrawn; the public page, the JSON API and the CLI call
`search_query`. Indexing is derived data (it is rebuilt from the documents at any time with
`search_rebuild`), so it writes no audit entry; callers run it inside their own transaction so a
failed publish leaves no index entry behind.
"""

import math
from collections.abc import Callable, Iterable

from django.db import transaction

from gongkai.search import facets
from gongkai.search import text as tx
from gongkai.search.backends import Count, IndexedText, Match, Tier, get_backend, make_ord
from gongkai.search.models import SearchEntry
from gongkai.search.types import (
    MAX_PAGE_SIZE,
    SearchDocument,
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

Source = Callable[[int], Iterable[SearchDocument]]
_sources: list[Source] = []


class SearchError(Exception):
    """Bad input to the index or to a query. The message (Chinese) says what to fix."""


def register_source(source: Source) -> Source:
    """Register a function department_id -> the SearchDocuments of all that department's
    published documents; `search_rebuild` without documents calls every registered source.
    Call from an AppConfig.ready()."""
    if source not in _sources:
        _sources.append(source)
    return source


def _check(doc: SearchDocument) -> None:
    if not doc.key or len(doc.key) > 100:
        raise SearchError("索引文档键不能为空，且不超过 100 个字符。")
    if not doc.title.strip():
        raise SearchError(f"文档“{doc.key}”没有标题，无法建立检索索引：请先填写标题。")
    if len(doc.title) > 500 or len(doc.url) > 500:
        raise SearchError(f"文档“{doc.key}”的标题或地址超过 500 个字符，请缩短后再发布。")
    if not doc.url:
        raise SearchError(f"文档“{doc.key}”没有公开地址，无法建立检索索引。")


def _facets(doc: SearchDocument, year: int) -> str:
    tokens = [tx.facet_token("d", doc.department_id), tx.facet_token("y", year)]
    for kind, value in (("i", doc.issuer), ("t", doc.topic), ("g", doc.genre), ("v", doc.validity)):
        if value.strip():
            tokens.append(tx.facet_token(kind, value))
    return " ".join(tokens)


def _fill(entry: SearchEntry, doc: SearchDocument) -> SearchEntry:
    entry.ord = None
    entry.title = doc.title.strip()
    entry.url = doc.url
    entry.doc_number = doc.doc_number.strip()
    entry.doc_number_norm = tx.parse_doc_number(doc.doc_number) or ""
    entry.index_number = doc.index_number
    entry.publish_date = doc.publish_date
    entry.year = doc.year or doc.publish_date.year
    entry.issuer = doc.issuer.strip()
    entry.topic = doc.topic.strip()
    entry.genre = doc.genre.strip()
    entry.validity = doc.validity.strip()
    entry.body = doc.body
    entry.attachment_text = doc.attachment_text
    return entry


def _words(entry: SearchEntry, doc: SearchDocument) -> tuple[int, int, IndexedText]:
    text = IndexedText(
        title=tx.index_text(doc.title),
        number=tx.index_text(doc.doc_number),
        body=tx.index_text(f"{doc.body}\n{doc.attachment_text}"),
        facets=_facets(doc, entry.year),
    )
    return entry.pk, make_ord(doc.publish_date, entry.pk), text


@transaction.atomic
def search_index(doc: SearchDocument) -> None:
    """Add the document to the index, or replace the entry with the same key."""
    _check(doc)
    backend = get_backend()
    entry = SearchEntry.objects.filter(department_id=doc.department_id, key=doc.key).first()
    if entry is None:
        entry = SearchEntry(department_id=doc.department_id, key=doc.key)
    elif entry.ord is not None:
        backend.delete([entry.ord])
    _fill(entry, doc).save()
    backend.write([_words(entry, doc)])
    facets.invalidate(doc.department_id)


@transaction.atomic
def search_remove(department_id: int, key: str) -> bool:
    """Take the document out of the index (withdrawn, made non-public). False if it was not in."""
    entry = SearchEntry.objects.filter(department_id=department_id, key=key).first()
    if entry is None:
        return False
    if entry.ord is not None:
        get_backend().delete([entry.ord])
    entry.delete()
    facets.invalidate(department_id)
    return True


# Documents written per round trip when rebuilding.
REBUILD_BATCH = 500


@transaction.atomic
def search_rebuild(department_id: int, docs: Iterable[SearchDocument] | None = None) -> int:
    """Replace the department's whole index with `docs` (default: every registered source's
    documents). Returns the number of documents indexed."""
    backend = get_backend()
    entries = SearchEntry.objects.filter(department_id=department_id)
    backend.delete([o for o in entries.values_list("ord", flat=True) if o is not None])
    entries.delete()
    if docs is None:
        docs = (doc for source in _sources for doc in source(department_id))
    count = 0
    batch: list[SearchDocument] = []
    for doc in docs:
        if doc.department_id != department_id:
            raise SearchError(
                f"文档“{doc.key}”属于另一个机关（{doc.department_id}），不能重建到本机关的索引。"
            )
        _check(doc)
        batch.append(doc)
        if len(batch) >= REBUILD_BATCH:
            count += _index_batch(batch)
            batch = []
    if batch:
        count += _index_batch(batch)
    facets.invalidate(department_id)
    return count


def index_missing(department_id: int) -> int:
    """Index the registered sources' documents that are not in the index yet (the demo, and
    installing search after documents were published). Returns how many were added."""
    known = set(
        SearchEntry.objects.filter(department_id=department_id).values_list("key", flat=True)
    )
    added = 0
    for source in _sources:
        for doc in source(department_id):
            if doc.key not in known:
                search_index(doc)
                known.add(doc.key)
                added += 1
    return added


def search_optimize() -> None:
    """Merge the index after a bulk load (FTS5 segments; PostgreSQL statistics)."""
    get_backend().optimize()


def _index_batch(docs: list[SearchDocument]) -> int:
    keys = [doc.key for doc in docs]
    if len(set(keys)) != len(keys):
        raise SearchError("重建索引的文档中有重复的文档键，请检查数据来源。")
    created = SearchEntry.objects.bulk_create(
        [_fill(SearchEntry(department_id=doc.department_id, key=doc.key), doc) for doc in docs]
    )
    get_backend().write([_words(e, d) for e, d in zip(created, docs, strict=True)])
    return len(created)


# --- querying ---------------------------------------------------------------------------------


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
