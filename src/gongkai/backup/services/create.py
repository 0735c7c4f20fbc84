"""Backing up and restoring an installation (`gongkai backup`, `gongkai restore`, the nightly job).

A backup is taken in three steps so that the database and the published sites line up:
1. every department's publication lock is taken (no site switches meanwhile), the database
   snapshot is fixed (SQLite: the online-backup copy; PostgreSQL: an exported REPEATABLE READ
   snapshot) and each served tree is captured by hard links — files in a tree are never
   changed in place, so links are a consistent copy at the cost of a directory walk;
2. the locks are released: publishing goes on while the archive is written;
3. the dump, uploads, keys, sites and calendar are streamed into the archive, each with its
   SHA-256 in BACKUP.json.

A restore unpacks the archive into a staging folder and checks every checksum before it
touches anything; it refuses a database, upload folder, key folder or site root that is not
empty unless forced (forced: the old files are moved aside, the database tables dropped).
Afterwards it compares every table's row count, the uploads and each site's files with what
the archive recorded, verifies the audit chain and every site against its signed manifest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone

import gongkai
from gongkai.backup import archive, database
from gongkai.core.errors import DomainError
from gongkai.core.models import CalendarYear, Department

if TYPE_CHECKING:
    from gongkai.publishing.engine import SiteDir

ARCHIVE_PREFIX = "gongkai-backup-"
ARCHIVE_SUFFIX = ".tar.gz"
SECRET_README = """此目录中的文件是机密：
- keys/：门户签名私钥。持有者可以伪造本站的签名清单。
- secret_key：会话与表单令牌使用的密钥。
请把含有本目录的备份按涉密介质保管（加密存储、限制访问、离线保存）。
不含密钥的备份请用 gongkai backup --no-secrets 生成；用它恢复后需放回原私钥，
或运行 gongkai site build 以新密钥重新签名（对外公布的公钥随之改变）。
""".encode()

Progress = Callable[[str], None]


class BackupError(DomainError):
    """A backup or restore could not be done; nothing was changed. Message in Chinese."""


def quiet(_message: str) -> None:
    pass


def files_under(root: Path) -> Iterator[tuple[str, Path]]:
    """(relative posix path, path) of every regular file under root, sorted, temp files left out."""
    if not root.is_dir():
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        base = Path(dirpath)
        rel = base.relative_to(root).as_posix()
        prefix = "" if rel == "." else rel + "/"
        for name in sorted(filenames):
            path = base / name
            if name.startswith(".gk-tmp-") or path.is_symlink() or not path.is_file():
                continue
            yield prefix + name, path


def count_files(root: Path) -> int:
    return sum(1 for _ in files_under(root))


def default_archive_name(now: dt.datetime | None = None) -> str:
    stamp = timezone.localtime(now).strftime("%Y%m%d-%H%M%S")
    return f"{ARCHIVE_PREFIX}{stamp}{ARCHIVE_SUFFIX}"


def calendar_export() -> dict[str, dict]:
    out: dict[str, dict] = {}
    for year in CalendarYear.objects.prefetch_related("days").order_by("year"):
        out[str(year.year)] = {
            "source": year.source,
            "notice": year.notice,
            "days": [[d.date.isoformat(), d.kind, d.name] for d in year.days.order_by("date")],
        }
    return out


def _sites() -> list[tuple[Department, SiteDir]]:
    """(department, its SiteDir) for every department whose site has been built."""
    from gongkai.publishing.services import site_dir
    from gongkai.publishing.site import site_info

    found = []
    for dept in Department.objects.order_by("slug"):
        site = site_dir(site_info(dept))
        if site.exists():
            found.append((dept, site))
    return found


def _link_tree(tree: Path, target: Path) -> int:
    """Capture a served tree by hard links (a copy where links are impossible)."""
    n = 0
    for rel, path in files_under(tree):
        dst = target / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, dst)
        except OSError:
            shutil.copy2(path, dst)
        n += 1
    return n


# Backup -----------------------------------------------------------------------------------


@dataclass
class BackupReport:
    path: Path
    sha256: str
    size: int
    seconds: float
    counts: dict[str, int]
    media_files: int
    sites: dict[str, dict]
    secrets: list[str]

    def as_dict(self) -> dict:
        return {
            "path": str(self.path),
            "sha256": self.sha256,
            "size": self.size,
            "seconds": round(self.seconds, 1),
            "counts": self.counts,
            "media_files": self.media_files,
            "sites": self.sites,
            "secrets": self.secrets,
        }


@dataclass
class _SiteCapture:
    slug: str
    folder: Path  # the hard-link snapshot of the served tree
    state: bytes
    current: str
    files: int
    serial: int


def _archive_path(given: str | Path) -> Path:
    """A folder (existing, or written with a trailing slash) gets a dated archive name."""
    path = Path(given)
    if path.is_dir() or str(given).endswith("/"):
        path.mkdir(parents=True, exist_ok=True)
        return path / default_archive_name()
    if not path.parent.is_dir():
        raise BackupError(f"目录 {path.parent} 不存在。")
    if path.exists():
        raise BackupError(f"{path} 已存在，不会覆盖。请换一个文件名或给出一个目录。")
    return path


@contextlib.contextmanager
def _captured_state(
    work: Path, snapshots: list[Path]
) -> Iterator[tuple[database.Snapshot, list[_SiteCapture]]]:
    """Lock every site, fix the database snapshot, link each served tree (into folders the
    caller removes: `snapshots`), unlock; the database snapshot stays open in the block."""
    from gongkai.publishing import engine

    captures: list[_SiteCapture] = []
    locks = contextlib.ExitStack()
    try:
        sites = _sites()
        for _dept, site in sites:
            locks.enter_context(site.locked())
        with database.snapshot(work) as snap:
            stamp = f".backup-{os.getpid()}-{time.time_ns()}"
            for dept, site in sites:
                served = site.served_tree()
                folder = site.root / stamp
                snapshots.append(folder)
                state_file = site.root / "state.json"
                manifest = engine.Manifest.load(served)
                files = _link_tree(served, folder)
                captures.append(
                    _SiteCapture(
                        slug=dept.slug,
                        folder=folder,
                        state=state_file.read_bytes() if state_file.exists() else b"{}",
                        current=served.name,
                        files=files,
                        serial=manifest.serial,
                    )
                )
            locks.close()
            yield snap, captures
    finally:
        locks.close()


def backup_create(
    *,
    path: str | Path,
    secrets: bool = True,
    progress: Progress = quiet,
) -> BackupReport:
    """Write one archive with the database, uploads, keys (unless `secrets=False`), every
    published site and the calendar, with a manifest of checksums."""
    started = time.perf_counter()
    try:
        target = _archive_path(path)
    except OSError as exc:
        raise BackupError(f"备份失败：无法使用备份目录：{exc}") from exc
    work = Path(tempfile.mkdtemp(prefix=".gongkai-backup-", dir=target.parent))
    writer: archive.Writer | None = None
    snapshots: list[Path] = []
    try:
        with _captured_state(work, snapshots) as (snap, captures):
            progress("数据库快照已固定，正在导出……")
            snap.dump()
        progress(f"数据库已导出（{snap.file.stat().st_size / 1e6:.1f} MB），正在写入备份……")
        writer = archive.Writer(target)
        meta = _write_members(writer, snap, captures, secrets, progress)
        digest = writer.close(meta)
        writer = None
        (target.with_name(target.name + ".sha256")).write_text(f"{digest}  {target.name}\n")
    except (database.DatabaseError, archive.ArchiveError, OSError) as exc:
        if writer is not None:
            writer.abort()
        raise BackupError(f"备份失败：{exc}") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)
        for folder in snapshots:
            shutil.rmtree(folder, ignore_errors=True)
    return BackupReport(
        path=target,
        sha256=digest,
        size=target.stat().st_size,
        seconds=time.perf_counter() - started,
        counts=snap.counts,
        media_files=meta["media_files"],
        sites=meta["sites"],
        secrets=meta["secrets"],
    )


def _write_members(
    writer: archive.Writer,
    snap: database.Snapshot,
    captures: list[_SiteCapture],
    secrets: bool,
    progress: Progress,
) -> dict:
    """Stream everything into the archive; returns BACKUP.json's content (without the files)."""
    writer.add_file(snap.member, snap.file)
    snap.file.unlink()
    media_files = 0
    for rel, file in files_under(Path(settings.MEDIA_ROOT)):
        if writer.add_file(f"media/{rel}", file) is not None:
            media_files += 1
    progress(f"上传文件 {media_files} 个。")
    secret_names = _add_secrets(writer) if secrets else []
    sites: dict[str, dict] = {}
    for cap in captures:
        for rel, file in files_under(cap.folder):
            writer.add_file(f"site/{cap.slug}/tree/{rel}", file)
        writer.add_bytes(f"site/{cap.slug}/state.json", cap.state)
        sites[cap.slug] = {
            "serial": cap.serial,
            "files": cap.files,
            "current": cap.current,
        }
        shutil.rmtree(cap.folder, ignore_errors=True)
        progress(f"网站 {cap.slug}：{cap.files} 个文件（发布序号 {cap.serial}）。")
    calendar = calendar_export()
    writer.add_bytes("calendar.json", archive.dumps(calendar))
    return {
        "created": timezone.localtime().isoformat(timespec="seconds"),
        "software": {"gongkai": gongkai.__version__},
        "database": {"vendor": snap.vendor, "member": snap.member, "migrations": snap.migrations},
        "counts": snap.counts,
        "media_files": media_files,
        "sites": sites,
        "secrets": secret_names,
        "calendar": {
            "years": len(calendar),
            "days": sum(len(y["days"]) for y in calendar.values()),
        },
    }


