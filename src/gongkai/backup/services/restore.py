"""Restoring an archive into an empty data directory and database, then checking it."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
from django.conf import settings
from django.utils import timezone

from gongkai.backup import archive, database
from gongkai.backup.services.create import (
    BackupError,
    Progress,
    calendar_export,
    count_files,
    files_under,
    quiet,
)
from gongkai.core import crypto
from gongkai.core.audit import verify_chain
from gongkai.core.models import Department

if TYPE_CHECKING:
    pass


@dataclass
class Check:
    what: str
    expected: object
    actual: object

    @property
    def ok(self) -> bool:
        return self.expected == self.actual


@dataclass
class RestoreReport:
    archive: Path
    created: str
    seconds: float = 0.0
    checks: list[Check] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    moved_aside: Path | None = None

    @property
    def ok(self) -> bool:
        return not self.problems and all(c.ok for c in self.checks)

    def as_dict(self) -> dict:
        return {
            "archive": str(self.archive),
            "created": self.created,
            "seconds": round(self.seconds, 1),
            "ok": self.ok,
            "checks": [
                {"what": c.what, "expected": c.expected, "actual": c.actual, "ok": c.ok}
                for c in self.checks
            ],
            "problems": self.problems,
            "warnings": self.warnings,
            "moved_aside": str(self.moved_aside) if self.moved_aside else None,
        }


def _site_root() -> Path:
    return Path(settings.SITE_ROOT)


def not_empty() -> list[str]:
    """What a restore would overwrite, in Chinese; empty when the target is empty."""
    found = []
    tables = database.existing_tables()
    if tables:
        found.append(f"数据库中已有 {len(tables)} 张表")
    media = Path(settings.MEDIA_ROOT)
    if any(True for _ in files_under(media)):
        found.append(f"上传文件目录 {media} 不为空")
    keys = Path(settings.DATA_DIR) / "keys"
    if any(True for _ in files_under(keys)):
        found.append(f"密钥目录 {keys} 不为空")
    root = _site_root()
    if root.is_dir():
        built = sorted(p.name for p in root.iterdir() if (p / "current").is_symlink())
        if built:
            found.append(f"网站目录 {root} 中已有站点：{'、'.join(built)}")
    return found


def archive_check(path: Path) -> dict:
    """Read an archive through and check every member against BACKUP.json (restores nothing)."""
    try:
        return archive.extract(Path(path), None).meta
    except archive.ArchiveError as exc:
        raise BackupError(str(exc)) from exc


def _move_aside(stamp: str) -> Path:
    aside = Path(settings.DATA_DIR) / f"before-restore-{stamp}"
    aside.mkdir(parents=True)
    for name, path in (
        ("media", Path(settings.MEDIA_ROOT)),
        ("keys", Path(settings.DATA_DIR) / "keys"),
        ("site", _site_root()),
    ):
        if path.exists():
            shutil.move(str(path), str(aside / name))
    return aside


def _put(src: Path, dst: Path) -> None:
    """Move a restored folder into place; `dst` is absent or holds only empty folders."""
    if dst.exists():
        if any(True for _ in files_under(dst)):
            raise BackupError(f"{dst} 不为空。")
        shutil.rmtree(dst)
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(src), str(dst))


def backup_restore(
    *, path: Path, force: bool = False, jobs: int = 2, progress: Progress = quiet
) -> RestoreReport:
    """Restore an archive into this installation's (empty) database and data directory."""
    started = time.perf_counter()
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"找不到备份文件 {path}。")
    occupied = not_empty()
    if occupied and not force:
        raise BackupError(
            "恢复目标不是空的，未做任何恢复："
            + "；".join(occupied)
            + "。请换一个空的数据目录和空数据库，或确认要覆盖后加 --force。"
        )
    data_dir = Path(settings.DATA_DIR)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
    try:
        progress("正在读取并校验备份……")
        try:
            unpacked = archive.extract(path, staging)
        except archive.ArchiveError as exc:
            raise BackupError(str(exc)) from exc
        meta = unpacked.meta
        report = RestoreReport(archive=path, created=meta.get("created", ""))
        progress(f"校验通过：{len(meta['files'])} 个文件。正在恢复数据库……")
        if occupied:
            report.moved_aside = _move_aside(stamp)
            database.clear()
        db = meta["database"]
        try:
            database.load(unpacked.path(db["member"]), db["vendor"], jobs=jobs)
        except database.DatabaseError as exc:
            raise BackupError(str(exc)) from exc
        progress("数据库已恢复，正在放回上传文件、密钥和网站……")
        _restorefiles_under(unpacked, report)
        crypto.suite.cache_clear()
        _settle_sites(meta, report)
        progress("正在核对……")
        _verify(meta, report)
        report.seconds = time.perf_counter() - started
        return report
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _restorefiles_under(unpacked: archive.Extracted, report: RestoreReport) -> None:
    data_dir = Path(settings.DATA_DIR)
    if (unpacked.folder / "media").is_dir():
        _put(unpacked.folder / "media", Path(settings.MEDIA_ROOT))
    secret = unpacked.folder / "SECRET"
    if (secret / "keys").is_dir():
        _put(secret / "keys", data_dir / "keys")
    elif not any(True for _ in files_under(data_dir / "keys")):
        report.warnings.append(
            "备份不含签名私钥：请把原私钥放回 keys/，或运行 gongkai site build 以新密钥重新签名。"
        )
    if (secret / "secret_key").is_file():
        os.replace(secret / "secret_key", data_dir / "secret_key")
    for slug in unpacked.meta["sites"]:
        _restore_site(unpacked, slug)


