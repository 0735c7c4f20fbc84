"""The signed, sharded manifest of one tree: where it lives, its canonical bytes, its shards."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import orjson

from gongkai.publishing.engine import files

MANIFEST_DIR = ".well-known/gongkai"
MANIFEST_FILE = f"{MANIFEST_DIR}/manifest.json"
SHARD_DIR = f"{MANIFEST_DIR}/shards"
PUBLIC_KEY_FILE = f"{MANIFEST_DIR}/public-key.pem"
FORMAT = "gongkai-manifest/1"


class Suite(Protocol):
    """Hashing and signing (`gongkai.core.crypto` provides the implementations)."""

    name: str

    def digest(self, data: bytes) -> str: ...
    def sign(self, data: bytes) -> str: ...
    def verify(self, data: bytes, signature: str) -> bool: ...
    def public_key_text(self) -> str: ...


def shard_of(path: str) -> str:
    return hashlib.sha256(path.encode()).hexdigest()[:2]


def key_id(suite: Suite) -> str:
    """A short fingerprint of the signing key, printed in every page's manifest reference."""
    return suite.digest(suite.public_key_text().encode())[:16]


def is_internal(path: str) -> bool:
    """Files the manifest does not list: the manifest itself and temp files."""
    name = path.rsplit("/", 1)[-1]
    return path.startswith(MANIFEST_DIR + "/") or name.startswith(files.TMP_PREFIX)


def is_known_internal(rel: str) -> bool:
    """The manifest's own files (root, shards, public key), as opposed to a file planted in
    its folder."""
    if rel in (MANIFEST_FILE, PUBLIC_KEY_FILE):
        return True
    return rel.startswith(SHARD_DIR + "/") and rel.endswith(".json") and rel.count("/") == 3


def dump(obj: object) -> bytes:
    """Canonical JSON: sorted keys, no spaces, UTF-8 — the bytes json.dumps(ensure_ascii=False,
    sort_keys=True, separators=(",", ":")) gives, made by orjson, which is ~7× faster (a
    publication re-encodes a few dozen manifest shards)."""
    return orjson.dumps(obj, option=orjson.OPT_SORT_KEYS)


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
        entries = self.shard(key)
        old = entries.get(path)
        if path.endswith(".html") and (old is None or old[3] != day):
            self.sitemap_dirty.add(key)  # a new page or a new lastmod: its sitemap changes
        entries[path] = [sha, size, serial, day]
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
            entries = self.shard(key)
            rel = f"{SHARD_DIR}/{key}.json"
            if entries:
                data = dump({"shard": key, "files": entries})
                files.write_atomic(target / rel, data)
                shards[key] = suite.digest(data)
                sizes[key] = len(entries)
            else:
                files.remove(target, rel)
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
        self.signature = suite.sign(dump(self.root))
        files.write_atomic(
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
            files.write_atomic(key_file, pem)
            written.append(PUBLIC_KEY_FILE)
        self.dirty.clear()
        self.sitemap_dirty.clear()
        return written


def expected_digest(tree: Path, rel: str) -> str | None:
    """The SHA-256 the manifest records for one file (None if the file is not listed)."""
    entry = Manifest.load(tree).get(rel)
    return entry[0] if entry else None
