"""Restore stays restored: each kind of tamper, in the served or the standby tree, then restore,
then a publication, then a full build — no tree may hold tampered bytes afterwards and what is
served is exactly what was signed. The two trees share unchanged files through hard links, so
a file changed in place is changed in both."""

import datetime as dt
import os
import stat
from pathlib import Path

import pytest

from gongkai.core.crypto import Ed25519Sha256
from gongkai.publishing import engine
from gongkai.publishing.engine import files

TODAY = dt.date(2026, 11, 26)
EVIL = b"<a href='http://casino.example'>bet365</a>"
PAGES = {
    "index.html": b"<html>home</html>",
    "doc/1.html": "<html>文件 1</html>".encode(),
    "doc/2.html": "<html>文件 2</html>".encode(),
    "xxgk/zn/index.html": "<html>指南</html>".encode(),
}
TARGET = "doc/1.html"  # a page no later publication rewrites


def tamper_in_place(tree: Path, tmp: Path) -> None:
    with open(tree / TARGET, "ab") as fh:  # `>>`: the same inode, shared by both trees
        fh.write(EVIL)


def tamper_replace(tree: Path, tmp: Path) -> None:
    new = tree / "doc/.new"
    new.write_bytes(EVIL)
    os.replace(new, tree / TARGET)


def tamper_delete(tree: Path, tmp: Path) -> None:
    (tree / TARGET).unlink()


def tamper_add(tree: Path, tmp: Path) -> None:
    (tree / "doc/bet.html").write_bytes(EVIL)


def tamper_symlink(tree: Path, tmp: Path) -> None:
    outside = tmp / "evil.html"
    outside.write_bytes(EVIL)
    (tree / TARGET).unlink()
    (tree / TARGET).symlink_to(outside)


def tamper_folder_link(tree: Path, tmp: Path) -> None:
    outside = tmp / "evil-dir"
    (outside / "zn").mkdir(parents=True)
    (outside / "zn/index.html").write_bytes(EVIL)
    os.rename(tree / "xxgk", tmp / "moved-xxgk")
    (tree / "xxgk").symlink_to(outside)


def tamper_chmod(tree: Path, tmp: Path) -> None:
    os.chmod(tree / TARGET, 0o666)  # noqa: S103 — anyone on the machine may now write the page


def tamper_chmod_folder(tree: Path, tmp: Path) -> None:
    os.chmod(tree / "doc", 0o777)  # noqa: S103 — the tamper under test


TAMPERS = {
    "in-place": tamper_in_place,
    "replace": tamper_replace,
    "delete": tamper_delete,
    "add": tamper_add,
    "symlink": tamper_symlink,
    "folder-link": tamper_folder_link,
    "chmod": tamper_chmod,
    "chmod-folder": tamper_chmod_folder,
}
# Tampers that leave the served tree alone when done in the standby: the publisher's own
# check before the switch must catch them, restore or not.
STRUCTURAL = ("replace", "delete", "add", "symlink", "folder-link", "chmod-folder")


@pytest.fixture
def site(tmp_path: Path) -> engine.SiteDir:
    suite = Ed25519Sha256(key_path=tmp_path / "key.pem")
    site = engine.SiteDir(tmp_path / "site", suite, site="kjj", base_url="https://x")
    publish(site, PAGES.items())
    publish(site, [("index.html", b"<html>home 2</html>")])
    publish(site, [("doc/2.html", "<html>文件 2 修订</html>".encode())])
    # both trees now hold the site; unchanged files are one inode in both
    assert (site.served_tree() / TARGET).stat().st_ino == (
        site.standby_tree() / TARGET
    ).stat().st_ino
    return site


def publish(site, writes=(), removes=(), **kw):
    return site.apply(list(writes), removes, today=TODAY, now="2026-11-26T10:00:00+08:00", **kw)


def current_pages(site) -> list[tuple[str, bytes]]:
    tree = site.served_tree()
    return [(rel, (tree / rel).read_bytes()) for rel in PAGES]


def restore(site, tmp_path):
    problems = engine.verify_tree(site.served_tree(), site.suite)
    good = current_signed(site)
    return site.restore(problems, good.get, tmp_path / "quarantine")


def current_signed(site) -> dict[str, bytes]:
    """The signed bytes of every page, as the database would render them again."""
    signed = dict(PAGES)
    signed["index.html"] = b"<html>home 2</html>"
    signed["doc/2.html"] = "<html>文件 2 修订</html>".encode()
    return signed


def assert_no_tree_tampered(site) -> None:
    for tree in (site.served_tree(), site.standby_tree()):
        for dirpath, dirnames, filenames in os.walk(tree):
            for name in dirnames + filenames:
                path = Path(dirpath) / name
                assert not path.is_symlink(), f"link left in {tree.name}: {path}"
                mode = stat.S_IMODE(path.lstat().st_mode)
                want = files.DIR_MODE if path.is_dir() else files.FILE_MODE
                assert mode == want, f"{path} has mode {mode:o}"
            for name in filenames:
                assert EVIL not in (Path(dirpath) / name).read_bytes(), f"{tree.name}/{name}"
        assert not (tree / "doc/bet.html").exists()