def _restore_site(unpacked: archive.Extracted, slug: str) -> None:
    root = _site_root() / slug
    tree = unpacked.folder / "site" / slug / "tree"
    tree.mkdir(parents=True, exist_ok=True)
    _put(tree, root / "a")
    (root / "b").mkdir(exist_ok=True)
    os.symlink("a", root / "current")
    # The standby tree is empty: the journal says "everything", so the next switch (or the
    # settle below) mirrors the served tree into it first.
    tmp = root / "state.json.restoring"
    tmp.write_bytes(orjson.dumps({"journal": [], "pending": [], "all": True}))
    os.replace(tmp, root / "state.json")


def _settle_sites(meta: dict, report: RestoreReport) -> None:
    """Fill each restored site's standby tree now, so the next publication stays small."""
    from gongkai.publishing.services import site_dir
    from gongkai.publishing.site import site_info

    for slug in meta["sites"]:
        dept = Department.objects.filter(slug=slug).first()
        if dept is None:
            report.problems.append(f"网站 {slug} 在恢复的数据库中没有对应的机关。")
            continue
        site_dir(site_info(dept)).settle()


def _verify(meta: dict, report: RestoreReport) -> None:
    from gongkai.publishing.services import site_verify

    labels = database.counted_tables()
    actual = database.current_counts()
    for table, expected in sorted(meta["counts"].items()):
        report.checks.append(Check(labels.get(table, table), expected, actual.get(table)))
    report.checks.append(
        Check("上传文件", meta["media_files"], count_files(Path(settings.MEDIA_ROOT)))
    )
    calendar = calendar_export()
    report.checks.append(
        Check(
            "节假日安排（天）",
            meta["calendar"]["days"],
            sum(len(y["days"]) for y in calendar.values()),
        )
    )
    problem = verify_chain()
    if problem is not None:
        report.problems.append(f"审计日志校验失败：{problem.message}")
    for slug, info in meta["sites"].items():
        dept = Department.objects.filter(slug=slug).first()
        if dept is None:
            continue
        result = site_verify(department=dept)
        report.checks.append(Check(f"网站 {slug} 文件", info["files"], count_files(result.root)))
        for p in result.problems[:20]:
            report.problems.append(f"网站 {slug}：{p.label} {p.path}")
    known = {tuple(m) for m in meta["database"]["migrations"]}
    _migration_warnings(known, report)


def _migration_warnings(known: set[tuple[str, ...]], report: RestoreReport) -> None:
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(connection, ignore_no_migrations=True)
    on_disk = set(loader.disk_migrations)
    newer = sorted(m for m in known if m not in on_disk and m[0] in loader.migrated_apps)
    pending = sorted(m for m in on_disk if m not in known)
    if newer:
        report.warnings.append(
            f"备份来自更新的软件版本（本软件不认识 {len(newer)} 个数据库迁移），请先升级软件。"
        )
    if pending:
        report.warnings.append(
            f"本软件比备份新：有 {len(pending)} 个数据库迁移待执行，请运行 gongkai migrate。"
        )
