"""Web roots a build is distributed to: a local directory, an rsync destination, an
S3-compatible bucket. No Django.

Every target holds the same layout as a site directory — per site two trees, `a/` and `b/`,
and a pointer to the served one — and is switched the same way: the standby tree is brought
up to date, then the pointer moves. What the standby holds is read from its own signed
manifest, so only the files whose SHA-256 differs are sent, whichever app server sent the
previous build. Before anything is sent the files about to be touched are recorded in the
target's `state.json` (a send cut short is repaired by the next one). After the switch the
target is read back: its manifest must be the signed one just built and every file sent must
hash to its manifest entry. If not, the pointer goes back to the previous tree — a target
never serves half a build — and the error is raised for the caller to retry and report.

    file:///srv/www                          LocalDir   <root>/<site>/{a,b,current,state.json}
    rsync://user@host/srv/www, rsync:///srv/www   Rsync  same layout, over ssh or locally
    s3://bucket/prefix?endpoint_url=http://minio:9000&region=cn-north-1
                                             S3         <prefix><site>/{a,b}/…, <site>/current
"""

from __future__ import annotations

import contextlib
import mimetypes
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

import orjson

from gongkai.publishing.engine import files
from gongkai.publishing.engine.manifest import (
    MANIFEST_DIR,
    MANIFEST_FILE,
    PUBLIC_KEY_FILE,
    SHARD_DIR,
    Manifest,
    Suite,
    dump,
)

TREES = ("a", "b")


class TargetError(Exception):
    """A target could not be brought up to date; it still serves its previous build."""


class Target(Protocol):
    label: str  # shown to staff and stored: never contains a password

    def current(self, site: str) -> str | None: ...
    def read(self, site: str, tree: str, rel: str) -> bytes | None: ...
    def send(self, site: str, tree: str, source: Path, rels: list[str]) -> None: ...
    def delete(self, site: str, tree: str, rels: list[str]) -> None: ...
    def switch(self, site: str, tree: str) -> None: ...
    def read_state(self, site: str) -> dict: ...
    def write_state(self, site: str, state: dict) -> None: ...


def _other(name: str | None) -> str:
    return "b" if name == "a" else "a"


# The algorithm ------------------------------------------------------------------------------


@dataclass
class Pushed:
    target: str
    serial: int
    sent: int
    deleted: int


def _diff(
    new: Manifest, old: dict | None, old_shard: Callable[[str], bytes | None]
) -> tuple[set[str], set[str], set[str]]:
    """(files to send, files to delete, manifest files to send) to turn the tree described by
    `old` (its root manifest, None when empty) into the one described by `new`."""
    send: set[str] = set()
    gone: set[str] = set()
    internal: set[str] = {PUBLIC_KEY_FILE}
    new_shards = new.root.get("shards", {})
    old_shards = (old or {}).get("shards", {})
    for key in sorted(set(new_shards) | set(old_shards)):
        if key in new_shards and new_shards.get(key) == old_shards.get(key):
            continue
        new_files = new.shard(key) if key in new_shards else {}
        raw = old_shard(key) if key in old_shards else None
        old_files = orjson.loads(raw).get("files", {}) if raw else {}
        send |= {p for p, e in new_files.items() if p not in old_files or old_files[p][0] != e[0]}
        gone |= {p for p in old_files if p not in new_files}
        shard_file = f"{SHARD_DIR}/{key}.json"
        (internal if key in new_shards else gone).add(shard_file)
    return send, gone, internal


def _root(data: bytes | None) -> dict | None:
    if not data:
        return None
    with contextlib.suppress(orjson.JSONDecodeError, AttributeError):
        return orjson.loads(data).get("manifest")
    return None


