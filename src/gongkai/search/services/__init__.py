"""The search index API. The documents app calls `search_index` when a document is published or
changed and `search_remove` when it is withdrawn; the public page, the JSON API and the CLI call
`search_query`. Indexing is derived data (it is rebuilt from the documents at any time with
`search_rebuild`), so it writes no audit entry; callers run it inside their own transaction so a
failed publish leaves no index entry behind.
"""

from gongkai.search.services.common import SearchError, register_source, sources
from gongkai.search.services.index import (
    index_missing,
    search_index,
    search_optimize,
    search_rebuild,
    search_remove,
)
from gongkai.search.services.query import search_query

__all__ = [
    "SearchError",
    "index_missing",
    "register_source",
    "search_index",
    "search_optimize",
    "search_query",
    "search_rebuild",
    "search_remove",
    "sources",
]
