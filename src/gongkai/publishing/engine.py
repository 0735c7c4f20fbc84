"""Atomic, incremental static builds with a signed manifest. No Django: paths, bytes, a crypto
suite and today's date come in as arguments.

A site directory holds two complete trees and a link to the one being served:

    a/  b/        the trees; `current` points at one, the other is the standby
    current -> a  a symlink, switched with rename(2), which is atomic
    state.json    {"journal": [files the last switch changed], "pending": [files being touched]}
    lock          flock(2) serialising publishers on this machine

A publish (1) records in state.json every file it will touch in the standby tree, (2) brings the
standby up to date by copying from the served tree the files the previous switch changed (the
journal), (3) writes the new files with temp file + rename, skipping files whose bytes are
unchanged, (4) updates the manifest shards those files fall into and re-signs the manifest,
(5) switches `current` to the standby and (6) records the journal. A crash before (5) leaves
the served tree untouched; the next publish first repairs the standby from the served tree
using the recorded `pending` list.

The manifest lives in the tree, under .well-known/gongkai/: 256 shard files (a file's shard is
the first byte of SHA-256 of its path) holding {path: [sha256, size, serial, date]}, and a root
manifest.json listing each shard's digest, signed. Changing one page rewrites one or two shards
and the root, not a list of 100,000 files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol
from xml.sax.saxutils import escape

import orjson

MANIFEST_DIR = ".well-known/gongkai"
MANIFEST_FILE = f"{MANIFEST_DIR}/manifest.json"
SHARD_DIR = f"{MANIFEST_DIR}/shards"
PUBLIC_KEY_FILE = f"{MANIFEST_DIR}/public-key.pem"
SITEMAP_INDEX = "sitemap.xml"
SITEMAP_DIR = "sitemaps"
FORMAT = "gongkai-manifest/1"
TREES = ("a", "b")
WRITE_THREADS = 3


class Suite(Protocol):
    name: str

    def digest(self, data: bytes) -> str: ...
    def sign(self, data: bytes) -> str: ...
    def verify(self, data: bytes, signature: str) -> bool: ...
    def public_key_text(self) -> str: ...


class EngineError(Exception):
    """The site directory is not in a state the engine can work with. Message in Chinese."""


def shard_of(path: str) -> str:
    return hashlib.sha256(path.encode()).hexdigest()[:2]


def key_id(suite: Suite) -> str:
    """A short fingerprint of the signing key, printed in every page's manifest reference."""
    return suite.digest(suite.public_key_text().encode())[:16]


def is_internal(path: str) -> bool:
    """Files the manifest does not list: the manifest itself and temp files."""
    name = path.rsplit("/", 1)[-1]
    return path.startswith(MANIFEST_DIR + "/") or name.startswith(".gk-tmp-")


def write_atomic(target: Path, data: bytes) -> None:
    """Write a file so that a reader sees the old or the new bytes, never a mix."""
    tmp = target.with_name(f".gk-tmp-{target.name}-{os.getpid()}-{threading.get_ident()}")
    for attempt in range(3):
        try:
            tmp.write_bytes(data)
            break
        except FileNotFoundError:
            # A new folder (or one another thread's prune just removed): create and retry.
            if attempt == 2:
                raise
            target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(tmp, target)


def _copy_atomic(src: Path, target: Path) -> None:
    """Give `target` the same bytes as `src`, atomically. A hard link, not a copy: files are
    never changed in place (always temp file + rename), so sharing an inode is safe and costs no
    data write. (A file tampered with in place is caught by verify and re-rendered by restore.)"""
    with contextlib.suppress(FileNotFoundError):
        if os.path.samefile(src, target):
            return  # already the same file; rename(2) of two links to one inode does nothing
    tmp = target.with_name(f".gk-tmp-{target.name}-{os.getpid()}-{threading.get_ident()}")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    try:
        os.link(src, tmp)
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(src, tmp)
    except OSError:  # a file system without hard links
        shutil.copy2(src, tmp)
    os.replace(tmp, target)


