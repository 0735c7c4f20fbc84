"""Publishing services: the only way the public site changes.

    site_publish(department=dept, changes=[Change("document", 12)], actor=user)
    site_publish_on_commit(department=dept, changes=[...])   # from inside another service
    site_rebuild(department=dept, actor=user)                # full rebuild
    site_verify(department=dept) -> VerifyReport             # served files vs signed manifest
    site_restore(department=dept, actor=user) -> VerifyReport   # put back what was changed

Views, API, CLI and jobs all call these.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from gongkai.core.models import Department, User
from gongkai.publishing.pages import Change


class PublishError(Exception):
    """Publishing failed; the previous site keeps being served. Message in Chinese."""


def _changes(changes: Iterable[Change | tuple]) -> list[Change]:
    out = []
    for c in changes:
        out.append(c if isinstance(c, Change) else Change(*c))
    return out


def site_publish_on_commit(*, department: Department, changes: Iterable[Change | tuple]) -> None:
    """Publish after the surrounding transaction commits (so pages show committed data)."""
    items = _changes(changes)
    transaction.on_commit(lambda: site_publish(department=department, changes=items))


def site_publish(
    *, department: Department, changes: Iterable[Change | tuple], actor: User | None = None
):  # pragma: no cover - filled in below
    raise NotImplementedError


def site_rebuild(*, department: Department, actor: User | None = None):  # pragma: no cover
    raise NotImplementedError
