"""state.json: which standby files may differ from the served tree, kept on disk before they
are touched, so that an interrupted publish can be repaired by the next one."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import orjson

from gongkai.publishing.engine import files
from gongkai.publishing.engine.manifest import dump

STATE_FILE = "state.json"


def read_state(root: Path) -> dict:
    """`{"journal": [files the last switch changed], "pending": [files being touched]}`, and
    `"all": true` while a full rebuild is under way."""
    file = root / STATE_FILE
    return orjson.loads(file.read_bytes()) if file.exists() else {"journal": [], "pending": []}


def write_state(root: Path, state: dict) -> None:
    files.write_atomic(root / STATE_FILE, dump(state))


class Journal:
    """One publication's record of the files it touches in the standby tree."""

    def __init__(self, root: Path, *, full: bool) -> None:
        self.root = root
        self.full = full
        self.pending: set[str] = set()

    def prepare(self, served: Path, standby: Path, touched: Iterable[str]) -> None:
        """Record what will be touched, then bring the standby tree up to date with the served
        one: the files the last switch changed, and whatever an interrupted publish left."""
        state = read_state(self.root)
        repair = set(state.get("journal", [])) | set(state.get("pending", []))
        self.pending = repair | set(touched)
        # A full rebuild touches everything; say so instead of listing 100,000 files.
        self._save(all_=self.full or bool(state.get("all")))
        if state.get("all"):
            files.mirror(served, standby)
        else:
            files.sync(served, standby, sorted(repair))

    def add(self, paths: Iterable[str]) -> None:
        new = set(paths) - self.pending
        if new:
            self.pending |= new
            if not self.full:
                self._save(all_=False)

    def finish(self, changed: Iterable[str]) -> None:
        write_state(self.root, {"journal": sorted(set(changed)), "pending": []})

    def _save(self, *, all_: bool) -> None:
        state: dict = {"journal": [], "pending": [] if all_ else sorted(self.pending)}
        if all_:
            state["all"] = True
        write_state(self.root, state)


def settle(root: Path, served: Path, standby: Path) -> int:
    """Bring the standby tree up to date with the served one now and clear the journal.
    Returns the number of files synchronised (-1: the whole tree was mirrored)."""
    state = read_state(root)
    if state.get("all"):
        files.mirror(served, standby)
        n = -1
    else:
        paths = sorted(set(state.get("journal", [])) | set(state.get("pending", [])))
        files.sync(served, standby, paths)
        n = len(paths)
    write_state(root, {"journal": [], "pending": []})
    return n
