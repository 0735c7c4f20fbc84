"""Files and trees: atomic writes, hard links between the two trees, walking a tree."""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

TMP_PREFIX = ".gk-tmp-"
WRITE_THREADS = 3


def _tmp_name(target: Path) -> Path:
    return target.with_name(f"{TMP_PREFIX}{target.name}-{os.getpid()}-{threading.get_ident()}")


def write_atomic(target: Path, data: bytes) -> None:
    """Write a file so that a reader sees the old or the new bytes, never a mix."""
    tmp = _tmp_name(target)
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


def link_atomic(src: Path, target: Path) -> None:
    """Give `target` the same bytes as `src`, atomically. A hard link, not a copy: files are
    never changed in place (always temp file + rename), so sharing an inode is safe and costs no
    data write. (A file tampered with in place is caught by verify and re-rendered by restore.)"""
    with contextlib.suppress(FileNotFoundError):
        if os.path.samefile(src, target):
            return  # already the same file; rename(2) of two links to one inode does nothing
    tmp = _tmp_name(target)
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


def remove(tree: Path, rel: str) -> None:
    """Remove one file and the folders it leaves empty."""
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


def walk_all(tree: Path, *, temp: bool = False) -> Iterator[str]:
    """Every file of a tree (relative POSIX paths, sorted by folder); temp files only if
    `temp`."""
    for dirpath, dirnames, filenames in os.walk(tree):
        dirnames.sort()
        base = Path(dirpath).relative_to(tree).as_posix()
        prefix = "" if base == "." else base + "/"
        for name in sorted(filenames):
            if temp or not name.startswith(TMP_PREFIX):
                yield prefix + name


def sync(served: Path, standby: Path, paths: Iterable[str]) -> None:
    """Make `paths` in the standby tree equal to the served tree."""

    def one(rel: str) -> None:
        src = served / rel
        if src.is_file():
            link_atomic(src, standby / rel)
        else:
            remove(standby, rel)

    paths = list(paths)
    if len(paths) < 1000:
        for rel in paths:
            one(rel)
        return
    with ThreadPoolExecutor(max_workers=WRITE_THREADS) as pool:
        list(pool.map(one, paths, chunksize=64))


def mirror(served: Path, standby: Path) -> None:
    """Make the whole standby tree equal to the served tree (after an interrupted rebuild)."""
    present = set()
    for rel in walk_all(served):
        present.add(rel)
        src, dst = served / rel, standby / rel
        s = src.stat()
        try:
            d = dst.stat()
        except FileNotFoundError:
            d = None
        if d is None or d.st_size != s.st_size or d.st_mtime_ns != s.st_mtime_ns:
            link_atomic(src, dst)
    for rel in list(walk_all(standby)):
        if rel not in present:
            remove(standby, rel)
