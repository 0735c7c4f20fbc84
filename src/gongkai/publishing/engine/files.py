"""Files and trees: atomic writes, hard links between the two trees, walking a tree."""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

TMP_PREFIX = ".gk-tmp-"
WRITE_THREADS = 3
# Whatever the process's umask: the web server reads every file, nobody but the publisher
# writes. verify reports any other mode (a tamper that makes a page writable or unreadable).
FILE_MODE = 0o644
DIR_MODE = 0o755


def _tmp_name(target: Path) -> Path:
    return target.with_name(f"{TMP_PREFIX}{target.name}-{os.getpid()}-{threading.get_ident()}")


def makedirs(folder: Path) -> None:
    """Create `folder` and its missing parents with DIR_MODE."""
    missing = []
    while not folder.is_dir():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        with contextlib.suppress(FileExistsError):
            new.mkdir()
            os.chmod(new, DIR_MODE)


def _write_new(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)  # the umask may have taken bits away
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def write_atomic(target: Path, data: bytes) -> None:
    """Write a file so that a reader sees the old or the new bytes, never a mix."""
    tmp = _tmp_name(target)
    for attempt in range(3):
        try:
            _write_new(tmp, data)
            break
        except FileNotFoundError:
            # A new folder (or one another thread's prune just removed): create and retry.
            if attempt == 2:
                raise
            makedirs(target.parent)
    os.replace(tmp, target)


def same_bytes(path: Path, data: bytes) -> bool:
    """Does the file at `path` hold exactly `data`, as a regular file with FILE_MODE? (A file
    changed in place keeps its name: only its bytes or its mode tell.)"""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return False  # missing, a symbolic link, unreadable
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or stat.S_IMODE(st.st_mode) != FILE_MODE:
            return False
        if st.st_size != len(data):
            return False
        with os.fdopen(os.dup(fd), "rb") as fh:
            return fh.read() == data
    finally:
        os.close(fd)


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
        makedirs(target.parent)
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


def mirror(served: Path, standby: Path, *, quarantine: Path | None = None) -> list[str]:
    """Make the whole standby tree the served tree: every file the very same inode (so a file
    tampered with in place and restored in the served tree leaves no copy behind), no other
    files, folders with DIR_MODE. With `quarantine`, what is replaced or removed is moved there
    as evidence (so sync the journal's files first: their older versions are no evidence).
    Returns the files it changed in the standby tree."""
    changed: list[str] = []
    _mirror_dir(served, standby, "", changed, quarantine, recursive=True)
    return changed


def mirror_folders(
    served: Path, standby: Path, folders: Iterable[str], *, quarantine: Path | None = None
) -> list[str]:
    """`mirror` for some folders only (their files and links; a sub-folder only when it is
    missing or is not a folder in the standby tree)."""
    changed: list[str] = []
    for rel in sorted(set(folders)):
        if (served / rel).is_dir() and not (served / rel).is_symlink():
            _mirror_dir(served, standby, rel, changed, quarantine, recursive=False)
        elif rel and ((standby / rel).exists() or (standby / rel).is_symlink()):
            _set_aside(standby, rel, quarantine)  # a folder the served tree does not have
            changed.append(rel)
    return changed


def _entries(folder: Path) -> dict[str, os.DirEntry]:
    try:
        with os.scandir(folder) as it:
            return {e.name: e for e in it}
    except (FileNotFoundError, NotADirectoryError):
        return {}


def _mirror_dir(
    served: Path,
    standby: Path,
    rel: str,
    changed: list[str],
    quarantine: Path | None,
    *,
    recursive: bool,
) -> None:
    src_dir, dst_dir = served / rel, standby / rel
    if dst_dir.is_symlink() or (dst_dir.exists() and not dst_dir.is_dir()):
        _set_aside(standby, rel, quarantine)
        changed.append(rel)
    makedirs(dst_dir)
    if stat.S_IMODE(dst_dir.stat().st_mode) != DIR_MODE:
        os.chmod(dst_dir, DIR_MODE)
        changed.append(rel + "/")
    src, dst = _entries(src_dir), _entries(dst_dir)
    prefix = rel + "/" if rel else ""
    _clear_extras(standby, prefix, src, dst, changed, quarantine)
    for name, entry in src.items():
        if name.startswith(TMP_PREFIX) or entry.is_symlink():
            continue
        have = dst.get(name)
        if entry.is_dir(follow_symlinks=False):
            if recursive or have is None or not _same_kind(have, entry):
                _mirror_dir(served, standby, prefix + name, changed, quarantine, recursive=True)
        elif have is None or not _same_kind(have, entry) or have.inode() != entry.inode():
            if have is not None and quarantine is not None and _same_kind(have, entry):
                move_into(standby, prefix + name, quarantine)  # replaced: keep as evidence
            link_atomic(Path(entry.path), dst_dir / name)
            changed.append(prefix + name)


def _clear_extras(
    standby: Path,
    prefix: str,
    src: dict[str, os.DirEntry],
    dst: dict[str, os.DirEntry],
    changed: list[str],
    quarantine: Path | None,
) -> None:
    """Set aside what the standby folder holds and the served one does not (or not as such)."""
    for name, entry in dst.items():
        if name.startswith(TMP_PREFIX):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
            continue
        want = src.get(name)
        if want is None or not _same_kind(entry, want):
            _set_aside(standby, prefix + name, quarantine)
            changed.append(prefix + name)


def _same_kind(a: os.DirEntry, b: os.DirEntry) -> bool:
    if a.is_symlink() or b.is_symlink():
        return False
    return a.is_dir(follow_symlinks=False) == b.is_dir(follow_symlinks=False)


def _set_aside(tree: Path, rel: str, quarantine: Path | None) -> None:
    if quarantine is not None:
        move_into(tree, rel, quarantine)
        return
    target = tree / rel
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)
    else:
        with contextlib.suppress(FileNotFoundError):
            target.unlink()


def move_into(tree: Path, rel: str, quarantine: Path) -> None:
    """Move a file, folder or link out of the tree into `quarantine`, keeping its path."""
    src = tree / rel
    if not (src.exists() or src.is_symlink()):
        return
    target = quarantine / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() or target.is_symlink():
        target = target.with_name(f"{target.name}.{time.time_ns()}")
    os.replace(src, target)