def assert_serves_signed(site) -> None:
    assert engine.verify_tree(site.served_tree(), site.suite) == []
    served = site.served_tree()
    for rel, data in current_signed(site).items():
        assert (served / rel).read_bytes() == data


@pytest.mark.parametrize("which", ["served", "standby"])
@pytest.mark.parametrize("kind", list(TAMPERS))
def test_tamper_restore_publish_build(site, tmp_path, kind, which):
    tree = site.served_tree() if which == "served" else site.standby_tree()
    TAMPERS[kind](tree, tmp_path)
    if which == "served":
        assert engine.verify_tree(site.served_tree(), site.suite) != []

    restore(site, tmp_path)
    assert_no_tree_tampered(site)
    assert_serves_signed(site)
    assert engine.verify_tree(site.standby_tree(), site.suite) == []

    result = publish(site, [("doc/3.html", "<html>文件 3</html>".encode())])
    assert result.repaired == []  # restore left nothing for the publisher to find
    assert_no_tree_tampered(site)
    assert_serves_signed(site)

    publish(site, [*current_signed(site).items(), ("doc/3.html", "<html>文件 3</html>".encode())])
    assert_no_tree_tampered(site)
    assert_serves_signed(site)
    site.settle()
    assert_no_tree_tampered(site)


@pytest.mark.parametrize("kind", STRUCTURAL)
def test_publisher_checks_the_standby_tree_before_serving_it(site, tmp_path, kind):
    TAMPERS[kind](site.standby_tree(), tmp_path)
    before = engine.verify_tree(site.served_tree(), site.suite)
    assert before == []  # invisible to a verification of the served tree
    result = publish(site, [("doc/3.html", "<html>文件 3</html>".encode())])
    assert result.repaired, "the publisher did not notice"
    assert_serves_signed(site)
    assert_no_tree_tampered(site)  # the old served tree was not touched
    if kind in ("replace", "add", "symlink"):
        kept = {p.relative_to(result.quarantine).as_posix() for p in result.quarantine.rglob("*")}
        assert kept & {TARGET, "doc/bet.html"}, "the planted file is kept as evidence"
    publish(site, [("doc/4.html", b"<html>4</html>")])
    assert_serves_signed(site)


def test_restore_moves_the_tampered_inode_out_of_both_trees(site, tmp_path):
    tampered = (site.served_tree() / TARGET).stat().st_ino
    tamper_in_place(site.served_tree(), tmp_path)
    done = restore(site, tmp_path)
    assert done.restored == [TARGET]
    served, standby = site.served_tree() / TARGET, site.standby_tree() / TARGET
    assert tampered not in (served.stat().st_ino, standby.stat().st_ino)
    assert (tmp_path / "quarantine" / TARGET).stat().st_ino == tampered  # the evidence
    assert TARGET in done.standby


def test_a_rebuild_rewrites_a_page_changed_in_place_even_without_restore(site, tmp_path):
    tamper_in_place(site.served_tree(), tmp_path)
    result = publish(site, current_signed(site).items(), full=True)
    assert TARGET in result.written
    assert_serves_signed(site)
    site.settle()
    assert_no_tree_tampered(site)


def test_a_publication_rewrites_a_page_it_renders_again_when_changed_in_place(site, tmp_path):
    tamper_in_place(site.served_tree(), tmp_path)
    result = publish(site, [(TARGET, PAGES[TARGET])])
    assert result.written == [TARGET] or TARGET in result.written
    assert_serves_signed(site)


def test_verify_names_a_mode_change_and_a_link_to_a_folder(site, tmp_path):
    tamper_chmod(site.served_tree(), tmp_path)
    (tmp_path / "elsewhere").mkdir()
    (site.served_tree() / "doc/more").symlink_to(tmp_path / "elsewhere")
    found = {(p.kind, p.path) for p in engine.verify_tree(site.served_tree(), site.suite)}
    assert found == {("mode", TARGET), ("added", "doc/more")}


def test_pages_are_written_readable_by_the_web_server_whatever_the_umask(tmp_path):
    old = os.umask(0o077)
    try:
        suite = Ed25519Sha256(key_path=tmp_path / "key.pem")
        site = engine.SiteDir(tmp_path / "site", suite, site="kjj", base_url="https://x")
        publish(site, PAGES.items())
    finally:
        os.umask(old)
    assert engine.verify_tree(site.served_tree(), site.suite) == []
    assert stat.S_IMODE((site.served_tree() / TARGET).stat().st_mode) == 0o644
    assert stat.S_IMODE((site.served_tree() / "doc").stat().st_mode) == 0o755


