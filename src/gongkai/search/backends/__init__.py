"""Where the words are stored and searched, per database vendor, behind one interface."""

from functools import cache

from django.db import connection

from gongkai.search.backends.base import Backend, Count, IndexedText, Match, Tier, make_ord


@cache
def _backend_for(vendor: str) -> Backend:
    if vendor == "sqlite":
        from gongkai.search.backends.sqlite import SqliteBackend

        return SqliteBackend()
    if vendor == "postgresql":
        from gongkai.search.backends.postgres import PostgresBackend

        return PostgresBackend()
    raise RuntimeError(f"全文检索不支持数据库类型 {vendor}：请使用 SQLite 或 PostgreSQL。")


def get_backend() -> Backend:
    return _backend_for(connection.vendor)


__all__ = ["Backend", "Count", "IndexedText", "Match", "Tier", "get_backend", "make_ord"]
