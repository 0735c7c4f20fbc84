"""One publisher per department at a time, across every app server.

PostgreSQL: a session-level advisory lock keyed by the department, so that app servers on
different machines (each with its own local build folder) queue behind each other; it is
released when the block ends or, if the process dies, when its connection closes. SQLite (the
embedded default, one machine): flock(2) on a file beside the site folder.
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.db import connection

from gongkai.core.models import Department

# The first key of pg_advisory_lock(int, int): "gk" — the second is the department's id.
LOCK_CLASS = 0x676B


@contextlib.contextmanager
def publication_lock(department: Department) -> Iterator[None]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", [LOCK_CLASS, department.pk])
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_CLASS, department.pk])
        return
    folder = Path(settings.SITE_ROOT)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / f".publish-{department.slug}.lock", "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