def _remove(tree: Path, rel: str) -> None:
    target = tree / rel
    with contextlib.suppress(FileNotFoundError):
        target.unlink()
    parent = target.parent
    while parent != tree:
        try:
            parent.rmdir()
        except OSError:
            break
        parent = parent.parent


def _generated(path: str) -> bool:
    """Files the engine makes itself (sitemaps), not a page source."""
    return path == SITEMAP_INDEX or path.startswith(SITEMAP_DIR + "/")


def _dump(obj: object) -> bytes:
    """Canonical JSON: sorted keys, no spaces, UTF-8 — the bytes json.dumps(ensure_ascii=False,
    sort_keys=True, separators=(",", ":")) gives, made by orjson, which is ~7× faster (a
    publication re-encodes a few dozen manifest shards)."""
    return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)


# Manifest ---------------------------------------------------------------------------------


@dataclass
class Manifest:
    """The signed list of every file of one tree, loaded shard by shard on demand."""

    tree: Path
    root: dict = field(default_factory=dict)
    signature: str = ""
    _shards: dict[str, dict[str, list]] = field(default_factory=dict)
    dirty: set[str] = field(default_factory=set)
    sitemap_dirty: set[str] = field(default_factory=set)

    @classmethod
    def load(cls, tree: Path) -> Manifest:
        file = tree / MANIFEST_FILE
        if not file.exists():
            return cls(tree=tree, root={"format": FORMAT, "serial": 0, "shards": {}, "count": 0})
        doc = orjson.loads(file.read_bytes())
        return cls(tree=tree, root=doc["manifest"], signature=doc.get("signature", ""))

    @property
    def serial(self) -> int:
        return int(self.root.get("serial", 0))

    def shard(self, key: str) -> dict[str, list]:
        if key not in self._shards:
            file = self.tree / SHARD_DIR / f"{key}.json"
            self._shards[key] = orjson.loads(file.read_bytes())["files"] if file.exists() else {}
        return self._shards[key]

    def get(self, path: str) -> list | None:
        return self.shard(shard_of(path)).get(path)

    def put(self, path: str, sha: str, size: int, serial: int, day: str) -> None:
        key = shard_of(path)
        files = self.shard(key)
        old = files.get(path)
        if path.endswith(".html") and (old is None or old[3] != day):
            self.sitemap_dirty.add(key)  # a new page or a new lastmod: its sitemap changes
        files[path] = [sha, size, serial, day]
        self.dirty.add(key)

    def drop(self, path: str) -> bool:
        key = shard_of(path)
        if self.shard(key).pop(path, None) is None:
            return False
        self.dirty.add(key)
        if path.endswith(".html"):
            self.sitemap_dirty.add(key)
        return True

    def shard_keys(self) -> list[str]:
        return sorted(set(self.root.get("shards", {})) | set(self._shards))

    def entries(self) -> Iterator[tuple[str, list]]:
        for key in self.shard_keys():
            yield from self.shard(key).items()

    def save(self, target: Path, suite: Suite, *, serial: int, site: str, now: str) -> list[str]:
        """Write the dirty shards and the signed root into `target`; return the files written."""
        written = []
        shards = dict(self.root.get("shards", {}))
        sizes = dict(self.root.get("sizes", {}))
        for key in sorted(self.dirty):
            files = self.shard(key)
            rel = f"{SHARD_DIR}/{key}.json"
            if files:
                data = _dump({"shard": key, "files": files})
                write_atomic(target / rel, data)
                shards[key] = suite.digest(data)
                sizes[key] = len(files)
            else:
                _remove(target, rel)
                shards.pop(key, None)
                sizes.pop(key, None)
            written.append(rel)
        count = sum(sizes.values())
        self.root = {
            "format": FORMAT,
            "site": site,
            "serial": serial,
            "created": now,
            "suite": suite.name,
            "key": key_id(suite),
            "count": count,
            "shards": shards,
            "sizes": sizes,
            "sitemaps": self.root.get("sitemaps", []),
        }
        self.signature = suite.sign(_dump(self.root))
        write_atomic(
            target / MANIFEST_FILE,
            json.dumps(
                {"manifest": self.root, "signature": self.signature},
                ensure_ascii=False,
                sort_keys=True,
                indent=1,
            ).encode(),
        )
        written.append(MANIFEST_FILE)
        pem = suite.public_key_text().encode()
        key_file = target / PUBLIC_KEY_FILE
        if not key_file.exists() or key_file.read_bytes() != pem:
            write_atomic(key_file, pem)
            written.append(PUBLIC_KEY_FILE)
        self.dirty.clear()
        self.sitemap_dirty.clear()
        return written


