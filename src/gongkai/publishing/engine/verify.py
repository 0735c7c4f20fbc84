"""Verification of a served tree against its signed manifest, and restore of what differs."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
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
    """Every file a visitor could be served, plus anything unknown in the manifest's folder."""
    for rel in files.walk_all(tree, temp=True):
        if not is_internal(rel) or (
            rel.startswith(MANIFEST_DIR + "/") and not is_known_internal(rel)
        ):
            yield rel


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
    if not suite.verify(dump(root), doc.get("signature", "")):
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
            files.write_atomic(tree / p.path, data)
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
