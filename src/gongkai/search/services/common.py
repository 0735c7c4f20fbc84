"""What indexing and querying share: the error type and the registered document sources."""

from collections.abc import Callable, Iterable

from gongkai.core.errors import DomainError
from gongkai.search.types import SearchDocument

Source = Callable[[int], Iterable[SearchDocument]]
_sources: list[Source] = []


class SearchError(DomainError):
    """Bad input to the index or to a query. The message (Chinese) says what to fix."""


def register_source(source: Source) -> Source:
    """Register a function department_id -> the SearchDocuments of all that department's
    published documents; `search_rebuild` without documents calls every registered source.
    Import-time registration from a module the app's config `registers`."""
    if source not in _sources:
        _sources.append(source)
    return source


def sources() -> tuple[Source, ...]:
    return tuple(_sources)
