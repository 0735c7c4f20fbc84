"""The static-build engine without Django: atomic switch, incremental writes, manifest."""

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.core.crypto import Ed25519Sha256
from gongkai.publishing import engine

TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def site(tmp_path: Path) -> engine.SiteDir:
    suite = Ed25519Sha256(key_path=tmp_path / "key.pem")
    return engine.SiteDir(
        tmp_path / "site", suite, site="kjj", base_url="https://kjj.example.gov.cn"
    )


def publish(site, writes=(), removes=(), **kw):
    return site.apply(list(writes), removes, today=TODAY, now="2026-11-26T10:00:00+08:00", **kw)


def served(site) -> dict[str, bytes]:
    tree = site.served_tree()
    return {
        rel: (tree / rel).read_bytes()
        for rel in engine.files.walk_all(tree)
        if not rel.startswith(".well-known/")
    }


def page(n: int) -> tuple[str, bytes]:
    return (f"doc/{n}.html", f"<html><body>文件 {n}</body></html>".encode())


def test_first_publish_serves_files_and_a_verifiable_manifest(site):
    result = publish(site, [("index.html", b"home"), page(1)])
    assert result.serial == 1
    files = served(site)
    assert files["index.html"] == b"home"
    assert files["doc/1.html"] == page(1)[1]
    assert "sitemap.xml" in files
    assert engine.verify_tree(site.served_tree(), site.suite) == []


def test_publish_switches_trees_and_keeps_both_in_step(site):
    publish(site, [("index.html", b"v1"), page(1)])
    first = site.current_name()
    publish(site, [("index.html", b"v2")])
    assert site.current_name() != first
    publish(site, [page(2)])
    files = served(site)
    # The third publish went into the first tree: it must carry the second publish's change too.
    assert site.current_name() == first
    assert files["index.html"] == b"v2"
    assert "doc/1.html" in files and "doc/2.html" in files
    assert engine.verify_tree(site.served_tree(), site.suite) == []


def test_unchanged_files_are_not_rewritten(site):
    publish(site, [("index.html", b"home"), page(1), page(2)])
    result = publish(site, [("index.html", b"home"), page(1), page(2), page(3)])
    assert result.written[0] == "doc/3.html"
    assert "doc/1.html" not in result.written and "index.html" not in result.written


def test_crash_mid_publish_leaves_old_site_serving_and_next_publish_repairs(site):
    publish(site, [("index.html", b"old home"), page(1)])
    publish(site, [page(2)])
    before = served(site)
    current = site.current_name()
    with pytest.raises(engine.EngineError):
        publish(site, [("index.html", b"new home"), page(3), page(4)], fail_after=2)
    assert site.current_name() == current
    assert served(site) == before
    assert engine.verify_tree(site.served_tree(), site.suite) == []
    # The half-written standby is repaired: a later publish shows exactly the intended state.
    publish(site, [page(5)])
    files = served(site)
    assert files["index.html"] == b"old home"
    assert "doc/3.html" not in files and "doc/4.html" not in files
    assert {"doc/1.html", "doc/2.html", "doc/5.html"} <= set(files)
    assert engine.verify_tree(site.served_tree(), site.suite) == []


def test_remove_deletes_file_and_manifest_entry(site):
    publish(site, [("index.html", b"x"), page(1), page(2)])
    result = publish(site, removes=["doc/1.html"])
    assert result.removed == ["doc/1.html"]
    assert "doc/1.html" not in served(site)
    assert engine.verify_tree(site.served_tree(), site.suite) == []


def test_full_build_removes_files_no_longer_produced(site):
    publish(site, [("index.html", b"x"), page(1), page(2)])
    publish(site, [("index.html", b"x"), page(2)], full=True)
    assert "doc/1.html" not in served(site)
    assert "doc/2.html" in served(site)


def test_verify_reports_changed_added_missing(site):
    publish(site, [("index.html", b"home"), page(1), page(2)])
    tree = site.served_tree()
    (tree / "index.html").write_bytes(b"<a href=http://casino.example>bet</a>")
    (tree / "doc/2.html").unlink()
    (tree / "doc/evil.html").write_bytes(b"spam")
    problems = {(p.kind, p.path) for p in engine.verify_tree(tree, site.suite)}
    assert problems == {
        ("changed", "index.html"),
        ("missing", "doc/2.html"),
        ("added", "doc/evil.html"),
    }