def push(target: Target, site: str, served: Path, suite: Suite) -> Pushed:
    """Bring the target's standby tree to the local served tree, switch, read back."""
    new = Manifest.load(served)
    before = target.current(site)
    standby = _other(before)
    old = _root(target.read(site, standby, MANIFEST_FILE))
    send, gone, internal = _diff(
        new, old, lambda key: target.read(site, standby, f"{SHARD_DIR}/{key}.json")
    )
    for rel in target.read_state(site).get("pending", []):  # left by a send cut short
        if rel.startswith(MANIFEST_DIR + "/"):
            (internal if (served / rel).is_file() else gone).add(rel)
        else:
            (send if new.get(rel) is not None else gone).add(rel)
    gone -= send | internal | {MANIFEST_FILE}
    touched = sorted(send | gone | internal | {MANIFEST_FILE})
    target.write_state(site, {"current": before, "pending": touched})
    target.send(site, standby, served, sorted(send | internal))
    target.delete(site, standby, sorted(gone))
    target.send(site, standby, served, [MANIFEST_FILE])  # last: it vouches for the rest
    target.switch(site, standby)
    problems = check(target, site, new, suite, sorted(send | internal), sorted(gone))
    if problems:
        if before is not None:
            target.switch(site, before)
        shown = "；".join(problems[:5])
        raise TargetError(f"{target.label} 分发后校验未通过，已切回上一版本：{shown}")
    target.write_state(site, {"current": standby, "pending": []})
    return Pushed(target.label, new.serial, len(send), len(gone))


def check(
    target: Target,
    site: str,
    manifest: Manifest,
    suite: Suite,
    sent: Iterable[str],
    deleted: Iterable[str] = (),
) -> list[str]:
    """Read the served tree back: the signed manifest, and every file sent or deleted."""
    tree = target.current(site)
    if tree not in TREES:
        return [f"当前版本指针无效：{tree!r}"]
    data = target.read(site, tree, MANIFEST_FILE)
    doc = orjson.loads(data) if data else {}
    problems = []
    if doc.get("manifest") != manifest.root:
        problems.append("清单与本次发布的不同")
    if not suite.verify(dump(doc.get("manifest", {})), doc.get("signature", "")):
        problems.append("清单签名无效")
    for rel in sent:
        body = target.read(site, tree, rel)
        entry = manifest.get(rel)
        if body is None:
            problems.append(f"文件缺失 {rel}")
        elif entry is not None and suite.digest(body) != entry[0]:
            problems.append(f"内容与清单不符 {rel}")
    problems += [f"应删除的文件仍在 {rel}" for rel in deleted if target.read(site, tree, rel)]
    return problems


# Local directory ----------------------------------------------------------------------------


