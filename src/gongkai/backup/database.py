"""The database part of a backup: a consistent snapshot, its row counts, and loading it back.

SQLite (the embedded default): the online backup API copies the live database page by page
inside one read transaction, so writers go on and the copy is consistent. PostgreSQL:
`pg_dump -Fc` from a snapshot exported by a REPEATABLE READ transaction, in which the row
counts are taken too, so the counts describe exactly the rows in the dump.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db import connection

SQLITE_MEMBER = "database/gongkai.sqlite3"
POSTGRES_MEMBER = "database/gongkai.pgdump"


class DatabaseError(Exception):
    """A dump or load failed. Message in Chinese."""


def counted_tables() -> dict[str, str]:
    """{db_table: label} of every table the platform owns (the ones a restore must match)."""
    tables: dict[str, str] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.app_config is None or not meta.app_config.name.startswith("gongkai."):
            continue
        tables[meta.db_table] = meta.db_table if meta.auto_created else str(meta.verbose_name)
    return dict(sorted(tables.items()))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass
class Snapshot:
    vendor: str
    member: str
    file: Path
    counts: dict[str, int] = field(default_factory=dict)
    migrations: list[list[str]] = field(default_factory=list)
    dump: Callable[[], None] = lambda: None  # writes `file` (PostgreSQL); SQLite's is written


def _count(cursor: Any, tables: list[str], present: set[str]) -> dict[str, int]:
    counts = {}
    for table in tables:
        if table in present:
            cursor.execute(f"SELECT count(*) FROM {_quote(table)}")  # noqa: S608 - quoted name
            counts[table] = int(cursor.fetchone()[0])
    return counts


@contextlib.contextmanager
def snapshot(workdir: Path) -> Iterator[Snapshot]:
    """A consistent snapshot of the database. On entry the snapshot is fixed (the caller may
    now release locks it took to line other things up with it); `dump()` inside the block
    writes it to `file`."""
    if connection.vendor == "sqlite":
        yield _sqlite_snapshot(workdir)
    elif connection.vendor == "postgresql":
        with _postgres_snapshot(workdir) as snap:
            yield snap
    else:  # pragma: no cover - only the two supported databases reach here
        raise DatabaseError(f"不支持备份该数据库：{connection.vendor}")


def _sqlite_snapshot(workdir: Path) -> Snapshot:
    target = workdir / "gongkai.sqlite3"
    connection.ensure_connection()
    raw = connection.connection
    dst = sqlite3.connect(target)
    try:
        raw.backup(dst)
        cursor = dst.cursor()
        present = {
            r[0] for r in cursor.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        counts = _count(cursor, list(counted_tables()), present)
        migrations = [list(r) for r in cursor.execute("SELECT app, name FROM django_migrations")]
    finally:
        dst.close()
    return Snapshot("sqlite", SQLITE_MEMBER, target, counts, sorted(migrations))


def pg_env() -> tuple[dict[str, str], str]:
    """Environment for pg_dump/pg_restore (no password on the command line) and the db name."""
    from django.db.backends.postgresql.client import DatabaseClient

    settings_dict = connection.settings_dict
    _args, extra = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    env = {**os.environ, **(extra or {})}
    if settings_dict.get("HOST"):
        env["PGHOST"] = str(settings_dict["HOST"])
    if settings_dict.get("PORT"):
        env["PGPORT"] = str(settings_dict["PORT"])
    if settings_dict.get("USER"):
        env["PGUSER"] = str(settings_dict["USER"])
    return env, str(settings_dict["NAME"])


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise DatabaseError(
            f"找不到 {name}。请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client），"
            "其主版本不低于数据库服务器。"
        )
    return path


@contextlib.contextmanager
def _postgres_snapshot(workdir: Path) -> Iterator[Snapshot]:
    target = workdir / "gongkai.pgdump"
    pg_dump = _tool("pg_dump")
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        raw.autocommit = True
        with raw.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot_id = cursor.fetchone()[0]
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            present = {r[0] for r in cursor.fetchall()}
            counts = _count(cursor, list(counted_tables()), present)
            cursor.execute("SELECT app, name FROM django_migrations")
            migrations = sorted([list(r) for r in cursor.fetchall()])
            env, name = pg_env()

            def dump() -> None:
                done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
                    [
                        pg_dump,
                        "--format=custom",
                        "--no-owner",
                        f"--snapshot={snapshot_id}",
                        f"--file={target}",
                        "--dbname",
                        name,
                    ],
                    env=env,
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if done.returncode != 0:
                    raise DatabaseError(f"pg_dump 失败：{done.stderr.strip()}")

            yield Snapshot("postgresql", POSTGRES_MEMBER, target, counts, migrations, dump)
            cursor.execute("ROLLBACK")
    finally:
        raw.close()


# Loading --------------------------------------------------------------------------------------


def existing_tables() -> list[str]:
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def clear() -> None:
    """Drop every table (and, on PostgreSQL, every function) of the current schema."""
    tables = existing_tables()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA foreign_keys=OFF")
            for table in tables:
                cursor.execute(f"DROP TABLE IF EXISTS {_quote(table)}")
            cursor.execute("PRAGMA foreign_keys=ON")
        return
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"DROP TABLE IF EXISTS {_quote(table)} CASCADE")
        cursor.execute(
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
            "ON n.oid = p.pronamespace WHERE n.nspname = current_schema()"
        )
        for (signature,) in cursor.fetchall():
            cursor.execute(f"DROP FUNCTION IF EXISTS {signature} CASCADE")


def load(file: Path, vendor: str, *, jobs: int = 2) -> None:
    """Load a dump into the configured (empty) database."""
    if vendor != connection.vendor:
        raise DatabaseError(
            f"备份来自 {vendor} 数据库，当前配置的是 {connection.vendor}。"
            "请用同类数据库恢复（在两种数据库之间迁移请用 dumpdata/loaddata）。"
        )
    if vendor == "sqlite":
        connection.ensure_connection()
        src = sqlite3.connect(file)
        try:
            src.backup(connection.connection)
        finally:
            src.close()
        connection.close()
        return
    env, name = pg_env()
    connection.close()
    done = subprocess.run(  # noqa: S603 - fixed arguments, no shell
        [
            _tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            f"--jobs={max(1, jobs)}",
            "--dbname",
            name,
            str(file),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise DatabaseError(f"pg_restore 失败：{done.stderr.strip()}")


def current_counts() -> dict[str, int]:
    present = set(existing_tables())
    with connection.cursor() as cursor:
        return _count(cursor, list(counted_tables()), present)
