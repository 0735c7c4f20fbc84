"""One department's site directory: the two trees, the lock, the one operation (`apply`:
write, remove, re-sign, switch) and the atomic switch itself."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.publishing.engine import files, guard, journal, sitemap
from gongkai.publishing.engine.journal import Journal
from gongkai.publishing.engine.manifest import Manifest, Suite, is_internal
from gongkai.publishing.engine.verify import Problem, restore_tree

TREES = ("a", "b")


class EngineError(Exception):
    """The site directory is not in a state the engine can work with. Message in Chinese."""


def other(name: str) -> str:
    """The other tree's name."""
    return "b" if name == "a" else "a"


@dataclass
class Result:
    serial: int
    written: list[str]
    removed: list[str]
    total: int
    duration_ms: float
    checked_dirs: int = 0  # folders of the standby tree checked before it was served
    repaired: list[str] = field(default_factory=list)  # standby paths put back before serving
    quarantine: Path | None = None  # where what was set aside went


@dataclass
class Restored:
    restored: list[str]
    quarantined: list[str]
    unresolved: list[Problem]
    standby: list[str]  # standby paths made the restored served files again


class SiteDir:
    """One department's site directory (see the package docstring)."""

    def __init__(self, root: Path, suite: Suite, *, site: str, base_url: str) -> None:
        self.root = root
        self.suite = suite
        self.site = site
        self.base_url = base_url.rstrip("/")

    # -- inspection --
    @property
    def current_link(self) -> Path:
        return self.root / "current"

    def exists(self) -> bool:
        return self.current_link.is_symlink()

    def current_name(self) -> str:
        name = os.readlink(self.current_link)
        if name not in TREES:
            raise EngineError(f"站点目录 {self.root} 的 current 链接指向了未知位置：{name}")
        return name

    def served_tree(self) -> Path:
        return self.root / self.current_name()

    def standby_tree(self) -> Path:
        return self.root / other(self.current_name())

    def manifest(self) -> Manifest:
        return Manifest.load(self.served_tree())

    def state(self) -> dict:
        """The journal (state.json)."""
        return journal.read_state(self.root)

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / "lock", "a+b") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)

    def _init(self) -> None:
        for name in TREES:
            files.makedirs(self.root / name)
        if not self.exists():
            tmp = self.root / "current.gk-tmp"
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            os.symlink("a", tmp)
            os.replace(tmp, self.current_link)

    def settle(self) -> int:
        """Bring the standby tree up to date now (after a rebuild), so the next publish only
        touches its own files. Returns the number of files synchronised."""
        with self.locked():
            if not self.exists():
                return 0
            served, standby = self.served_tree(), self.standby_tree()
            records = guard.DirRecords(self.root)
            suspects = records.changed(standby)  # before settling changes it
            n = journal.settle(self.root, served, standby)
            serial = Manifest.load(served).serial
            quarantine = self.root / "quarantine" / f"settle-{serial}"
            guard.check_standby(served, standby, suspects, quarantine)
            records.record_all(standby)
            records.save()
            return n

    def restore(
        self, problems: Iterable[Problem], good: Callable[[str], bytes | None], quarantine: Path
    ) -> Restored:
        """Repair the served tree (see `verify.restore_tree`), then make the standby tree the
        served one again, file for file, so that no tree keeps a tampered file: one changed in
        place was shared by both trees. Planted standby files go to `quarantine`/standby."""
        with self.locked():
            served, standby = self.served_tree(), self.standby_tree()
            restored, moved, unresolved = restore_tree(
                served, self.suite, problems, good, quarantine
            )
            if unresolved:  # keep the standby's copies: they may be the good ones
                files.sync(served, standby, [*restored, *moved])
                fixed = [*restored, *moved]
            else:
                state = journal.read_state(self.root)
                if state.get("all"):
                    files.mirror(served, standby)
                else:
                    files.sync(served, standby, [*state["journal"], *state["pending"]])
                fixed = files.mirror(served, standby, quarantine=quarantine / "standby")
                journal.write_state(self.root, {"journal": [], "pending": []})
            records = guard.DirRecords(self.root)
            records.record_all(served)
            records.record_all(standby)
            records.save()
        return Restored(restored, moved, unresolved, fixed)

    # -- the one operation --
    def apply(
        self,
        writes: Iterable[tuple[str, bytes]],
        removes: Iterable[str] = (),
        *,
        today: dt.date,
        now: str,
        full: bool = False,
        touched: Iterable[str] = (),
        fail_after: int | None = None,
        serial: int = 0,
    ) -> Result:
        """Write files (relative paths, bytes) and remove files, then switch atomically.

        `full`: the writes are the whole site; every other listed file is removed.
        `touched`: files the caller knows it will write (recorded before the standby is
        changed, so a crash can be repaired); files beyond the list are recorded as they go.
        `fail_after`: raise after writing that many files (crash tests only).
        `serial`: the publication's number when the caller keeps the count (several app
        servers share one sequence); never below the tree's own next number.

        Before it writes, the standby tree is checked (see `guard`): folders someone changed
        are mirrored from the served tree, what was planted is set aside in
        quarantine/publish-<serial>/.
        """
        started = time.perf_counter()
        with self.locked():
            self._init()
            served = self.served_tree()
            standby = self.root / other(served.name)
            records = guard.DirRecords(self.root)
            suspects = records.changed(standby)  # before this publication touches it
            checked = len(records.data.get(standby.name, {})) if suspects is not None else 0
            record = Journal(self.root, full=full)
            record.prepare(served, standby, touched)
            # Checked before the standby's manifest is read: it may be what was altered.
            next_serial = max(serial, Manifest.load(served).serial + 1)
            quarantine = self.root / "quarantine" / f"publish-{next_serial}"
            repaired = guard.check_standby(served, standby, suspects, quarantine)
            manifest = Manifest.load(standby)
            serial = max(serial, manifest.serial + 1)
            stamp = (serial, today.isoformat())
            written, seen = self._write(manifest, standby, writes, record, stamp, fail_after)
            gone = set(removes)
            if full:
                gone |= {
                    p
                    for p, _ in manifest.entries()
                    if p not in seen and not sitemap.is_generated(p)
                }
            removed = sorted(rel for rel in gone - seen if manifest.get(rel) is not None)
            record.add(removed)
            for rel in removed:
                manifest.drop(rel)
                files.remove(standby, rel)
            written += sitemap.update(
                manifest, standby, self.suite, self.base_url, stamp, record.add
            )
            internal = manifest.save(standby, self.suite, serial=serial, site=self.site, now=now)
            self._switch(standby.name)
            changed = [*written, *removed, *internal]
            record.finish(changed)
            if suspects is None or repaired or full:
                records.record_all(standby)
            else:
                records.update(standby, guard.parents([*changed, *record.pending]) | set(suspects))
            records.save()
            total = int(manifest.root.get("count", 0))
        return Result(
            serial,
            written,
            removed,
            total,
            (time.perf_counter() - started) * 1000,
            checked_dirs=checked,
            repaired=repaired,
            quarantine=quarantine if repaired else None,
        )

    def _write(
        self,
        manifest: Manifest,
        standby: Path,
        writes: Iterable[tuple[str, bytes]],
        record: Journal,
        stamp: tuple[int, str],
        fail_after: int | None,
    ) -> tuple[list[str], set[str]]:
        if record.full and fail_after is None:
            return self._write_parallel(manifest, standby, writes, stamp)
        written: list[str] = []
        seen: set[str] = set()
        for rel, data in writes:
            _check_writable(rel)
            seen.add(rel)
            sha = self.suite.digest(data)
            entry = manifest.get(rel)
            if entry is not None and entry[0] == sha and files.same_bytes(standby / rel, data):
                continue
            record.add([rel])
            files.write_atomic(standby / rel, data)
            manifest.put(rel, sha, len(data), *stamp)
            written.append(rel)
            if fail_after is not None and len(written) >= fail_after:
                raise EngineError("模拟中断（测试用）")
        return written, seen

    def _write_parallel(
        self,
        manifest: Manifest,
        standby: Path,
        writes: Iterable[tuple[str, bytes]],
        stamp: tuple[int, str],
    ) -> tuple[list[str], set[str]]:
        """A full build: the caller renders (holding the GIL) while worker threads hash and
        write (file-system calls and SHA-256 release it), so rendering and I/O overlap."""
        suite = self.suite

        def job(rel: str, data: bytes, old: str | None) -> tuple[str, str, int, bool]:
            sha = suite.digest(data)
            if sha == old and files.same_bytes(standby / rel, data):
                return rel, sha, len(data), False
            files.write_atomic(standby / rel, data)
            return rel, sha, len(data), True

        written: list[str] = []
        seen: set[str] = set()
        inflight: list = []

        def drain(limit: int) -> None:
            while len(inflight) > limit:
                rel, sha, size, wrote = inflight.pop(0).result()
                if wrote:
                    manifest.put(rel, sha, size, *stamp)
                    written.append(rel)

        with ThreadPoolExecutor(max_workers=files.WRITE_THREADS) as pool:
            for rel, data in writes:
                _check_writable(rel)
                if rel in seen:
                    drain(0)  # the same file twice: keep the order of the writes
                seen.add(rel)
                entry = manifest.get(rel)
                inflight.append(pool.submit(job, rel, data, entry[0] if entry else None))
                drain(512)
            drain(0)
        return written, seen

    def _switch(self, name: str) -> None:
        tmp = self.root / "current.gk-tmp"
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        os.symlink(name, tmp)
        os.replace(tmp, self.current_link)


def _check_writable(rel: str) -> None:
    if is_internal(rel) or sitemap.is_generated(rel):
        raise EngineError(f"页面不能写入清单或站点地图的位置：{rel}")
