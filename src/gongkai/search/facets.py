"""The values offered in the search form's filters, per department (cached; the cache entry is
dropped whenever the department's index changes)."""

from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction

from gongkai.core.queries import distinct_values
from gongkai.search.models import SearchEntry

TIMEOUT = 600


@dataclass(frozen=True)
class FacetOptions:
    years: list[int]
    issuers: list[str]
    topics: list[str]
    genres: list[str]
    validities: list[str]


def _key(department_id: int) -> str:
    return f"search:facets:{department_id}"


# More distinct values than this in one filter is not a drop-down any more.
MAX_VALUES = 200


def _values(department_id: int, field: str) -> list[Any]:
    entries = SearchEntry.objects.filter(department_id=department_id)
    return [v for v in distinct_values(entries, field, MAX_VALUES) if v != ""]


def facet_options(department_id: int) -> FacetOptions:
    cached = cache.get(_key(department_id))
    if isinstance(cached, FacetOptions):
        return cached
    options = FacetOptions(
        years=sorted(_values(department_id, "year"), reverse=True),
        issuers=_values(department_id, "issuer"),
        topics=_values(department_id, "topic"),
        genres=_values(department_id, "genre"),
        validities=_values(department_id, "validity"),
    )
    cache.set(_key(department_id), options, TIMEOUT)
    return options


def invalidate(department_id: int) -> None:
    transaction.on_commit(lambda: cache.delete(_key(department_id)))
