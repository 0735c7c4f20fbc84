"""SQLite FTS5: two tables keyed by the entry's `ord` — search_fts (every word) and
search_fts_title (the title group: title and 发文字号), both holding the filter words too.
Newest-first is FTS5's own reverse rowid order: `ORDER BY rowid DESC LIMIT n` stops after n
matches and scores nothing."""

import math

from django.core.cache import cache
from django.db import connection

from gongkai.search import text as tx
from gongkai.search.backends.base import Count, IndexedText, Match, Tier

# How long a word's document count is reused for estimates (seconds).
DF_CACHE_SECONDS = 600


def _expression(match: Match) -> str:
    # Words hold only letters, digits and CJK (text._WORD), so quoting cannot be escaped.
    words = (*match.terms, tx.facet_token("d", match.department_id), *match.facets)
    return " AND ".join(f'"{w}"' for w in words)


def _query(match: Match) -> tuple[str, list[str]]:
    """SQL selecting the matching rowids (ords), and its parameters."""
    expression = _expression(match)
    if match.tier is Tier.TITLE:
        return "SELECT rowid FROM search_fts_title WHERE search_fts_title MATCH %s", [expression]
    if match.tier is Tier.REST:
        return (
            "SELECT rowid FROM search_fts WHERE search_fts MATCH %s AND rowid NOT IN "
            "(SELECT rowid FROM search_fts_title WHERE search_fts_title MATCH %s)",
            [expression, expression],
        )
    return "SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [expression]


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
                "INSERT INTO search_fts_title (rowid, words) VALUES (%s, %s)",
                [(o, t.title_words) for _, o, t in rows],
            )
            cursor.executemany(
                "INSERT INTO search_fts (rowid, words) VALUES (%s, %s)",
                [(o, t.all_words) for _, o, t in rows],
            )

    def delete(self, ords: list[int]) -> None:
        with connection.cursor() as cursor:
            for start in range(0, len(ords), 500):
                chunk = ords[start : start + 500]
                marks = ", ".join(["%s"] * len(chunk))
                for table in ("search_fts", "search_fts_title"):
                    cursor.execute(f"DELETE FROM {table} WHERE rowid IN ({marks})", chunk)  # noqa: S608

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            for table in ("search_fts", "search_fts_title"):
                cursor.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")  # noqa: S608

    def count(self, match: Match, cap: int, *, estimate: bool = True) -> Count:
        sql, params = _query(match)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM ({sql} LIMIT %s)", [*params, cap + 1])  # noqa: S608
            counted = int(cursor.fetchone()[0])
        if counted <= cap:
            return Count(counted)
        guess = self._estimate(match) if estimate else 0
        return Count(max(cap + 1, guess), approximate=True)

    def _estimate(self, match: Match) -> int:
        """Words taken as independent, as a query planner would: the department's size times
        each other word's (and filter's) share of all documents."""
        base = _document_frequency(tx.facet_token("d", match.department_id))
        everything = max(1, self._total())
        share = math.prod(
            min(1.0, _document_frequency(w) / everything) for w in (*match.terms, *match.facets)
        )
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
        sql, params = _query(match)
        with connection.cursor() as cursor:
            cursor.execute(
                f"{sql} ORDER BY rowid DESC LIMIT %s OFFSET %s", [*params, limit, offset]
            )
            return [int(row[0]) for row in cursor.fetchall()]
