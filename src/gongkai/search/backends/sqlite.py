"""SQLite FTS5. The virtual table's rowid is the entry's `ord`, so newest-first is FTS5's own
reverse rowid order: `ORDER BY rowid DESC LIMIT n` stops after n matches and scores nothing."""

import math

from django.core.cache import cache
from django.db import connection

from gongkai.search import text as tx
from gongkai.search.backends.base import Count, IndexedText, Match, Tier

# How long a word's document count is reused for estimates (seconds).
DF_CACHE_SECONDS = 600


def _and(words: tuple[str, ...]) -> str:
    # Words hold only letters, digits and CJK (text._WORD), so quoting cannot be escaped.
    return " AND ".join(f'"{w}"' for w in words)


def match_expression(match: Match) -> str:
    facets = f"facets : ({_and((_department(match), *match.facets))})"
    if not match.terms:
        return facets
    words = _and(match.terms)
    if match.tier is Tier.TITLE:
        return f"{{title number}} : ({words}) AND {facets}"
    everything = f"{{title number body}} : ({words}) AND {facets}"
    if match.tier is Tier.REST:
        return f"({everything}) NOT ({{title number}} : ({words}))"
    return everything


def _department(match: Match) -> str:
    return tx.facet_token("d", match.department_id)


def _document_frequency(word: str) -> int:
    key = f"search:df:{word}"
    cached = cache.get(key)
    if isinstance(cached, int):
        return cached
    with connection.cursor() as cursor:
        cursor.execute("SELECT doc FROM search_fts_vocab WHERE term = %s", [word])
        row = cursor.fetchone()
    value = int(row[0]) if row else 0
    cache.set(key, value, DF_CACHE_SECONDS)
    return value


class SqliteBackend:
    # FTS5 counts ~20 matches per µs, so counting this many stays within ~1 ms.
    count_cap = 20_000

    def write(self, rows: list[tuple[int, int, IndexedText]]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE search_searchentry SET ord = %s WHERE id = %s",
                [(ord_, entry_id) for entry_id, ord_, _ in rows],
            )
            cursor.executemany(
                "INSERT INTO search_fts (rowid, title, number, body, facets) "
                "VALUES (%s, %s, %s, %s, %s)",
                [(o, t.title, t.number, t.body, t.facets) for _, o, t in rows],
            )

    def delete(self, ords: list[int]) -> None:
        with connection.cursor() as cursor:
            for start in range(0, len(ords), 500):
                chunk = ords[start : start + 500]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"DELETE FROM search_fts WHERE rowid IN ({marks})", chunk)  # noqa: S608

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")

    def count(self, match: Match, cap: int, *, estimate: bool = True) -> Count:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH %s "
                "LIMIT %s)",
                [match_expression(match), cap + 1],
            )
            counted = int(cursor.fetchone()[0])
        if counted <= cap:
            return Count(counted)
        guess = self._estimate(match) if estimate else 0
        return Count(max(cap + 1, guess), approximate=True)

    def _estimate(self, match: Match) -> int:
        """Words taken as independent, as a query planner would: the department's size times
        each other word's (and filter's) share of all documents."""
        base = _document_frequency(_department(match))
        everything = max(1, self._total())
        share = math.prod(min(1.0, _document_frequency(w) / everything)
                          for w in (*match.terms, *match.facets))
        return round(base * share)

    def _total(self) -> int:
        cached = cache.get("search:df:*")
        if isinstance(cached, int):
            return cached
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_searchentry")
            value = int(cursor.fetchone()[0])
        cache.set("search:df:*", value, DF_CACHE_SECONDS)
        return value

    def fetch(self, match: Match, offset: int, limit: int, count: Count) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s "
                "ORDER BY rowid DESC LIMIT %s OFFSET %s",
                [match_expression(match), limit, offset],
            )
            return [int(row[0]) for row in cursor.fetchall()]
