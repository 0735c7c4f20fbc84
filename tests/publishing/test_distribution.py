"""Several app servers: the publication queue and lock, and distribution of each build to web
roots — a local directory, an rsync destination (local, as rsync over ssh behaves the same) and
an S3 bucket served by moto's server mode (a real HTTP S3 endpoint, not a mock of ours)."""

import datetime as dt
import shutil
import socket
from pathlib import Path

import pytest

from gongkai.core.crypto import suite
from gongkai.publishing import engine
from gongkai.publishing.engine import targets
from gongkai.publishing.engine.verify import verify_tree
from gongkai.publishing.models import Publication, PublicationRequest, TargetState
from gongkai.publishing.services import site_publish, site_rebuild

# Targets on their own (no database) ------------------------------------------------------------


def _build(root: Path, pages: dict[str, str], *, serial_from: int = 0) -> engine.SiteDir:
    site = engine.SiteDir(root, suite(), site="kjj", base_url="https://kjj.example.gov.cn")
    site.apply(
        [(rel, text.encode()) for rel, text in pages.items()],
        today=dt.date(2027, 3, 5),
        now="2027-03-05T10:00:00+08:00",
        full=True,
        serial=serial_from,
    )
    return site


@pytest.fixture(scope="module")
def moto_s3():
    pytest.importorskip("moto.server")
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def _s3(endpoint: str, bucket: str) -> targets.S3:
    import boto3

    client = {"endpoint_url": endpoint, "region_name": "us-east-1"}
    boto3.client("s3", **client, aws_access_key_id="k", aws_secret_access_key="s").create_bucket(
        Bucket=bucket
    )
    return targets.S3(bucket, "sites", **client)


@pytest.fixture(params=["file", "rsync", "s3"])
def target(request, tmp_path, monkeypatch):
    if request.param == "file":
        return targets.LocalDir(tmp_path / "webroot")
    if request.param == "rsync":
        if shutil.which("rsync") is None:
            pytest.skip("rsync is not installed")
        return targets.parse(f"rsync://{tmp_path / 'mirror'}")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    endpoint = request.getfixturevalue("moto_s3")
    return _s3(endpoint, f"web-{tmp_path.name[-20:].lower().replace('_', '-')}")


def _served(target, site="kjj") -> dict[str, bytes]:
    """Every file the target serves, as its served manifest lists them."""
    import orjson

    tree = target.current(site)
    assert tree in ("a", "b")
    root = orjson.loads(target.read(site, tree, engine.MANIFEST_FILE))["manifest"]
    files = {}
    for key in root["shards"]:
        shard = orjson.loads(target.read(site, tree, f"{engine.SHARD_DIR}/{key}.json"))
        for rel in shard["files"]:
            files[rel] = target.read(site, tree, rel)
    return files


def test_a_build_reaches_the_target_and_only_changes_travel_after(target, tmp_path):
    site = _build(tmp_path / "local", {"index.html": "首页", "xxgk/wj/1.html": "一号文件"})
    first = targets.push(target, "kjj", site.served_tree(), suite())
    assert first.sent >= 2 and first.deleted == 0
    assert _served(target)["xxgk/wj/1.html"] == "一号文件".encode()

    site = _build(tmp_path / "local", {"index.html": "首页", "xxgk/wj/2.html": "二号文件"})
    targets.push(target, "kjj", site.served_tree(), suite())  # into the other, empty tree
    served = _served(target)
    assert served["xxgk/wj/2.html"] == "二号文件".encode() and "xxgk/wj/1.html" not in served
    pages = {"index.html": "首页", "xxgk/wj/2.html": "二号文件", "xxgk/wj/3.html": "三号文件"}
    site = _build(tmp_path / "local", pages)
    third = targets.push(target, "kjj", site.served_tree(), suite())
    # Back in the first tree: the withdrawn page goes, the new ones come, the rest stays.
    assert third.deleted >= 1 and third.serial == 3  # the page, its sitemap part, its shard
    assert third.sent < sum(1 for p in site.served_tree().rglob("*") if p.is_file()) - 3
    tree = target.current("kjj")
    assert target.read("kjj", tree, "xxgk/wj/1.html") is None
    assert _served(target)["xxgk/wj/3.html"] == "三号文件".encode()


