"""Verification of a served tree against its signed manifest, and restore of what differs."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import orjson

from gongkai.publishing.engine import files
from gongkai.publishing.engine.manifest import (
    MANIFEST_DIR,
    MANIFEST_FILE,
    SHARD_DIR,
    Manifest,
    Suite,
    dump,
    is_internal,
    is_known_internal,
)


@dataclass(frozen=True)
class Problem:
    """One difference between a served tree and its signed manifest."""

    kind: str  # "changed" | "added" | "missing" | "mode" | "signature" | "shard"
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
    "mode": "权限被修改",
    "signature": "清单签名无效",
    "shard": "清单分片被修改",
}


@dataclass
class _Listing:
    files: list[str]
    links: list[str]  # links to folders (os.walk lists them as folders and does not enter)
    bad_dirs: list[tuple[str, int]]  # folders whose mode is not DIR_MODE


def _list(tree: Path) -> _Listing:
    """Every file a visitor could be served, plus anything unknown in the manifest's folder."""
    out = _Listing([], [], [])
    for dirpath, dirnames, filenames in os.walk(tree):
        dirnames.sort()
        base = Path(dirpath).relative_to(tree).as_posix()
        prefix = "" if base == "." else base + "/"
        if prefix:
            mode = stat.S_IMODE(os.lstat(dirpath).st_mode)
            if mode != files.DIR_MODE:
                out.bad_dirs.append((prefix, mode))
        for name in [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            dirnames.remove(name)
            out.links.append(prefix + name)
        for name in sorted(filenames):
            rel = prefix + name
            if not is_internal(rel) or (
                rel.startswith(MANIFEST_DIR + "/") and not is_known_internal(rel)
            ):
                out.files.append(rel)
    return out


def _file_state(suite: Suite, path: Path) -> tuple[str | None, int]:
    """(digest, mode) of a regular file; (None, 0) for a link, a folder or an unreadable file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None, 0
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            return None, 0
        return suite.digest(fh.read()), stat.S_IMODE(st.st_mode)


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
    if not suite.verify(dump(root), doc.get("signature", "")):
        problems.append(
            Problem("signature", MANIFEST_FILE, "清单签名与本系统密钥不符，清单可能被篡改。")
        )
    expected = _expected(tree, suite, root, problems)
    listing = _list(tree)
    present = listing.files
    with ThreadPoolExecutor(max_workers=4) as pool:
        states = dict(
            zip(present, pool.map(lambda r: _file_state(suite, tree / r), present), strict=True)
        )
    for rel in listing.links:
        problems.append(Problem("added", rel, "出现了指向其他位置的符号链接（目录）。"))
    for rel, mode in listing.bad_dirs:
        problems.append(Problem("mode", rel, f"目录权限为 {mode:04o}，应为 {files.DIR_MODE:04o}。"))
    for rel in present:
        problem = _file_problem(tree, rel, expected.get(rel), *states[rel])
        if problem is not None:
            problems.append(problem)
    for rel in sorted(set(expected) - set(present)):
        problems.append(Problem("missing", rel, "清单中的文件不存在。"))
    return problems


def _file_problem(
    tree: Path, rel: str, want: str | None, digest: str | None, mode: int
) -> Problem | None:
    if rel.startswith(MANIFEST_DIR + "/"):
        return Problem("added", rel, "清单目录中出现了未知文件。")
    if want is None:
        return Problem("added", rel, "文件不在清单中（可能被植入）。")
    if digest is None and (tree / rel).is_symlink():
        return Problem("changed", rel, "文件被替换为符号链接。")
    if digest != want:
        return Problem("changed", rel, "文件内容与清单中的 SHA-256 不符。")
    if mode != files.FILE_MODE:
        return Problem("mode", rel, f"文件权限为 {mode:04o}，应为 {files.FILE_MODE:04o}。")
    return None


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


def restore_tree(
    tree: Path,
    suite: Suite,
    problems: Iterable[Problem],
    good: Callable[[str], bytes | None],
    quarantine: Path,
) -> tuple[list[str], list[str], list[Problem]]:
    """Put back changed and missing files and files whose mode was changed (bytes from `good`,
    checked against the manifest, written as new files) and move added files into
    `quarantine` as evidence. Returns (restored, quarantined, unresolved)."""
    manifest = Manifest.load(tree)
    restored: list[str] = []
    moved: list[str] = []
    unresolved: list[Problem] = []
    # Planted entries first: a link standing for a folder must go before files are written
    # where the folder was, or they would be written through the link.
    ordered = sorted(problems, key=lambda p: p.kind != "added")
    for p in ordered:
        if p.kind == "added":
            files.move_into(tree, p.path, quarantine)
            moved.append(p.path)
        elif p.kind == "mode" and p.path.endswith("/"):
            os.chmod(tree / p.path, files.DIR_MODE)
            restored.append(p.path)
        elif p.kind in ("changed", "missing", "mode"):
            entry = manifest.get(p.path)
            data = good(p.path) if entry else None
            if entry is None or data is None or suite.digest(data) != entry[0]:
                unresolved.append(p)
                continue
            if p.kind != "missing":
                files.move_into(tree, p.path, quarantine)
            files.write_atomic(tree / p.path, data)
            restored.append(p.path)
        else:
            unresolved.append(p)
    return restored, moved, unresolved