# Sitemap from the manifest ----------------------------------------------------------------


def _sitemap_shard(base_url: str, files: dict[str, list]) -> bytes | None:
    urls = []
    for path, (_sha, _size, _serial, day) in sorted(files.items()):
        if not path.endswith(".html") or path == "404.html":
            continue
        url_path = "/" + (path[: -len("index.html")] if path.endswith("index.html") else path)
        urls.append(f"<url><loc>{escape(base_url + url_path)}</loc><lastmod>{day}</lastmod></url>")
    if not urls:
        return None
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(urls)
        + "\n</urlset>\n"
    ).encode()


def _sitemap_index(base_url: str, keys: Iterable[str]) -> bytes:
    items = [
        f"<sitemap><loc>{escape(base_url)}/{SITEMAP_DIR}/{k}.xml</loc></sitemap>" for k in keys
    ]
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        + "\n".join(items)
        + "\n</sitemapindex>\n"
    ).encode()


def _other(name: str) -> str:
    return "b" if name == "a" else "a"


def _walk_all(tree: Path) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(tree):
        dirnames.sort()
        base = Path(dirpath).relative_to(tree).as_posix()
        prefix = "" if base == "." else base + "/"
        for name in sorted(filenames):
            if not name.startswith(".gk-tmp-"):
                yield prefix + name


class _Journal:
    """state.json: which standby files may differ from the served tree, kept on disk before
    they are touched so an interrupted publish can be repaired."""

    def __init__(self, site: SiteDir, *, full: bool) -> None:
        self.site = site
        self.full = full
        self.pending: set[str] = set()

    def prepare(self, served: Path, standby: Path, touched: Iterable[str]) -> None:
        state = self.site._state()
        repair = set(state.get("journal", [])) | set(state.get("pending", []))
        self.pending = repair | set(touched)
        # A full rebuild touches everything; say so instead of listing 100,000 files.
        self._save(all_=self.full or bool(state.get("all")))
        if state.get("all"):
            self.site._mirror(served, standby)
        else:
            self.site._sync_standby(served, standby, sorted(repair))

    def add(self, paths: Iterable[str]) -> None:
        new = set(paths) - self.pending
        if new:
            self.pending |= new
            if not self.full:
                self._save(all_=False)

    def finish(self, changed: Iterable[str]) -> None:
        self.site._save_state({"journal": sorted(set(changed)), "pending": []})

    def _save(self, *, all_: bool) -> None:
        state: dict = {"journal": [], "pending": [] if all_ else sorted(self.pending)}
        if all_:
            state["all"] = True
        self.site._save_state(state)


# The site directory -----------------------------------------------------------------------


@dataclass
class Result:
    serial: int
    written: list[str]
    removed: list[str]
    total: int
    duration_ms: float


