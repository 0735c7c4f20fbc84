"""Backup and restore: the archive format (no database), retention, and the demo bureau backed
up and restored into a fresh data directory and a fresh database (SQLite and PostgreSQL,
whichever the suite runs on), with the restored copy checked by the platform's own commands."""

import datetime as dt
import io
import os
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from gongkai.backup import archive
from gongkai.backup.services import backup_create, backup_prune
from gongkai.core.models import AuditEntry
from gongkai.documents.models import Document

# Archive format --------------------------------------------------------------------------


def _archive(tmp_path: Path, name: str = "a.tar.gz") -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "one.txt").write_text("公开")
    (src / "key.pem").write_text("secret")
    writer = archive.Writer(tmp_path / name)
    writer.add_file("media/one.txt", src / "one.txt")
    writer.add_file("SECRET/keys/key.pem", src / "key.pem", secret=True)
    writer.add_bytes("calendar.json", b"{}")
    writer.close({"created": "2027-01-05T10:00:00+08:00"})
    return tmp_path / name


@pytest.mark.parametrize("name", ["a.tar.gz", "a.tar"])
def test_archive_round_trip_checks_every_member(tmp_path, name):
    path = _archive(tmp_path, name)
    assert not path.with_name(name + ".partial").exists()
    assert (path.stat().st_mode & 0o777) == 0o600
    out = tmp_path / "out"
    out.mkdir()
    unpacked = archive.extract(path, out)
    assert (out / "media/one.txt").read_text() == "公开"
    assert (out / "SECRET/keys/key.pem").stat().st_mode & 0o077 == 0
    assert unpacked.meta["files"]["SECRET/keys/key.pem"][2] is True  # marked secret
    assert unpacked.meta["created"] == "2027-01-05T10:00:00+08:00"


def _rewrite(path: Path, target: Path, change) -> None:  # type: ignore[no-untyped-def]
    """Copy an archive member by member, letting `change(name, data)` alter or drop one."""
    with tarfile.open(path) as src, tarfile.open(target, "w:gz") as dst:
        for member in src.getmembers():
            data = src.extractfile(member).read()
            new = change(member.name, data)
            if new is None:
                continue
            member.size = len(new)
            dst.addfile(member, io.BytesIO(new))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda n, d: b"altered" if n == "media/one.txt" else d, "校验和不符 media/one.txt"),
        (lambda n, d: None if n == "calendar.json" else d, "缺少文件 calendar.json"),
        (lambda n, d: None if n == "BACKUP.json" else d, "缺少清单"),
    ],
)
def test_an_altered_or_incomplete_archive_is_refused(tmp_path, change, message):
    path = _archive(tmp_path)
    bad = tmp_path / "bad.tar.gz"
    _rewrite(path, bad, change)
    with pytest.raises(archive.ArchiveError, match=message):
        archive.extract(bad, None)


def test_a_truncated_archive_is_refused(tmp_path):
    path = _archive(tmp_path)
    cut = tmp_path / "cut.tar.gz"
    cut.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(archive.ArchiveError):
        archive.extract(cut, None)


@pytest.mark.parametrize("name", ["../x", "/etc/passwd", "a/../../x", "a//b", "a\\b", ""])
def test_names_that_leave_the_folder_are_refused(name):
    with pytest.raises(archive.ArchiveError):
        archive.safe_name(name)


def test_retention_keeps_the_newest(tmp_path):
    tmp_path = tmp_path / "backups"
    tmp_path.mkdir()
    names = [f"gongkai-backup-2027010{d}-013000.tar.gz" for d in range(1, 6)]
    for name in names:
        (tmp_path / name).write_bytes(b"x")
        (tmp_path / (name + ".sha256")).write_text("x")
    (tmp_path / "other.tar.gz").write_bytes(b"x")
    removed = backup_prune(tmp_path, keep=2)
    assert sorted(p.name for p in removed) == names[:3]
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted([*names[3:], *(n + ".sha256" for n in names[3:]), "other.tar.gz"])


# The demo, backed up and restored ------------------------------------------------------------


def _gongkai(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "gongkai", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


class _Target:
    """A fresh data directory and an empty database of the suite's kind, for a restore."""

    def __init__(self, tmp_path: Path) -> None:
        self.data = tmp_path / "restored"
        self.vendor = connection.vendor
        if self.vendor == "sqlite":
            self.url = f"sqlite:///{self.data / 'gongkai.sqlite3'}"
        else:
            s = connection.settings_dict
            self.name = f"{s['NAME']}_r{uuid.uuid4().hex[:8]}"
            auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
            self.url = (
                f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{self.name}"
            )
            with connection.cursor() as cursor:
                cursor.execute(f'CREATE DATABASE "{self.name}"')
        self.env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("GONGKAI_", "REDIS_URL", "DJANGO_SETTINGS"))
        } | {"DATABASE_URL": self.url, "GONGKAI_DATA_DIR": str(self.data)}

    def count(self, table: str) -> int:
        if self.vendor == "sqlite":
            with sqlite3.connect(self.data / "gongkai.sqlite3") as db:
                return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
        import psycopg

        s = connection.settings_dict
        with psycopg.connect(
            host=s["HOST"] or "127.0.0.1",
            port=s["PORT"] or 5432,
            user=s["USER"],
            password=s["PASSWORD"] or None,
            dbname=self.name,
        ) as db:
            return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608

    def drop(self) -> None:
        if self.vendor != "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{self.name}"')


