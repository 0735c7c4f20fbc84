"""Atomic, incremental static builds with a signed manifest. No Django: paths, bytes, a crypto
suite and today's date come in as arguments.

A site directory holds two complete trees and a link to the one being served:

    a/  b/        the trees; `current` points at one, the other is the standby
    current -> a  a symlink, switched with rename(2), which is atomic
    state.json    {"journal": [files the last switch changed], "pending": [files being touched]}
    dirs.json     every folder of each tree as the publisher left it (guard.py)
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

The modules, one concern each:

    files.py     atomic writes, hard links between the trees, walking a tree
    manifest.py  the sharded manifest, its canonical bytes and signature
    sitemap.py   the sitemap parts and index, made from the manifest
    journal.py   state.json: steps (1), (2) and (6), and the repair after a crash
    sitedir.py   the site directory: the lock, `apply` (steps 1–6), the switch, restore
    guard.py     what a publication checks before it serves a tree (dirs.json)
    verify.py    a tree against its signed manifest; restore of what differs

The two trees share unchanged files (hard links), so a file changed in place is changed in both:
restore therefore repairs both trees, and a publication checks the standby tree before it
serves it (guard.py explains how, cheaply).
"""

from gongkai.publishing.engine.manifest import (
    MANIFEST_DIR,
    MANIFEST_FILE,
    PUBLIC_KEY_FILE,
    SHARD_DIR,
    Manifest,
    Suite,
    expected_digest,
    key_id,
    shard_of,
)
from gongkai.publishing.engine.sitedir import TREES, EngineError, Result, SiteDir
from gongkai.publishing.engine.sitemap import SITEMAP_DIR, SITEMAP_INDEX
from gongkai.publishing.engine.verify import KIND_LABELS, Problem, restore_tree, verify_tree

__all__ = [
    "KIND_LABELS",
    "MANIFEST_DIR",
    "MANIFEST_FILE",
    "PUBLIC_KEY_FILE",
    "SHARD_DIR",
    "SITEMAP_DIR",
    "SITEMAP_INDEX",
    "TREES",
    "EngineError",
    "Manifest",
    "Problem",
    "Result",
    "SiteDir",
    "Suite",
    "expected_digest",
    "key_id",
    "restore_tree",
    "shard_of",
    "verify_tree",
]