class SiteDir:
    """One department's site directory (see the module docstring)."""

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

    def manifest(self) -> Manifest:
        return Manifest.load(self.served_tree())

    # -- state --
    def _state(self) -> dict:
        file = self.root / "state.json"
        return orjson.loads(file.read_bytes()) if file.exists() else {"journal": [], "pending": []}

    def _save_state(self, state: dict) -> None:
        write_atomic(self.root / "state.json", _dump(state))

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
            (self.root / name).mkdir(parents=True, exist_ok=True)
        if not self.exists():
            tmp = self.root / "current.gk-tmp"
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
            os.symlink("a", tmp)
            os.replace(tmp, self.current_link)

    def _sync_standby(self, served: Path, standby: Path, paths: Iterable[str]) -> None:
        """Make `paths` in the standby tree equal to the served tree."""

        def one(rel: str) -> None:
            src = served / rel
            if src.is_file():
                _copy_atomic(src, standby / rel)
            else:
                _remove(standby, rel)

        paths = list(paths)
        if len(paths) < 1000:
            for rel in paths:
                one(rel)
            return
        with ThreadPoolExecutor(max_workers=WRITE_THREADS) as pool:
            list(pool.map(one, paths, chunksize=64))

    def _mirror(self, served: Path, standby: Path) -> None:
        """Make the whole standby tree equal to the served tree (after an interrupted rebuild)."""
        present = set()
        for rel in _walk_all(served):
            present.add(rel)
            src, dst = served / rel, standby / rel
            s = src.stat()
            try:
                d = dst.stat()
            except FileNotFoundError:
                d = None
            if d is None or d.st_size != s.st_size or d.st_mtime_ns != s.st_mtime_ns:
                _copy_atomic(src, dst)
        for rel in list(_walk_all(standby)):
            if rel not in present:
                _remove(standby, rel)

    def settle(self) -> int:
        """Bring the standby tree up to date now (after a rebuild), so the next publish only
        touches its own files. Returns the number of files synchronised."""
        with self.locked():
            if not self.exists():
                return 0
            served = self.served_tree()
            standby = self.root / _other(served.name)
            state = self._state()
            if state.get("all"):
                self._mirror(served, standby)
                n = -1
            else:
                paths = sorted(set(state.get("journal", [])) | set(state.get("pending", [])))
                self._sync_standby(served, standby, paths)
                n = len(paths)
            self._save_state({"journal": [], "pending": []})
            return n

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
    ) -> Result:
        """Write files (relative paths, bytes) and remove files, then switch atomically.

        `full`: the writes are the whole site; every other listed file is removed.
        `touched`: files the caller knows it will write (recorded before the standby is
        changed, so a crash can be repaired); files beyond the list are recorded as they go.
        `fail_after`: raise after writing that many files (crash tests only).
        """
        started = time.perf_counter()
        with self.locked():
            self._init()
            served = self.served_tree()
            standby = self.root / _other(served.name)
            journal = _Journal(self, full=full)
            journal.prepare(served, standby, touched)
            manifest = Manifest.load(standby)
            serial = manifest.serial + 1
            stamp = (serial, today.isoformat())
            written, seen = self._write(manifest, standby, writes, journal, stamp, fail_after)
            gone = set(removes)
            if full:
                gone |= {p for p, _ in manifest.entries() if p not in seen and not _generated(p)}
            removed = sorted(rel for rel in gone - seen if manifest.get(rel) is not None)
            journal.add(removed)
            for rel in removed:
                manifest.drop(rel)
                _remove(standby, rel)
            written += self._update_sitemaps(manifest, standby, stamp, journal)
            internal = manifest.save(standby, self.suite, serial=serial, site=self.site, now=now)
            self._switch(standby.name)
            journal.finish([*written, *removed, *internal])
            total = int(manifest.root.get("count", 0))
        return Result(serial, written, removed, total, (time.perf_counter() - started) * 1000)

    def _write(
        self,
        manifest: Manifest,
        standby: Path,
        writes: Iterable[tuple[str, bytes]],
        journal: _Journal,
        stamp: tuple[int, str],
        fail_after: int | None,
    ) -> tuple[list[str], set[str]]:
        if journal.full and fail_after is None:
            return self._write_parallel(manifest, standby, writes, stamp)
        written: list[str] = []
        seen: set[str] = set()
        for rel, data in writes:
            if is_internal(rel) or _generated(rel):
                raise EngineError(f"页面不能写入清单或站点地图的位置：{rel}")
            seen.add(rel)
            sha = self.suite.digest(data)
            entry = manifest.get(rel)
            if entry is not None and entry[0] == sha and (standby / rel).is_file():
                continue
            journal.add([rel])
            write_atomic(standby / rel, data)
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
            if sha == old and (standby / rel).is_file():
                return rel, sha, len(data), False
            write_atomic(standby / rel, data)
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

        with ThreadPoolExecutor(max_workers=WRITE_THREADS) as pool:
            for rel, data in writes:
                if is_internal(rel) or _generated(rel):
                    raise EngineError(f"页面不能写入清单或站点地图的位置：{rel}")
                if rel in seen:
                    drain(0)  # the same file twice: keep the order of the writes
                seen.add(rel)
                entry = manifest.get(rel)
                inflight.append(pool.submit(job, rel, data, entry[0] if entry else None))
                drain(512)
            drain(0)
        return written, seen

    def _update_sitemaps(
        self, manifest: Manifest, standby: Path, stamp: tuple[int, str], journal: _Journal
    ) -> list[str]:
        """Regenerate the sitemap of every shard whose pages changed, and the index."""
        keys = sorted(manifest.sitemap_dirty)
        writes: list[tuple[str, bytes | None]] = []
        for key in keys:
            data = _sitemap_shard(self.base_url, manifest.shard(key))
            writes.append((f"{SITEMAP_DIR}/{key}.xml", data))
        done: list[str] = []
        journal.add([*(rel for rel, _ in writes), SITEMAP_INDEX])
        sitemaps = set(manifest.root.get("sitemaps", []))
        before = set(sitemaps)
        for rel, data in writes:
            key = rel[len(SITEMAP_DIR) + 1 : -4]
            entry = manifest.get(rel)
            if data is None:
                sitemaps.discard(key)
                if manifest.drop(rel):
                    _remove(standby, rel)
                    done.append(rel)
                continue
            sitemaps.add(key)
            sha = self.suite.digest(data)
            if entry is not None and entry[0] == sha:
                continue
            write_atomic(standby / rel, data)
            manifest.put(rel, sha, len(data), *stamp)
            done.append(rel)
        manifest.root["sitemaps"] = sorted(sitemaps)
        if sitemaps != before or manifest.get(SITEMAP_INDEX) is None:
            data = _sitemap_index(self.base_url, sorted(sitemaps))
            write_atomic(standby / SITEMAP_INDEX, data)
            manifest.put(SITEMAP_INDEX, self.suite.digest(data), len(data), *stamp)
            done.append(SITEMAP_INDEX)
        return done

    def _switch(self, name: str) -> None:
        tmp = self.root / "current.gk-tmp"
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        os.symlink(name, tmp)
        os.replace(tmp, self.current_link)