def _files(root: Path) -> int:
    return sum(1 for p in root.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.mark.django_db(transaction=True)
def test_demo_backed_up_and_restored_into_a_fresh_installation(tmp_path, settings):
    call_command("demo", stdout=io.StringIO())
    report = backup_create(path=f"{tmp_path}/backups/")
    assert report.path.parent == tmp_path / "backups"
    assert report.path.name.startswith("gongkai-backup-") and report.path.name.endswith(".tar.gz")
    assert "SECRET/keys/signing_ed25519.pem" in report.secrets
    source = {
        "documents_document": Document.objects.count(),
        "applications_application": report.counts["applications_application"],
        "core_auditentry": AuditEntry.objects.count(),
    }
    assert source["documents_document"] > 100 and source["applications_application"] > 10
    assert report.counts["documents_document"] == source["documents_document"]
    served = Path(settings.SITE_ROOT) / "kjj" / "current"
    site_files = _files(served.resolve())
    media_files = _files(Path(settings.MEDIA_ROOT))
    assert media_files > 0 and report.media_files == media_files

    target = _Target(tmp_path)
    try:
        done = _gongkai(target.env, "restore", str(report.path))
        assert done.returncode == 0, done.stdout + done.stderr
        assert "全部一致" in done.stdout
        for command in (["audit", "verify"], ["site", "verify"]):
            check = _gongkai(target.env, *command)
            assert check.returncode == 0, check.stdout + check.stderr
        for table, n in source.items():
            assert target.count(table) == n, table
        assert _files(target.data / "media") == media_files
        assert _files((target.data / "site/kjj/current").resolve()) == site_files
        # A second restore into the now non-empty installation is refused, nothing touched.
        again = _gongkai(target.env, "restore", str(report.path))
        assert again.returncode != 0 and "恢复目标不是空的" in again.stderr
        assert "数据库中已有" in again.stderr and "--force" in again.stderr
        # The restored installation publishes on: its standby tree was filled by the restore.
        publish = _gongkai(target.env, "site", "build")
        assert publish.returncode == 0, publish.stdout + publish.stderr
    finally:
        target.drop()


@pytest.mark.django_db(transaction=True)
def test_backup_without_secrets_and_a_target_file_that_exists(tmp_path, bureau):
    from gongkai.publishing.services import site_rebuild

    site_rebuild(department=bureau)
    report = backup_create(path=tmp_path / "plain.tar", secrets=False)
    meta = archive.extract(report.path, None).meta
    assert report.secrets == [] and not any(n.startswith("SECRET/") for n in meta["files"])
    assert any(n.startswith("site/kjj/tree/") for n in meta["files"])
    assert (tmp_path / "plain.tar.sha256").read_text().split()[0] == report.sha256
    with pytest.raises(CommandError, match="已存在"):
        call_command("backup", str(report.path))
    out = io.StringIO()
    call_command("restore", "--check", str(report.path), stdout=out)
    assert "备份完整" in out.getvalue() and "不含签名私钥" in out.getvalue()


# The scheduled job -------------------------------------------------------------------------


def test_the_daily_backup_runs_at_its_china_time(settings):
    import datetime as dt
    from zoneinfo import ZoneInfo

    from gongkai.backup.tasks import backup_due

    china = ZoneInfo("Asia/Shanghai")
    settings.BACKUP_AT = "01:30"
    assert backup_due(dt.datetime(2027, 3, 2, 1, 30, tzinfo=china))
    assert not backup_due(dt.datetime(2027, 3, 2, 1, 31, tzinfo=china))
    settings.BACKUP_AT = ""
    assert not backup_due(dt.datetime(2027, 3, 2, 1, 30, tzinfo=china))


@pytest.mark.django_db(transaction=True)
def test_scheduled_backup_keeps_the_newest_and_reports_failure(tmp_path, settings, bureau):
    from gongkai.backup.tasks import BACKUP_JOB, backup_run
    from gongkai.core import todos
    from gongkai.core.models import JobRun, User

    settings.BACKUP_DIR = tmp_path / "backups"
    settings.BACKUP_KEEP = 2
    settings.BACKUP_DIR.mkdir()
    # Three earlier nightly archives, named as the job names them (China time).
    from django.utils import timezone

    from gongkai.backup.services.create import default_archive_name

    earlier = [default_archive_name(timezone.now() - dt.timedelta(days=d)) for d in (3, 2, 1)]
    for name in earlier:
        (settings.BACKUP_DIR / name).write_bytes(b"x")
    run = backup_run()
    assert run.ok and run.name == BACKUP_JOB and "删除旧备份 2 份" in run.message
    kept = sorted(p.name for p in settings.BACKUP_DIR.glob("*.tar.gz"))
    # The new archive and the newest before it (a clock set back does not lose the new one).
    assert len(kept) == 2 and earlier[-1] in kept
    admin = User.objects.get(username="admin")
    assert not [t for t in todos.collect(admin, dt_today()) if t.title == "定时备份失败"]

    settings.BACKUP_DIR = tmp_path / "missing" / "deeper"
    (tmp_path / "missing").write_text("a file where the folder should be")
    failed = backup_run()
    assert not failed.ok and "备份失败" in failed.message
    assert JobRun.objects.filter(name=BACKUP_JOB).count() == 2
    shown = [t for t in todos.collect(admin, dt_today()) if t.title == "定时备份失败"]
    assert shown and shown[0].level == "urgent"
    office = User.objects.get(username="office")
    assert not [t for t in todos.collect(office, dt_today()) if t.title == "定时备份失败"]


def dt_today():  # type: ignore[no-untyped-def]
    from django.utils import timezone

    return timezone.localdate()
