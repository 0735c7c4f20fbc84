"""The publication queue: any app server may publish.

Each app server builds in its own local folder (SITE_ROOT) and distributes the result to the
web roots (services/distribute.py). A publication is a request in the database; the server
that files it takes the department's publication lock (services/lock.py: a PostgreSQL
advisory lock, a file lock on SQLite) and works through every queued request of the
department in one go — a request another server filed meanwhile is published with it, and
that server finds its request done when it gets the lock.

A server whose local build is behind (another server published since its last turn) first
catches up: the changes of every publication it missed are re-rendered with the new ones, so
its build equals what one server publishing everything would have built. Publication numbers
come from the database, so every web root shows one sequence whichever server published.
"""

from __future__ import annotations

import os
import socket

from django.db.models import Max
from django.utils import timezone

from gongkai.core.models import Department, User
from gongkai.publishing.models import Publication, PublicationRequest
from gongkai.publishing.pages import Change
from gongkai.publishing.services.lock import publication_lock
from gongkai.publishing.services.publish import (
    PublishError,
    publish_now,
    rebuild_now,
    record_publication,
    site_dir,
)
from gongkai.publishing.site import site_info

HOST = f"{socket.gethostname()}:{os.getpid()}"
# Beyond this many missed publications a full build (which rewrites only changed files) is
# cheaper than re-rendering each one's pages.
CATCH_UP_LIMIT = 200


def publication_request(
    *, department: Department, kind: str, changes: list[Change], actor: User | None
) -> Publication:
    """File a request and see it through: published (returns the Publication) or PublishError."""
    request = PublicationRequest.objects.create(
        department=department,
        kind=kind,
        changes=[[c.kind, c.id] for c in changes],
        host=HOST[:100],
    )
    publication_drain(department=department, actor=actor)
    request.refresh_from_db()
    if request.status != PublicationRequest.Status.DONE or request.publication is None:
        raise PublishError(request.error or "发布请求未能完成，网站仍为上一版本。")
    return request.publication


def publication_drain(*, department: Department, actor: User | None = None) -> Publication | None:
    """Publish every queued request of the department (under its lock); None if none was left."""
    with publication_lock(department):
        pending = list(
            PublicationRequest.objects.filter(
                department=department, status=PublicationRequest.Status.QUEUED
            ).order_by("id")
        )
        if not pending:
            return None
        ids = [r.pk for r in pending]
        try:
            publication = _publish(department, pending, actor)
        except PublishError as exc:
            PublicationRequest.objects.filter(pk__in=ids).update(
                status=PublicationRequest.Status.FAILED, error=str(exc), done_at=timezone.now()
            )
            return None
        PublicationRequest.objects.filter(pk__in=ids).update(
            status=PublicationRequest.Status.DONE, publication=publication, done_at=timezone.now()
        )
        from gongkai.publishing.services.distribute import distribute

        distribute(department=department)
        return publication


def _publish(
    department: Department, pending: list[PublicationRequest], actor: User | None
) -> Publication:
    info = site_info(department)
    site = site_dir(info)
    last = Publication.objects.filter(department=department).aggregate(n=Max("serial"))["n"] or 0
    local = site.manifest().serial if site.exists() else 0
    changes = [Change(*c) for r in pending for c in r.changes]
    rebuild = not site.exists() or any(r.kind == PublicationRequest.Kind.REBUILD for r in pending)
    catch_up: list[Change] = []
    if not rebuild and local < last:
        missed = list(
            Publication.objects.filter(department=department, serial__gt=local).order_by("serial")
        )
        if len(missed) > CATCH_UP_LIMIT or any(p.kind != Publication.Kind.PUBLISH for p in missed):
            rebuild = True
        else:
            catch_up = [Change(*c) for p in missed for c in p.changes]
    serial = max(last, local) + 1
    if rebuild:
        result = rebuild_now(info, site, serial=serial)
        kind = Publication.Kind.REBUILD
        changes = [Change("site", "all")]
    else:
        result = publish_now(info, site, [*catch_up, *changes], serial=serial)
        kind = Publication.Kind.PUBLISH
    return record_publication(department, actor, kind, _unique(changes), result)


def _unique(changes: list[Change]) -> list[Change]:
    seen: dict[tuple, Change] = {}
    for c in changes:
        seen.setdefault((c.kind, c.id), c)
    return list(seen.values())


def local_catch_up(department: Department) -> None:
    """Bring this server's local build up to the latest publication without a new one (before
    a retried distribution from a server that did not publish last). Caller holds the lock."""
    info = site_info(department)
    site = site_dir(info)
    last = Publication.objects.filter(department=department).aggregate(n=Max("serial"))["n"] or 0
    local = site.manifest().serial if site.exists() else 0
    if local >= last:
        return
    missed = list(Publication.objects.filter(department=department, serial__gt=local))
    if (
        not site.exists()
        or len(missed) > CATCH_UP_LIMIT
        or any(p.kind != Publication.Kind.PUBLISH for p in missed)
    ):
        rebuild_now(info, site, serial=last)
    else:
        publish_now(info, site, [Change(*c) for p in missed for c in p.changes], serial=last)