# Verification and restore -----------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One difference between a served tree and its signed manifest."""

    kind: str  # "changed" | "added" | "missing" | "signature" | "shard"
    path: str
    detail: str

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def as_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "path": self.path, "detail": self.detail}


KIND_LABELS = {
    "changed": "内容被修改",
    "added": "清单外的文件",
    "missing": "文件缺失",
    "signature": "清单签名无效",
    "shard": "清单分片被修改",
}


def _walk(tree: Path) -> Iterator[str]:
    for dirpath, dirnames, filenames in os.walk(tree):
        dirnames.sort()
        base = Path(dirpath).relative_to(tree).as_posix()
        prefix = "" if base == "." else base + "/"
        for name in sorted(filenames):
            rel = prefix + name
            if not is_internal(rel) or (
                rel.startswith(MANIFEST_DIR + "/") and not _known_internal(rel)
            ):
                yield rel


def _known_internal(rel: str) -> bool:
    if rel in (MANIFEST_FILE, PUBLIC_KEY_FILE):
        return True
    return rel.startswith(SHARD_DIR + "/") and rel.endswith(".json") and rel.count("/") == 3


def _file_digest(suite: Suite, path: Path) -> str | None:
    if path.is_symlink() or not path.is_file():
        return None
    return suite.digest(path.read_bytes())


