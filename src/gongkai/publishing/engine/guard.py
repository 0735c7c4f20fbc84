"""What the publisher checks before it serves a tree.

Outside a publication the standby tree is the served tree, file for file the same inodes,
except the files the last switch changed (the journal), which the next publication replays
first. So a switch serves only files it has just written or the very files being served now:
it cannot bring back bytes a restore removed (restore mirrors the repaired served tree into
the standby) nor serve a file planted, replaced, deleted or turned into a link in the standby.

To see the latter cheaply, `dirs.json` records every folder of each tree — inode, mtime,
ctime, mode — as the publisher left it. Adding, removing, renaming or replacing a file (a link
included) changes its folder's mtime and ctime, and nobody can set a ctime back; a chmod of the
folder changes its ctime. Before touching the standby tree, a publication stats its recorded
folders (a few hundred to a few thousand, not 100,000 files) and mirrors each folder that
changed from the served tree (`files.mirror_folders`), setting planted entries aside as
evidence. A file changed in place keeps its folder untouched; being shared, it is changed in
the served tree too, where the integrity run's full hashing finds it and restore repairs both
trees; pages a publication renders again are compared byte for byte before being skipped.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

import orjson

from gongkai.publishing.engine import files
from gongkai.publishing.engine.manifest import dump

RECORD_FILE = "dirs.json"


def _signature(st: os.stat_result) -> list[int]:
    return [st.st_ino, st.st_mtime_ns, st.st_ctime_ns, st.st_mode]


def parents(paths: Iterable[str]) -> set[str]:
    """Every folder (relative, "" for the tree itself) holding one of `paths`."""
    out: set[str] = set()
    for rel in paths:
        while "/" in rel:
            rel = rel.rsplit("/", 1)[0]
            if rel in out:
                break
            out.add(rel)
        out.add("")
    return out


class DirRecords:
    """dirs.json: {tree name: {folder: [inode, mtime_ns, ctime_ns, mode]}}."""

    def __init__(self, root: Path) -> None:
        self.file = root / RECORD_FILE
        try:
            self.data: dict[str, dict[str, list[int]]] = orjson.loads(self.file.read_bytes())
        except (FileNotFoundError, orjson.JSONDecodeError):
            self.data = {}

    def changed(self, tree: Path) -> list[str] | None:
        """The recorded folders of `tree` that someone else changed (None: no record, so
        every folder must be looked at)."""
        record = self.data.get(tree.name)
        if record is None:
            return None
        out = []
        for rel, sig in record.items():
            try:
                st = os.lstat(tree / rel)
            except FileNotFoundError:
                out.append(rel)
                continue
            if _signature(st) != sig:
                out.append(rel)
        return out

    def update(self, tree: Path, folders: Iterable[str]) -> None:
        """Record `folders` of `tree` as they are now (the publisher has just changed them)."""
        record = self.data.setdefault(tree.name, {})
        for rel in folders:
            try:
                st = os.lstat(tree / rel)
            except FileNotFoundError:
                record.pop(rel, None)
                continue
            if stat.S_ISDIR(st.st_mode):
                record[rel] = _signature(st)
            else:
                record.pop(rel, None)

    def record_all(self, tree: Path) -> None:
        record: dict[str, list[int]] = {}
        for dirpath, dirnames, _filenames in os.walk(tree):
            rel = Path(dirpath).relative_to(tree).as_posix()
            record["" if rel == "." else rel] = _signature(os.lstat(dirpath))
            dirnames[:] = [d for d in dirnames if not os.path.islink(os.path.join(dirpath, d))]
        self.data[tree.name] = record

    def forget(self, tree: Path) -> None:
        self.data.pop(tree.name, None)

    def save(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            files.write_atomic(self.file, dump(self.data))


def check_standby(
    served: Path, standby: Path, suspects: list[str] | None, quarantine: Path
) -> list[str]:
    """Mirror every changed folder of the standby tree (all of them without a record) from the
    served tree; return the standby paths replaced or set aside."""
    if suspects is None:
        return files.mirror(served, standby, quarantine=quarantine)
    if not suspects:
        return []
    return files.mirror_folders(served, standby, suspects, quarantine=quarantine)
