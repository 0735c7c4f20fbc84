"""Publishing services: the only way the public site changes.

    site_publish(department=dept, changes=[Change("document", 12)], actor=user)
    site_publish_on_commit(department=dept, changes=[...])   # from inside another service
    site_rebuild(department=dept, actor=user)                # full rebuild
    site_verify(department=dept) -> VerifyReport             # served files vs signed manifest
    site_restore(department=dept, actor=user) -> RestoreReport  # put back what was changed
    site_check_page(department=dept, path="/x.html", data=b"...") -> "ok" | "changed" | "unknown"

Views, API, CLI and jobs all call these.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from gongkai.core import audit
from gongkai.core.crypto import suite
from gongkai.core.errors import DomainError
from gongkai.core.models import Department, Role, User
from gongkai.core.permissions import (
    require_can_change_content,
    require_role,
    require_same_department,
)
from gongkai.publishing import engine, pages
from gongkai.publishing.models import Publication
from gongkai.publishing.pages import Affected, Change, Page, file_for
from gongkai.publishing.render import render_page
from gongkai.publishing.site import SiteInfo, site_info

PUBLISH_ROLES = (Role.PUBLISHER, Role.DISCLOSURE_HEAD, Role.SYSADMIN)


class PublishError(DomainError):
    """Publishing failed; the previous site keeps being served. Message in Chinese."""


def site_dir(info: SiteInfo) -> engine.SiteDir:
    return engine.SiteDir(info.root, suite(), site=info.slug, base_url=info.base_url)


def _check_actor(actor: User | None, department: Department) -> None:
    if actor is None:  # the system: a job, the CLI, the demo loader
        return
    require_role(actor, *PUBLISH_ROLES)
    require_can_change_content(actor)
    require_same_department(actor, department.pk, "网站")


def _changes(changes: Iterable[Change | tuple]) -> list[Change]:
    out = []
    for c in changes:
        if isinstance(c, Change):
            out.append(c)
        elif isinstance(c, tuple) and 1 <= len(c) <= 3:
            out.append(Change(*c[:2]))  # ("document", id[, department]) — department is explicit
        else:
            raise PublishError(f"无法识别的变更：{c!r}。应为 Change(kind, id)。")
    return out


def _now() -> tuple[dt.date, str]:
    now = timezone.localtime()
    return timezone.localdate(now), now.isoformat(timespec="seconds")


def affected(info: SiteInfo, changes: Iterable[Change]) -> Affected:
    """Ask every registered source what these changes touch (later sources win on a path)."""
    total = Affected()
    for change in changes:
        for source in pages.sources():
            total.extend(source.affected(info, change))
    return total


def site_publish_on_commit(
    *, department: Department, changes: Iterable[Change | tuple], actor: User | None = None
) -> None:
    """Publish after the surrounding transaction commits (so pages show committed data)."""
    items = _changes(changes)
    transaction.on_commit(lambda: site_publish(department=department, changes=items, actor=actor))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold Python's cyclic garbage collector for one publication. A publication allocates tens
    of thousands of short-lived containers (the manifest shards it updates, rows, contexts),
    none in reference cycles, so reference counting frees them all; yet their number made the
    collector run a full collection of the server's heap every few publications — 50–70 ms
    pauses at 100,000 documents (docs/benchmarks.md). The collector resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def site_publish(
    *, department: Department, changes: Iterable[Change | tuple], actor: User | None = None
) -> Publication:
    """Re-render exactly the pages the changes affect and switch them in atomically, on every
    web root (services/queue.py: the request goes through the department's publication queue,
    so any app server may call this). On a site that was never built this is a full build."""
    from gongkai.publishing.services.queue import publication_request

    _check_actor(actor, department)
    items = _changes(changes)
    return publication_request(department=department, kind="publish", changes=items, actor=actor)


# Not @transaction.atomic: files are not transactional, and holding a database transaction
# (on SQLite, the write lock) while rendering and writing would block every other writer. The
# record of the publication is written atomically once the switch has happened.
def publish_now(
    info: SiteInfo, site: engine.SiteDir, changes: list[Change], *, serial: int = 0
) -> engine.Result:
    """Render the pages the changes affect and switch them in (the caller holds the lock)."""
    with _collector_paused():
        todo = affected(info, changes)
        by_file: dict[str, Page] = {p.file: p for p in todo.pages}
        key = engine.key_id(site.suite)
        writes = [(f, render_page(info, p, key_id=key)) for f, p in by_file.items()]
        removes = [file_for(path) for path in todo.remove]
        today, now = _now()
        try:
            return site.apply(
                writes, removes, today=today, now=now, touched=list(by_file), serial=serial
            )
        except (OSError, engine.EngineError) as exc:
            raise PublishError(f"发布失败，网站仍为上一版本：{exc}") from exc


@transaction.atomic
def record_publication(
    department: Department,
    actor: User | None,
    kind: str,
    changes: list[Change],
    result: engine.Result,
) -> Publication:
    pub, _ = Publication.objects.update_or_create(
        department=department,
        serial=result.serial,
        defaults={
            "kind": kind,
            "changes": [[c.kind, c.id] for c in changes],
            "written": len(result.written),
            "removed": len(result.removed),
            "total": result.total,
            "duration_ms": round(result.duration_ms, 2),
            "checked_dirs": result.checked_dirs,
            "repaired": result.repaired[:100],
        },
    )
    audit.record(
        actor=actor,
        action=f"publishing.{kind}",
        obj=pub,
        after={
            "serial": result.serial,
            "changes": pub.changes,
            "written": result.written[:50],
            "removed": result.removed[:50],
            **({"repaired": result.repaired[:50]} if result.repaired else {}),
        },
        department_id=department.pk,
    )
    return pub


def all_pages(info: SiteInfo) -> Iterator[Page]:
    for source in pages.sources():
        yield from source.pages(info)


def _rendered(info: SiteInfo, key: str) -> Iterator[tuple[str, bytes]]:
    for page in all_pages(info):
        yield page.file, render_page(info, page, key_id=key)


def site_rebuild(*, department: Department, actor: User | None = None) -> Publication:
    """Render every page of every source into the standby tree and switch; files no source
    produces any more are removed. Unchanged files are not rewritten."""
    from gongkai.publishing.services.queue import publication_request

    _check_actor(actor, department)
    return publication_request(
        department=department, kind="rebuild", changes=[Change("site", "all")], actor=actor
    )


def rebuild_now(info: SiteInfo, site: engine.SiteDir, *, serial: int = 0) -> engine.Result:
    """The full build itself (the caller holds the lock)."""
    today, now = _now()
    try:
        result = site.apply(
            _rendered(info, engine.key_id(site.suite)),
            today=today,
            now=now,
            full=True,
            serial=serial,
        )
        site.settle()
    except (OSError, engine.EngineError) as exc:
        raise PublishError(f"全站重建失败，网站仍为上一版本：{exc}") from exc
    return result


@dataclass
class VerifyReport:
    department: str
    root: Path
    serial: int
    files: int
    problems: list[engine.Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return {
            "site": self.department,
            "root": str(self.root),
            "serial": self.serial,
            "files": self.files,
            "ok": self.ok,
            "problems": [p.as_dict() for p in self.problems],
        }


def site_verify(*, department: Department) -> VerifyReport:
    """Compare every served file with the signed manifest (read-only)."""
    info = site_info(department)
    site = site_dir(info)
    if not site.exists():
        raise PublishError(f"{department.name}的网站尚未生成。请先运行 gongkai site build。")
    tree = site.served_tree()
    manifest = engine.Manifest.load(tree)
    return VerifyReport(
        department=department.slug,
        root=tree,
        serial=manifest.serial,
        files=int(manifest.root.get("count", 0)),
        problems=engine.verify_tree(tree, site.suite),
    )


@dataclass
class RestoreReport:
    before: VerifyReport
    restored: list[str]
    quarantined: list[str]
    quarantine_dir: Path
    unresolved: list[engine.Problem]
    after: VerifyReport


def _good_bytes(info: SiteInfo, site: engine.SiteDir, wanted: set[str]) -> dict[str, bytes]:
    """Known-good bytes for `wanted` files: from the standby tree where it matches the
    manifest (a file changed in place is changed in both trees: it does not match), otherwise
    rendered afresh from the database."""
    served = site.served_tree()
    standby = site.root / ("b" if served.name == "a" else "a")
    manifest = engine.Manifest.load(served)
    good: dict[str, bytes] = {}
    for rel in wanted:
        entry = manifest.get(rel)
        copy = standby / rel
        if entry and copy.is_file() and not copy.is_symlink():
            data = copy.read_bytes()
            if site.suite.digest(data) == entry[0]:
                good[rel] = data
    missing = wanted - set(good)
    if missing:
        for rel, data in _rendered(info, engine.key_id(site.suite)):
            if rel in missing:
                good[rel] = data
    return good


def site_restore(*, department: Department, actor: User | None = None) -> RestoreReport:
    """Put back every changed or deleted file and move planted files into quarantine (kept
    as evidence under SITE_ROOT/<site>/quarantine/<time>/)."""
    _check_actor(actor, department)
    info = site_info(department)
    site = site_dir(info)
    before = site_verify(department=department)
    wanted = {
        p.path
        for p in before.problems
        if p.kind in ("changed", "missing", "mode") and not p.path.endswith("/")
    }
    good = _good_bytes(info, site, wanted) if wanted else {}
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S-%f")
    quarantine = site.root / "quarantine" / stamp
    done = site.restore(before.problems, good.get, quarantine)
    restored, moved, unresolved = done.restored, done.quarantined, done.unresolved
    after = site_verify(department=department)
    audit.record(  # atomic by itself
        actor=actor,
        action="publishing.restore",
        object_type="publishing.site",
        object_id=department.slug,
        object_repr=f"{department.name} 网站",
        before={"problems": [p.as_dict() for p in before.problems[:100]]},
        after={
            "restored": restored,
            "quarantined": moved,
            "standby": done.standby[:100],
            "remaining": len(after.problems),
        },
        department_id=department.pk,
    )
    return RestoreReport(before, restored, moved, quarantine, unresolved, after)


def site_check_page(*, department: Department, path: str, data: bytes) -> str:
    """Does `data` (e.g. a page fetched from the live site or a copy) match what was signed for
    the URL path? "ok", "changed", or "unknown" (not a published path)."""
    info = site_info(department)
    site = site_dir(info)
    if not site.exists():
        return "unknown"
    expected = engine.expected_digest(site.served_tree(), file_for(path))
    if expected is None:
        return "unknown"
    return "ok" if site.suite.digest(data) == expected else "changed"