def verify_tree(tree: Path, suite: Suite) -> list[Problem]:
    """Every file that differs from the signed manifest; an empty list means all is well."""
    problems: list[Problem] = []
    file = tree / MANIFEST_FILE
    if not file.is_file():
        return [
            Problem(
                "missing", MANIFEST_FILE, "清单文件不存在，无法校验。请运行 gongkai site build。"
            )
        ]
    doc = orjson.loads(file.read_bytes())
    root = doc.get("manifest", {})
    if not suite.verify(_dump(root), doc.get("signature", "")):
        problems.append(
            Problem("signature", MANIFEST_FILE, "清单签名与本系统密钥不符，清单可能被篡改。")
        )
    expected = _expected(tree, suite, root, problems)
    present = list(_walk(tree))
    with ThreadPoolExecutor(max_workers=4) as pool:
        digests = dict(
            zip(present, pool.map(lambda r: _file_digest(suite, tree / r), present), strict=True)
        )
    for rel in present:
        if rel.startswith(MANIFEST_DIR + "/"):
            problems.append(Problem("added", rel, "清单目录中出现了未知文件。"))
        elif rel not in expected:
            problems.append(Problem("added", rel, "文件不在清单中（可能被植入）。"))
        elif digests[rel] != expected[rel]:
            problems.append(Problem("changed", rel, "文件内容与清单中的 SHA-256 不符。"))
    for rel in sorted(set(expected) - set(present)):
        problems.append(Problem("missing", rel, "清单中的文件不存在。"))
    return problems


def _expected(tree: Path, suite: Suite, root: dict, problems: list[Problem]) -> dict[str, str]:
    expected: dict[str, str] = {}
    for key, digest in sorted(root.get("shards", {}).items()):
        shard_file = tree / SHARD_DIR / f"{key}.json"
        if not shard_file.is_file():
            problems.append(Problem("shard", f"{SHARD_DIR}/{key}.json", "清单分片缺失。"))
            continue
        data = shard_file.read_bytes()
        if suite.digest(data) != digest:
            problems.append(Problem("shard", f"{SHARD_DIR}/{key}.json", "清单分片与签名清单不符。"))
        for path, entry in orjson.loads(data)["files"].items():
            expected[path] = entry[0]
    return expected


def expected_digest(tree: Path, rel: str) -> str | None:
    """The SHA-256 the manifest records for one file (None if the file is not listed)."""
    entry = Manifest.load(tree).get(rel)
    return entry[0] if entry else None


def restore_tree(
    tree: Path,
    suite: Suite,
    problems: Iterable[Problem],
    good: Callable[[str], bytes | None],
    quarantine: Path,
) -> tuple[list[str], list[str], list[Problem]]:
    """Put back changed and missing files (bytes from `good`, checked against the manifest) and
    move added files into `quarantine` as evidence. Returns (restored, quarantined, unresolved)."""
    manifest = Manifest.load(tree)
    restored: list[str] = []
    moved: list[str] = []
    unresolved: list[Problem] = []
    for p in problems:
        if p.kind in ("changed", "missing"):
            entry = manifest.get(p.path)
            data = good(p.path) if entry else None
            if entry is None or data is None or suite.digest(data) != entry[0]:
                unresolved.append(p)
                continue
            if p.kind == "changed":
                _quarantine(tree, p.path, quarantine)
            write_atomic(tree / p.path, data)
            restored.append(p.path)
        elif p.kind == "added":
            _quarantine(tree, p.path, quarantine)
            moved.append(p.path)
        else:
            unresolved.append(p)
    return restored, moved, unresolved


def _quarantine(tree: Path, rel: str, quarantine: Path) -> None:
    src = tree / rel
    if not (src.exists() or src.is_symlink()):
        return
    target = quarantine / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    os.replace(src, target)
