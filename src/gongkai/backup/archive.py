"""The backup archive: a tar file (gzip-compressed unless its name ends in `.tar`) whose last
member, BACKUP.json, lists every other member with its SHA-256 and size. No Django.

Members are written under fixed prefixes (see `gongkai.backup.services`); names are checked on the
way in and on the way out, so an archive cannot write outside the staging folder it is
extracted into. A reader hashes each member while extracting it and compares with BACKUP.json
before anything is restored.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

import orjson

FORMAT = "gongkai-backup/1"
MANIFEST = "BACKUP.json"
SECRET_PREFIX = "SECRET/"  # noqa: S105 - a folder name, not a password
CHUNK = 1024 * 1024


class ArchiveError(Exception):
    """The archive is unreadable, incomplete or altered. Message in Chinese."""


def safe_name(name: str) -> str:
    """A member name that stays inside the folder it is extracted into, or ArchiveError."""
    path = PurePosixPath(name)
    if (
        not name
        or name.startswith("/")
        or "\\" in name
        or "\0" in name
        or any(part in ("", ".", "..") for part in path.parts)
        or name != path.as_posix()
    ):
        raise ArchiveError(f"备份中含有不安全的文件名：{name!r}")
    return name


def compression_for(path: Path) -> str:
    name = path.name.lower()
    return "" if name.endswith(".tar") else "gz"


class _Hashing(io.RawIOBase):
    """Reads from a file while hashing what was read (tarfile reads exactly `size` bytes)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.sha = hashlib.sha256()
        self.size = 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        data = self.raw.read(n)
        self.sha.update(data)
        self.size += len(data)
        return data


@dataclass
class Entry:
    sha256: str
    size: int
    secret: bool = False

    def as_list(self) -> list:
        return [self.sha256, self.size, self.secret]


@dataclass
class Writer:
    """Write members one by one, then `close(meta)` appends BACKUP.json and renames the
    partial file into place (a crash never leaves an archive that looks complete)."""

    path: Path
    level: int = 1
    entries: dict[str, Entry] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.partial = self.path.with_name(self.path.name + ".partial")
        fd = os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        self._file = os.fdopen(fd, "wb")
        if compression_for(self.path) == "gz":
            self._tar = tarfile.open(  # noqa: SIM115 - closed in close()/abort()
                fileobj=self._file, mode="w:gz", compresslevel=self.level
            )
        else:
            self._tar = tarfile.open(fileobj=self._file, mode="w:")  # noqa: SIM115

    def add_file(self, name: str, source: Path, *, secret: bool = False) -> Entry | None:
        """Add a file from disk; returns None when it vanished in the meantime."""
        safe_name(name)
        try:
            fh = open(source, "rb")  # noqa: SIM115
        except FileNotFoundError:
            return None
        with fh:
            st = os.fstat(fh.fileno())
            info = tarfile.TarInfo(name)
            info.size = st.st_size
            info.mtime = int(st.st_mtime)
            info.mode = 0o600 if secret else 0o644
            hashing = _Hashing(fh)
            self._tar.addfile(info, hashing)
            if hashing.size != st.st_size:  # pragma: no cover - a file changed in place
                raise ArchiveError(f"备份过程中文件被改写：{source}")
        entry = Entry(hashing.sha.hexdigest(), hashing.size, secret)
        self.entries[name] = entry
        return entry

    def add_bytes(self, name: str, data: bytes, *, secret: bool = False) -> Entry:
        safe_name(name)
        info = tarfile.TarInfo(name)
        info.size = len(data)
        info.mtime = int(time.time())
        info.mode = 0o600 if secret else 0o644
        self._tar.addfile(info, io.BytesIO(data))
        entry = Entry(hashlib.sha256(data).hexdigest(), len(data), secret)
        self.entries[name] = entry
        return entry

    def close(self, meta: dict) -> str:
        """Append BACKUP.json and move the archive into place; returns its SHA-256."""
        doc = {**meta, "format": FORMAT, "files": {k: v.as_list() for k, v in self.entries.items()}}
        data = orjson.dumps(doc, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mtime = int(time.time())
        info.mode = 0o644
        self._tar.addfile(info, io.BytesIO(data))
        self._tar.close()
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        digest = file_sha256(self.partial)
        os.replace(self.partial, self.path)
        return digest

    def abort(self) -> None:
        with contextlib.suppress(Exception):  # the archive is being thrown away
            self._tar.close()
        self._file.close()
        self.partial.unlink(missing_ok=True)


def file_sha256(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


@dataclass
class Extracted:
    """An archive unpacked into `folder`, every member checked against BACKUP.json."""

    folder: Path
    meta: dict

    def files(self, prefix: str) -> Iterator[str]:
        for name in sorted(self.meta["files"]):
            if name.startswith(prefix):
                yield name

    def path(self, name: str) -> Path:
        return self.folder / name


def extract(archive: Path, folder: Path | None) -> Extracted:
    """Unpack `archive` into the empty folder `folder` (or only read it, when None), hashing
    every member, and check each against BACKUP.json: nothing missing, nothing extra, every
    checksum equal."""
    seen: dict[str, Entry] = {}
    meta: dict | None = None
    try:
        with tarfile.open(archive, mode="r|*") as tar:
            for member in tar:
                name = safe_name(member.name)
                if not member.isfile():
                    raise ArchiveError(f"备份中含有非普通文件：{name}")
                src = tar.extractfile(member)
                if src is None:  # pragma: no cover - isfile() members always have data
                    raise ArchiveError(f"无法读取备份中的文件：{name}")
                if name == MANIFEST:
                    meta = orjson.loads(src.read())
                elif folder is None:
                    seen[name] = _consume(src, None)
                else:
                    target = folder / name
                    target.parent.mkdir(parents=True, exist_ok=True)
                    mode = 0o600 if name.startswith(SECRET_PREFIX) else 0o644
                    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
                    with os.fdopen(fd, "wb") as out:
                        seen[name] = _consume(src, out)
    except (tarfile.TarError, EOFError, OSError, orjson.JSONDecodeError) as exc:
        raise ArchiveError(f"备份文件无法读取或不完整：{exc}") from exc
    if meta is None:
        raise ArchiveError("备份文件不完整：缺少清单 BACKUP.json（可能在写入时中断）。")
    if meta.get("format") != FORMAT:
        raise ArchiveError(f"不认识的备份格式：{meta.get('format')!r}")
    check(meta, seen)
    return Extracted(folder or Path(), meta)


def _consume(src: IO[bytes], out: IO[bytes] | None) -> Entry:
    sha = hashlib.sha256()
    size = 0
    while chunk := src.read(CHUNK):
        sha.update(chunk)
        size += len(chunk)
        if out is not None:
            out.write(chunk)
    return Entry(sha.hexdigest(), size)


def check(meta: dict, seen: dict[str, Entry]) -> None:
    listed = {name: (v[0], v[1]) for name, v in meta["files"].items()}
    problems = []
    for name in sorted(set(listed) - set(seen)):
        problems.append(f"缺少文件 {name}")
    for name in sorted(set(seen) - set(listed)):
        problems.append(f"清单外的文件 {name}")
    for name in sorted(set(listed) & set(seen)):
        if listed[name] != (seen[name].sha256, seen[name].size):
            problems.append(f"校验和不符 {name}")
    if problems:
        shown = "；".join(problems[:10])
        more = f"（共 {len(problems)} 处）" if len(problems) > 10 else ""
        raise ArchiveError(f"备份文件与其清单不符，未做任何恢复：{shown}{more}")


def dumps(obj: Any) -> bytes:
    return orjson.dumps(obj, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS)