def test_verify_detects_a_forged_manifest(site):
    publish(site, [("index.html", b"home")])
    tree = site.served_tree()
    (tree / "index.html").write_bytes(b"forged")
    # An attacker recomputes the shard hash but cannot sign the root.
    shard = engine.shard_of("index.html")
    shard_file = tree / engine.SHARD_DIR / f"{shard}.json"
    doc = json.loads(shard_file.read_bytes())
    doc["files"]["index.html"][0] = site.suite.digest(b"forged")
    shard_file.write_bytes(engine.manifest.dump(doc))
    root = json.loads((tree / engine.MANIFEST_FILE).read_bytes())
    root["manifest"]["shards"][shard] = site.suite.digest(shard_file.read_bytes())
    (tree / engine.MANIFEST_FILE).write_text(json.dumps(root))
    kinds = {p.kind for p in engine.verify_tree(tree, site.suite)}
    assert "signature" in kinds


def test_one_publish_rewrites_only_a_few_manifest_shards(site):
    publish(site, [page(n) for n in range(2000)])
    result = publish(site, [page(5000)])
    assert site.served_tree().joinpath("doc/5000.html").exists()
    assert len(site.state()["journal"]) < 12
    assert result.total == 2001 + len(site.manifest().root["sitemaps"]) + 1


def test_sitemap_lists_html_pages_with_public_urls(site):
    publish(site, [("index.html", b"h"), ("xxgk/index.html", b"x"), page(7), ("feed.xml", b"<f/>")])
    tree = site.served_tree()
    text = "".join(
        (tree / "sitemaps" / f"{k}.xml").read_text() for k in site.manifest().root["sitemaps"]
    )
    assert "<loc>https://kjj.example.gov.cn/</loc>" in text
    assert "<loc>https://kjj.example.gov.cn/xxgk/</loc>" in text
    assert "<loc>https://kjj.example.gov.cn/doc/7.html</loc>" in text
    assert "feed.xml" not in text
    index = (tree / "sitemap.xml").read_text()
    assert index.count("<sitemap>") == len(site.manifest().root["sitemaps"])


def test_restore_puts_back_good_bytes_and_quarantines_planted_files(site, tmp_path):
    publish(site, [("index.html", b"home"), page(1)])
    tree = site.served_tree()
    (tree / "index.html").write_bytes(b"hacked")
    (tree / "bet.html").write_bytes(b"casino")
    problems = engine.verify_tree(tree, site.suite)
    good = {"index.html": b"home"}
    restored, moved, unresolved = engine.restore_tree(
        tree, site.suite, problems, good.get, tmp_path / "q"
    )
    assert restored == ["index.html"] and moved == ["bet.html"] and unresolved == []
    assert (tree / "index.html").read_bytes() == b"home"
    assert (tmp_path / "q" / "bet.html").read_bytes() == b"casino"
    assert (tmp_path / "q" / "index.html").read_bytes() == b"hacked"
    assert engine.verify_tree(tree, site.suite) == []


def test_engine_package_imports_no_django(site):
    code = (
        "import sys, datetime as dt; from pathlib import Path; "
        "from gongkai.core.crypto import Ed25519Sha256; from gongkai.publishing import engine; "
        "s = engine.SiteDir(Path(sys.argv[1]), Ed25519Sha256(key_path=Path(sys.argv[2])), "
        "site='kjj', base_url='https://x'); "
        "s.apply([('index.html', b'x')], today=dt.date(2026, 11, 26), now='now'); "
        "assert engine.verify_tree(s.served_tree(), s.suite) == []; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    out = subprocess.run(
        [sys.executable, "-c", code, str(site.root), str(site.suite.key_path)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert out.stdout.strip() == "[]"


def test_current_link_is_switched_by_rename(site):
    publish(site, [("index.html", b"x")])
    assert os.readlink(site.current_link) in ("a", "b")


KILL_SCRIPT = """
import datetime as dt, sys, time
from pathlib import Path
from gongkai.core.crypto import Ed25519Sha256
from gongkai.publishing import engine

root, key, ready = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
site = engine.SiteDir(root, Ed25519Sha256(key_path=key), site="kjj", base_url="https://x")

def writes():
    for n in range(1000):
        if n == 20:
            ready.write_text("ok")
            time.sleep(60)
        yield (f"index.html" if n == 0 else f"doc/{n}.html", f"new {n}".encode())

site.apply(writes(), today=dt.date(2026, 11, 26), now="now")
"""


def test_killed_publisher_leaves_old_site_serving(site, tmp_path):
    import signal
    import time

    publish(site, [("index.html", b"old home"), page(1)])
    publish(site, [page(2)])
    before = served(site)
    ready = tmp_path / "ready"
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(site.root), str(site.suite.key_path), str(ready)]
    )
    try:
        deadline = time.monotonic() + 30
        while not ready.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists(), "publisher did not start writing"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert served(site) == before
    assert engine.verify_tree(site.served_tree(), site.suite) == []
    publish(site, [page(3)])
    files = served(site)
    assert files["index.html"] == b"old home"
    assert set(files) >= {"doc/1.html", "doc/2.html", "doc/3.html"}
    assert "doc/5.html" not in files
    assert engine.verify_tree(site.served_tree(), site.suite) == []
