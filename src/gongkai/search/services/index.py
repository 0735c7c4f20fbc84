"""Writing the index: the documents app calls `search_index` when a document is published or
changed and `search_remove` when it is withdrawn; `search_rebuild` rebuilds a department's index
from the registered sources."""

from collections.abc import Iterable

from django.db import transaction

from gongkai.search import facets
from gongkai.search import text as tx
from gongkai.search.backends import IndexedText, get_backend, make_ord
from gongkai.search.models import SearchEntry
from gongkai.search.services.common import SearchError, sources
from gongkai.search.types import (
    SearchDocument,
)


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
        docs = (doc for source in sources() for doc in source(department_id))
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
    for source in sources():
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