def _secret_files() -> list[tuple[str, Path]]:
    data = Path(settings.DATA_DIR)
    found = [(f"SECRET/keys/{rel}", p) for rel, p in files_under(data / "keys")]
    if (data / "secret_key").is_file():
        found.append(("SECRET/secret_key", data / "secret_key"))
    return found


def _add_secrets(writer: archive.Writer) -> list[str]:
    names = []
    for name, file in _secret_files():
        if writer.add_file(name, file, secret=True) is not None:
            names.append(name)
    if names:
        writer.add_bytes("SECRET/README.txt", SECRET_README, secret=True)
    return names


def backup_prune(folder: Path, keep: int, *, protect: Path | None = None) -> list[Path]:
    """Delete all but the newest `keep` archives named by default_archive_name in `folder`
    (and their .sha256 files), never `protect` (the one just written); leftover .partial
    files of a crashed run go too."""
    archives = sorted(p for p in folder.glob(f"{ARCHIVE_PREFIX}*{ARCHIVE_SUFFIX}") if p != protect)
    doomed = archives[: max(0, len(archives) - max(1, keep) + (protect is not None))]
    cutoff = time.time() - 86400
    doomed += [p for p in folder.glob(f"{ARCHIVE_PREFIX}*.partial") if p.stat().st_mtime < cutoff]
    for old in doomed:
        old.unlink(missing_ok=True)
        old.with_name(old.name + ".sha256").unlink(missing_ok=True)
    return doomed


# Restore ----------------------------------------------------------------------------------
