"""PostgreSQL (and PostgreSQL-compatible domestic databases): a narrow table search_terms
(ord, tsv_title, tsv) with two stripped tsvector columns and GIN indexes over text that jieba
has already segmented, parsed with the built-in 'simple' configuration, so no extension
(zhparser, pg_jieba) is needed.

GIN finds matches but cannot order them, and PostgreSQL's planner switches to a sequential scan
(about 1 s at 200,000 documents) for a word found in most documents. So the plan of every query
here is chosen by us from the (capped) count, not by the planner's estimate:
- counting asks the planner first: when it expects far more matches than the cap, its
  estimate is shown (as approximate) without counting; otherwise counting reads the GIN bitmap
  and stops at the cap, and above the cap the planner's estimate is shown;
- a query with a countable number of matches reads them all through GIN and sorts them by
  `ord` (the narrow table stays in shared buffers, so this costs ~0.3 µs a match);
- a query with more walks the `ord` index newest-first, checks each row, and stops after one
  page: the more common the words, the sooner it stops. Checking a row reads its TOASTed
  tsvector (~10 µs), so walking suits only words in a large share of the documents.
"""

import json
from typing import Any

from django.db import OperationalError, connection, transaction

from gongkai.search.backends.base import Count, IndexedText, Match, Tier

# Up to this many matches, reading them all through GIN and sorting beats walking by date
# (walking a word in 1 of 40 documents checks ~800 rows for a page of 20).
SORT_LIMIT = 5_000
# When the planner expects more than this many times the cap, its estimate is taken as is.
TRUST_ESTIMATE = 2
# A newest-first walk that has not filled its page by then gives way to reading and sorting.
WALK_TIMEOUT_MS = 40

_METHODS = ("seqscan", "indexscan", "bitmapscan")


def _condition(match: Match) -> tuple[str, list[Any]]:
    words = " ".join(match.terms + match.facets)
    department = ("department_id = %s", [match.department_id])
    if not words:
        return department
    if match.tier is Tier.TITLE:
        return "department_id = %s AND tsv_title @@ plainto_tsquery('simple', %s)", [
            match.department_id,
            words,
        ]
    if match.tier is Tier.REST:
        return (
            "department_id = %s AND tsv @@ plainto_tsquery('simple', %s) "
            "AND NOT (tsv_title @@ plainto_tsquery('simple', %s))",
            [match.department_id, words, words],
        )
    return "department_id = %s AND tsv @@ plainto_tsquery('simple', %s)", [
        match.department_id,
        words,
    ]


def _planned_rows(cursor: Any, condition: str, params: list[Any]) -> int:
    """The planner's row estimate (from the tsvector column's word statistics)."""
    cursor.execute(
        f"EXPLAIN (FORMAT JSON) SELECT 1 FROM search_terms WHERE {condition}",  # noqa: S608
        params,
    )
    plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


def _plan(cursor: Any, *off: str) -> None:
    """Switch scan methods off for the following statements of this transaction."""
    for method in _METHODS:
        cursor.execute(f"SET LOCAL enable_{method} = {'off' if method in off else 'on'}")


class PostgresBackend:
    # Each counted match is a heap row read (~1 µs); beyond this the planner estimates.
    count_cap = SORT_LIMIT

    def write(self, rows: list[tuple[int, int, IndexedText]]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                "UPDATE search_searchentry SET ord = %s WHERE id = %s",
                [(ord_, entry_id) for entry_id, ord_, _ in rows],
            )
            cursor.executemany(
                "INSERT INTO search_terms (ord, department_id, tsv_title, tsv) VALUES "
                "(%s, (SELECT department_id FROM search_searchentry WHERE id = %s), "
                "strip(to_tsvector('simple', %s)), strip(to_tsvector('simple', %s)))",
                [(ord_, entry_id, t.title_words, t.all_words) for entry_id, ord_, t in rows],
            )

    def delete(self, ords: list[int]) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_terms WHERE ord = ANY(%s)", [ords])

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_searchentry")
            cursor.execute("ANALYZE search_terms")

    def count(self, match: Match, cap: int, *, estimate: bool = True) -> Count:
        condition, params = _condition(match)
        with transaction.atomic(), connection.cursor() as cursor:
            planned = _planned_rows(cursor, condition, params)
            if planned > TRUST_ESTIMATE * cap:
                # Far more than we would count: building the GIN bitmap of a word found in
                # most documents costs more than the whole query budget, so skip counting.
                return Count(planned if estimate else cap + 1, approximate=True)
            _plan(cursor, "seqscan", "indexscan")
            cursor.execute(
                "SELECT count(*) FROM (SELECT 1 FROM search_terms "  # noqa: S608
                f"WHERE {condition} LIMIT %s) AS capped",
                [*params, cap + 1],
            )
            counted = int(cursor.fetchone()[0])
            _plan(cursor)
        if counted <= cap:
            return Count(counted)
        return Count(max(cap + 1, planned) if estimate else cap + 1, approximate=True)

    def fetch(self, match: Match, offset: int, limit: int, count: Count) -> list[int]:
        condition, params = _condition(match)
        sql = (
            f"SELECT ord FROM search_terms WHERE {condition} "  # noqa: S608
            "ORDER BY ord DESC LIMIT %s OFFSET %s"
        )
        with transaction.atomic(), connection.cursor() as cursor:
            try:
                if count.approximate or count.value > SORT_LIMIT:
                    walked = _walk(cursor, sql, [*params, limit, offset])
                    if walked is not None:
                        return walked
                _plan(cursor, "seqscan", "indexscan")
                cursor.execute(sql, [*params, limit, offset])
                return [int(row[0]) for row in cursor.fetchall()]
            finally:
                _plan(cursor)


def _walk(cursor: Any, sql: str, params: list[Any]) -> list[int] | None:
    """Newest first along the `ord` index, or None if that took longer than WALK_TIMEOUT_MS.

    The walk is fast only if the words really are common. A planner estimate can be far off
    (two common words that seldom meet); then the walk would read the whole table, so it gets a
    time limit and the caller sorts the GIN matches instead."""
    try:
        with transaction.atomic():  # a savepoint: the cancelled statement rolls back alone
            _plan(cursor, "seqscan", "bitmapscan")
            cursor.execute(
                "SELECT set_config('statement_timeout', %s, true)", [str(WALK_TIMEOUT_MS)]
            )
            cursor.execute(sql, params)
            rows = [int(row[0]) for row in cursor.fetchall()]
            cursor.execute("RESET statement_timeout")
            return rows
    except OperationalError:
        return None