# Through the services, with pages rendered from the database ----------------------------


@pytest.fixture
def frozen():
    import time_machine

    with time_machine.travel("2026-11-26 10:00 +0800", tick=False):
        yield


@pytest.mark.django_db
@pytest.mark.usefixtures("frozen")
def test_a_page_changed_in_place_stays_restored_through_publish_and_rebuild(bureau, fake_docs):
    from gongkai.publishing.models import Publication
    from gongkai.publishing.pages import Change
    from gongkai.publishing.services import (
        site_dir,
        site_publish,
        site_rebuild,
        site_restore,
        site_verify,
    )
    from gongkai.publishing.site import site_info

    fake_docs.add(1, "科技计划项目管理办法")
    site_rebuild(department=bureau)
    site_publish(department=bureau, changes=[Change("portal", "all")])
    site = site_dir(site_info(bureau))
    page = "xxgk/wj/1.html"
    signed = (site.served_tree() / page).read_bytes()
    with open(site.served_tree() / page, "ab") as fh:
        fh.write(EVIL)
    assert EVIL in (site.standby_tree() / page).read_bytes()  # one inode, both trees

    report = site_restore(department=bureau)
    assert report.after.ok and page in report.restored
    for tree in (site.served_tree(), site.standby_tree()):
        assert (tree / page).read_bytes() == signed

    fake_docs.add(2, "新文件")
    pub = site_publish(department=bureau, changes=[Change("document", 2)])
    assert pub.repaired == [] and pub.checked_dirs > 0
    assert (site.served_tree() / page).read_bytes() == signed
    assert site_verify(department=bureau).ok

    site_rebuild(department=bureau)
    for tree in (site.served_tree(), site.standby_tree()):
        assert (tree / page).read_bytes() == signed
    assert site_verify(department=bureau).ok
    assert Publication.objects.filter(department=bureau).count() == 4


@pytest.mark.django_db
@pytest.mark.usefixtures("frozen")
def test_a_file_planted_in_the_standby_tree_is_never_served(bureau, fake_docs):
    from gongkai.publishing.pages import Change
    from gongkai.publishing.services import site_dir, site_publish, site_rebuild, site_verify
    from gongkai.publishing.site import site_info

    site_rebuild(department=bureau)
    site = site_dir(site_info(bureau))
    (site.standby_tree() / "xxgk/bet.html").write_bytes(EVIL)
    pub = site_publish(department=bureau, changes=[Change("portal", "all")])
    assert pub.repaired == ["xxgk/bet.html"]
    assert not (site.served_tree() / "xxgk/bet.html").exists()
    assert site_verify(department=bureau).ok


@pytest.mark.parametrize("kind", STRUCTURAL)
def test_settling_after_a_rebuild_does_not_adopt_what_was_planted_in_the_old_tree(
    site, tmp_path, kind
):
    old = site.served_tree()
    TAMPERS[kind](old, tmp_path)  # in the served tree, and nobody restores
    publish(site, current_signed(site).items(), full=True)
    site.settle()  # the old tree becomes the standby and is brought up to date
    assert_no_tree_tampered(site)
    publish(site, [("doc/3.html", "<html>文件 3</html>".encode())])
    assert_serves_signed(site)


@pytest.mark.django_db
@pytest.mark.usefixtures("frozen")
def test_restore_puts_back_a_page_whose_mode_was_changed(bureau):
    from gongkai.publishing.services import site_dir, site_rebuild, site_restore
    from gongkai.publishing.site import site_info

    site_rebuild(department=bureau)
    site = site_dir(site_info(bureau))
    os.chmod(site.served_tree() / "xxgk/zn/index.html", 0o000)
    report = site_restore(department=bureau)
    assert [p.kind for p in report.before.problems] == ["mode"]
    assert report.after.ok and report.restored == ["xxgk/zn/index.html"]
    for tree in (site.served_tree(), site.standby_tree()):
        assert stat.S_IMODE((tree / "xxgk/zn/index.html").stat().st_mode) == 0o644


def test_a_manifest_shard_replaced_in_the_standby_tree_is_not_signed_again(site, tmp_path):
    journal = set(site.state()["journal"])  # replayed anyway; pick a shard the last one kept
    shard = next(
        f"{engine.SHARD_DIR}/{engine.shard_of(rel)}.json"
        for rel in PAGES
        if f"{engine.SHARD_DIR}/{engine.shard_of(rel)}.json" not in journal
    )
    standby = site.standby_tree()
    forged = standby / ".well-known/gongkai/shards/.forged"
    forged.write_bytes((standby / shard).read_bytes().replace(b'"files"', b'"files" '))
    os.replace(forged, standby / shard)
    result = publish(site, [("doc/3.html", "<html>文件 3</html>".encode())])
    assert shard in result.repaired
    assert_serves_signed(site)
