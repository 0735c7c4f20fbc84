"""PostgreSQL (and PostgreSQL-compatible domestic databases): two stripped tsvector columns with
GIN indexes over text that jieba has already segmented, parsed with the built-in 'simple'
configuration, so no extension (zhparser, pg_jieba) is needed.

GIN finds matches but cannot order them, and PostgreSQL's planner switches to a sequential scan
(about 1 s at 200,000 documents) for a word found in most documents. So every query here is
planned by us, not by the estimate:
- counts are capped (COUNT_CAP); above the cap the count is the planner's estimate and is shown
  as approximate;
- a query with few matches reads them through the GIN index (bitmap scan) and sorts them;
- a query with many matches walks the `ord` index newest-first and stops after one page.
"""

import json
from typing import Any

from django.db import connection

from gongkai.search.backends.base import Count, IndexedText, Match, Tier

# Matches counted exactly; more than this is estimated and shown as approximate.
COUNT_CAP = 20_000
# Up to this many matches, reading them all through GIN and sorting beats walking by date.
SORT_LIMIT = 20_000


def _condition(match: Match) -> tuple[str, list[Any]]:
    words = " ".join(match.terms + match.facets)
    if match.tier is Tier.TITLE:
        return "tsv_title @@ plainto_tsquery('simple', %s)", [words]
    if match.tier is Tier.REST:
        return (
            "tsv @@ plainto_tsquery('simple', %s) "
            "AND NOT (tsv_title @@ plainto_tsquery('simple', %s))",
            [words, words],
        )
    return "tsv @@ plainto_tsquery('simple', %s)", [words]


_METHODS = ("seqscan", "indexscan", "bitmapscan")


def _plan(cursor: Any, *off: str) -> None:
    """Switch off the given scan methods for the next statement (callers run inside a
    transaction, so SET LOCAL ends with it at the latest)."""
    for method in _METHODS:
        cursor.execute(f"SET LOCAL enable_{method} = {'off' if method in off else 'on'}")


class PostgresBackend:
    def write(self, rows: list[tuple[int, int, IndexedText]]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE search_searchentry SET ord = %s, "
                "tsv_title = strip(to_tsvector('simple', %s)), "
                "tsv = strip(to_tsvector('simple', %s)) WHERE id = %s",
                [
                    (
                        ord_,
                        f"{t.title} {t.number} {t.facets}",
                        f"{t.title} {t.number} {t.body} {t.facets}",
                        entry_id,
                    )
                    for entry_id, ord_, t in rows
                ],
            )

    def delete(self, ords: list[int]) -> None:
        # The words live in the entry's own row and go with it.
        return None

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")

    def count(self, match: Match) -> Count:
        condition, params = _condition(match)
        with connection.cursor() as cursor:
            _plan(cursor, "seqscan", "indexscan")
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM search_searchentry "  # noqa: S608
                f"WHERE {condition} LIMIT %s) AS capped",
                [*params, COUNT_CAP + 1],
            )
            exact = int(cursor.fetchone()[0])
            _plan(cursor)
            if exact <= COUNT_CAP:
                return Count(exact)
            cursor.execute(
                f"EXPLAIN (FORMAT JSON) SELECT 1 FROM search_searchentry WHERE {condition}",  # noqa: S608
                params,
            )
            plan = cursor.fetchone()[0]
            if isinstance(plan, str):
                plan = json.loads(plan)
            estimate = int(plan[0]["Plan"]["Plan Rows"])
            return Count(max(estimate, COUNT_CAP + 1), approximate=True)

    def fetch(self, match: Match, offset: int, limit: int, count: Count) -> list[int]:
        condition, params = _condition(match)
        with connection.cursor() as cursor:
            if count.approximate or count.value > SORT_LIMIT:
                _plan(cursor, "seqscan", "bitmapscan")
            else:
                _plan(cursor, "seqscan", "indexscan")
            cursor.execute(
                f"SELECT ord FROM search_searchentry WHERE {condition} "  # noqa: S608
                "ORDER BY ord DESC LIMIT %s OFFSET %s",
                [*params, limit, offset],
            )
            rows = [int(row[0]) for row in cursor.fetchall()]
            _plan(cursor)
            return rows