def test_a_target_that_does_not_verify_is_switched_back(tmp_path, monkeypatch):
    target = targets.LocalDir(tmp_path / "webroot")
    site = _build(tmp_path / "local", {"index.html": "第一版"})
    targets.push(target, "kjj", site.served_tree(), suite())
    before = target.current("kjj")
    site = _build(tmp_path / "local", {"index.html": "第二版"})
    real_send = target.send

    def corrupting_send(site_, tree, source, rels):  # a disk or proxy that mangles one file
        real_send(site_, tree, source, rels)
        if "index.html" in rels:
            (target.root / site_ / tree / "index.html").write_text("被篡改")

    monkeypatch.setattr(target, "send", corrupting_send)
    with pytest.raises(targets.TargetError, match="已切回上一版本"):
        targets.push(target, "kjj", site.served_tree(), suite())
    assert target.current("kjj") == before
    assert (target.root / "kjj" / "current" / "index.html").read_text() == "第一版"
    assert "index.html" in target.read_state("kjj")["pending"]
    monkeypatch.setattr(target, "send", real_send)
    targets.push(target, "kjj", site.served_tree(), suite())  # the retry repairs the standby
    assert (target.root / "kjj" / "current" / "index.html").read_text() == "第二版"
    assert verify_tree(target.root / "kjj" / "current", suite()) == []


def test_target_urls(tmp_path):
    assert isinstance(targets.parse(f"file://{tmp_path}"), targets.LocalDir)
    assert targets.parse("rsync://www@web1.internal/srv/www").label == (
        "rsync:www@web1.internal:/srv/www"
    )
    with pytest.raises(ValueError, match="无法识别的分发目标"):
        targets.parse("ftp://example/")


# Two app servers on one database -----------------------------------------------------------------


@pytest.fixture
def two_servers(settings, tmp_path):
    """Switch between two app servers' local build folders (the database is shared)."""
    webroot = tmp_path / "webroot"
    settings.PUBLISH_TARGETS = [f"file://{webroot}"]

    def use(name: str) -> Path:
        settings.SITE_ROOT = tmp_path / f"server-{name}" / "site"
        return settings.SITE_ROOT

    use("a")
    return use, webroot


@pytest.mark.django_db
def test_either_server_publishes_and_the_web_root_follows(bureau, two_servers):
    from gongkai.publishing.pages import Change

    use, webroot = two_servers
    use("a")
    first = site_rebuild(department=bureau)
    served = webroot / "kjj" / "current"
    assert verify_tree(served, suite()) == []
    use("b")  # server B has never built: it catches up with a build of its own
    second = site_publish(department=bureau, changes=[Change("portal", "home")])
    assert second.serial == first.serial + 1
    use("a")  # server A missed B's publication: it re-renders it with its own
    third = site_publish(department=bureau, changes=[Change("portal", "all")])
    assert third.serial == second.serial + 1
    manifest = engine.Manifest.load(served.resolve())
    assert manifest.serial == third.serial and verify_tree(served, suite()) == []
    states = TargetState.objects.filter(department=bureau)
    assert [(s.ok, s.serial) for s in states] == [(True, third.serial)]
    assert PublicationRequest.objects.filter(status="done").count() == 3
    assert list(Publication.objects.values_list("serial", flat=True).order_by("serial")) == [
        first.serial,
        second.serial,
        third.serial,
    ]


@pytest.mark.django_db
def test_a_failing_web_root_is_a_to_do_and_is_retried(bureau, two_servers, settings, tmp_path):
    from gongkai.core import todos
    from gongkai.core.models import User
    from gongkai.publishing.services.distribute import distribution_retry

    use, webroot = two_servers
    webroot.parent.mkdir(parents=True, exist_ok=True)
    webroot.write_text("not a folder")  # the share is not mounted: every write fails
    pub = site_rebuild(department=bureau)  # the local publication itself succeeds
    state = TargetState.objects.get(department=bureau)
    assert not state.ok and state.failures == 1 and state.serial == 0
    office = User.objects.get(username="office")
    shown = [t for t in todos.collect(office, state.checked_at.date()) if "分发失败" in t.title]
    assert shown and shown[0].level == "urgent"

    webroot.unlink()
    use("b")  # the job consumer runs on another server: it builds, then distributes
    assert distribution_retry() == 1
    state.refresh_from_db()
    assert state.ok and state.serial == pub.serial and state.failures == 0
    assert verify_tree(webroot / "kjj" / "current", suite()) == []
    assert distribution_retry() == 0  # nothing left to do
    assert not [t for t in todos.collect(office, state.checked_at.date()) if "分发失败" in t.title]


@pytest.mark.django_db(transaction=True)
def test_one_publisher_at_a_time_across_connections(bureau):
    """The lock is the database's (PostgreSQL) or the file system's (SQLite), not a Python one:
    a second connection — another app server — waits for it."""
    import threading

    from django.db import connection

    from gongkai.publishing.services.lock import publication_lock

    entered = threading.Event()

    def other_server() -> None:
        try:
            with publication_lock(bureau):
                entered.set()
        finally:
            connection.close()

    with publication_lock(bureau):
        thread = threading.Thread(target=other_server)
        thread.start()
        assert not entered.wait(1.0)
    assert entered.wait(30)
    thread.join()