class LocalDir:
    """A folder on this machine (or a mounted share): what nginx serves as its root."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.label = f"file://{root}"

    def _site(self, site: str) -> Path:
        return self.root / site

    def current(self, site: str) -> str | None:
        try:
            return os.readlink(self._site(site) / "current")
        except OSError:
            return None

    def read(self, site: str, tree: str, rel: str) -> bytes | None:
        path = self._site(site) / tree / rel
        if path.is_symlink() or not path.is_file():
            return None
        return path.read_bytes()

    def send(self, site: str, tree: str, source: Path, rels: list[str]) -> None:
        target = self._site(site) / tree
        for rel in rels:
            files.write_atomic(target / rel, (source / rel).read_bytes())

    def delete(self, site: str, tree: str, rels: list[str]) -> None:
        for rel in rels:
            files.remove(self._site(site) / tree, rel)

    def switch(self, site: str, tree: str) -> None:
        folder = self._site(site)
        for name in TREES:
            (folder / name).mkdir(parents=True, exist_ok=True)
        tmp = folder / "current.gk-tmp"
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        os.symlink(tree, tmp)
        os.replace(tmp, folder / "current")

    def read_state(self, site: str) -> dict:
        path = self._site(site) / "state.json"
        return orjson.loads(path.read_bytes()) if path.is_file() else {}

    def write_state(self, site: str, state: dict) -> None:
        self._site(site).mkdir(parents=True, exist_ok=True)
        files.write_atomic(self._site(site) / "state.json", orjson.dumps(state))


# rsync --------------------------------------------------------------------------------------


class Rsync:
    """`dest` is `user@host:/path` (over ssh, with the server's keys) or a local `/path`.
    Needs rsync 3.2.3 or newer on both ends (--mkpath, --delete-missing-args)."""

    def __init__(self, dest: str, rsync: str = "rsync") -> None:
        self.dest = dest.rstrip("/")
        self.rsync = rsync
        self.label = f"rsync:{self.dest}"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        done = subprocess.run(  # noqa: S603 - fixed program, arguments as a list
            [self.rsync, *args], capture_output=True, text=True, timeout=600, check=False
        )
        return done

    def _pull(self, remote: str) -> bytes | None:
        with tempfile.TemporaryDirectory(prefix="gk-rsync-") as tmp:
            done = self._run("--links", f"{self.dest}/{remote}", f"{tmp}/x")
            path = Path(tmp) / "x"
            if done.returncode != 0 or path.is_symlink() or not path.is_file():
                return None
            return path.read_bytes()

    def current(self, site: str) -> str | None:
        with tempfile.TemporaryDirectory(prefix="gk-rsync-") as tmp:
            done = self._run("--links", f"{self.dest}/{site}/current", f"{tmp}/current")
            if done.returncode != 0:
                return None
            with contextlib.suppress(OSError):
                return os.readlink(Path(tmp) / "current")
        return None

    def read(self, site: str, tree: str, rel: str) -> bytes | None:
        return self._pull(f"{site}/{tree}/{rel}")

    def _list_run(self, source: Path, site: str, tree: str, rels: list[str], *extra: str) -> None:
        if not rels:
            return
        with tempfile.NamedTemporaryFile("w", prefix="gk-rsync-", suffix=".txt") as listing:
            listing.write("\n".join(rels) + "\n")
            listing.flush()
            done = self._run(
                "--recursive",
                "--times",
                "--mkpath",
                f"--files-from={listing.name}",
                *extra,
                f"{source}/",
                f"{self.dest}/{site}/{tree}/",
            )
        if done.returncode != 0:
            raise TargetError(f"{self.label} rsync 失败：{done.stderr.strip()[-500:]}")

    def send(self, site: str, tree: str, source: Path, rels: list[str]) -> None:
        self._list_run(source, site, tree, rels)

    def delete(self, site: str, tree: str, rels: list[str]) -> None:
        # Listed files missing on this side are deleted on the other (--delete-missing-args);
        # their folders must exist here, or rsync skips them as vanished.
        with tempfile.TemporaryDirectory(prefix="gk-rsync-") as empty:
            for rel in rels:
                (Path(empty) / rel).parent.mkdir(parents=True, exist_ok=True)
            self._list_run(Path(empty), site, tree, rels, "--delete-missing-args")

    def switch(self, site: str, tree: str) -> None:
        with tempfile.TemporaryDirectory(prefix="gk-rsync-") as tmp:
            for name in TREES:
                (Path(tmp) / name).mkdir()
            os.symlink(tree, Path(tmp) / "current")
            # rsync replaces an existing symlink through a temporary name and rename(2).
            done = self._run("--links", "--dirs", "--mkpath", f"{tmp}/", f"{self.dest}/{site}/")
        if done.returncode != 0:
            raise TargetError(f"{self.label} 切换失败：{done.stderr.strip()[-500:]}")

    def read_state(self, site: str) -> dict:
        data = self._pull(f"{site}/state.json")
        return orjson.loads(data) if data else {}

    def write_state(self, site: str, state: dict) -> None:
        with tempfile.TemporaryDirectory(prefix="gk-rsync-") as tmp:
            (Path(tmp) / "state.json").write_bytes(orjson.dumps(state))
            done = self._run("--mkpath", f"{tmp}/state.json", f"{self.dest}/{site}/state.json")
        if done.returncode != 0:
            raise TargetError(f"{self.label} 写入状态失败：{done.stderr.strip()[-500:]}")


# S3-compatible object storage ------------------------------------------------------------------


def content_type(rel: str) -> str:
    kind = mimetypes.guess_type(rel)[0] or "application/octet-stream"
    if rel.endswith(".rss"):
        kind = "application/rss+xml"
    if kind.startswith("text/") or kind in ("application/xml", "application/json"):
        kind += "; charset=utf-8"
    return kind


class S3:
    """A bucket of any S3-compatible store, through boto3 (credentials from the usual AWS_*
    variables or the instance profile). The served tree is named by the object
    `<prefix><site>/current`; the web tier in front of the bucket reads it to pick the prefix
    (docs/deploy.md)."""

    def __init__(self, bucket: str, prefix: str = "", **client: Any) -> None:
        import boto3

        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.client = boto3.client("s3", **client)
        endpoint = client.get("endpoint_url", "")
        self.label = f"s3://{bucket}/{self.prefix}" + (f" ({endpoint})" if endpoint else "")

    def _key(self, site: str, *parts: str) -> str:
        return self.prefix + "/".join([site, *parts])

    def _get(self, key: str) -> bytes | None:
        try:
            return self.client.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        except self.client.exceptions.NoSuchKey:
            return None

    def current(self, site: str) -> str | None:
        data = self._get(self._key(site, "current"))
        return data.decode().strip() if data else None

    def read(self, site: str, tree: str, rel: str) -> bytes | None:
        return self._get(self._key(site, tree, rel))

    def send(self, site: str, tree: str, source: Path, rels: list[str]) -> None:
        def put(rel: str) -> None:
            self.client.put_object(
                Bucket=self.bucket,
                Key=self._key(site, tree, rel),
                Body=(source / rel).read_bytes(),
                ContentType=content_type(rel),
            )

        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(put, rels))

    def delete(self, site: str, tree: str, rels: list[str]) -> None:
        for i in range(0, len(rels), 1000):
            self.client.delete_objects(
                Bucket=self.bucket,
                Delete={"Objects": [{"Key": self._key(site, tree, r)} for r in rels[i : i + 1000]]},
            )

    def switch(self, site: str, tree: str) -> None:
        self.client.put_object(
            Bucket=self.bucket,
            Key=self._key(site, "current"),
            Body=tree.encode(),
            ContentType="text/plain; charset=utf-8",
            CacheControl="no-cache",
        )

    def read_state(self, site: str) -> dict:
        data = self._get(self._key(site, "state.json"))
        return orjson.loads(data) if data else {}

    def write_state(self, site: str, state: dict) -> None:
        self.client.put_object(
            Bucket=self.bucket, Key=self._key(site, "state.json"), Body=orjson.dumps(state)
        )


# Configuration --------------------------------------------------------------------------------


def parse(url: str) -> Target:
    """A target from its URL (GONGKAI_PUBLISH_TARGETS); ValueError with a Chinese message."""
    parts = urlsplit(url)
    if parts.scheme == "file" and parts.path:
        return LocalDir(Path(parts.path))
    if parts.scheme == "rsync" and parts.path:
        if parts.netloc:
            return Rsync(f"{parts.netloc}:{parts.path}")
        if shutil.which("rsync") is None:
            raise ValueError("找不到 rsync 程序（Debian：apt-get install rsync）。")
        return Rsync(parts.path)
    if parts.scheme == "s3" and parts.netloc:
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        client = {}
        if "endpoint_url" in query:
            client["endpoint_url"] = query["endpoint_url"]
        if "region" in query:
            client["region_name"] = query["region"]
        return S3(parts.netloc, parts.path, **client)
    raise ValueError(
        f"无法识别的分发目标：{url}。应为 file:///路径、rsync://主机/路径 或 s3://存储桶/前缀。"
    )
