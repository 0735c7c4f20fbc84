"""Publishing through the services: what the public sees after a publish, rebuild, withdrawal,
tampering and restore."""

import json
import re

import pytest
import time_machine
from django.core.management import call_command

from gongkai.core.errors import AccessDenied
from gongkai.core.models import User
from gongkai.publishing import engine
from gongkai.publishing.models import Publication
from gongkai.publishing.pages import Change
from gongkai.publishing.services import (
    PublishError,
    site_check_page,
    site_dir,
    site_publish,
    site_rebuild,
    site_restore,
    site_verify,
)
from gongkai.publishing.site import site_info

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen_time():
    with time_machine.travel("2026-11-26 10:00 +0800", tick=False):
        yield


def tree(department):
    return site_dir(site_info(department)).served_tree()


def read(department, rel):
    return (tree(department) / rel).read_text()


def test_rebuild_serves_home_and_xxgk_sections_with_canonical_and_signature(bureau, settings):
    pub = site_rebuild(department=bureau)
    assert pub.kind == Publication.Kind.REBUILD and pub.serial == 1
    home = read(bureau, "index.html")
    assert "<title>首页 - 示例市科学技术局</title>" in home
    assert f'<link rel="canonical" href="{settings.PUBLIC_BASE_URL}/">' in home
    key = engine.key_id(site_dir(site_info(bureau)).suite)
    assert f'content="site=kjj; path=/; key={key}; manifest=' in home
    for section in ("zn", "zd", "fdzdgknr", "nb", "ysqgk"):
        page = read(bureau, f"xxgk/{section}/index.html")
        assert f'href="{settings.PUBLIC_BASE_URL}/xxgk/{section}/"' in page
    assert site_verify(department=bureau).ok


def test_guide_carries_the_departments_contact_details(bureau):
    site_rebuild(department=bureau)
    guide = read(bureau, "xxgk/zn/index.html")
    for text in (
        "办公室",
        "示例市观山湖区市级行政中心2号楼4层",
        "0851-87987000",
        "0851-87987001",
        "kjjgk@example.gov.cn",
        "20个工作日",
        "第三十三条",
    ):
        assert text in guide
    assert 'href="/apply/"' in read(bureau, "xxgk/ysqgk/index.html")


def test_columns_page_falls_back_to_article_20_then_lists_columns(bureau, fake_docs):
    site_rebuild(department=bureau)
    page = read(bureau, "xxgk/fdzdgknr/index.html")
    assert 'href="/xxgk/zcwj/"' in page


def test_columns_fallback_without_any_column(bureau):
    site_rebuild(department=bureau)
    assert "（一）行政法规、规章和规范性文件" in read(bureau, "xxgk/fdzdgknr/index.html")


def test_publishing_one_document_rewrites_only_the_pages_it_affects(bureau, fake_docs):
    for n in range(1, 21):
        fake_docs.add(n, f"文件{n}", column="zcwj" if n % 2 else "tzgg", day=n)
    site_rebuild(department=bureau)
    fake_docs.add(21, "关于科技创新券的通知", column="zcwj", day=25)
    pub = site_publish(department=bureau, changes=[Change("document", 21)])
    journal = set(site_dir(site_info(bureau)).state()["journal"])
    pages_written = {p for p in journal if p.endswith(".html") or "feed" in p}
    assert pages_written == {
        "xxgk/wj/21.html",
        "xxgk/zcwj/index.html",
        "xxgk/zcwj/feed.xml",
        "xxgk/zcwj/feed.rss",
        "index.html",
        "feed.xml",
        "feed.rss",
    }
    assert pub.written == len([p for p in journal if not p.startswith(".well-known/")])
    assert "关于科技创新券的通知" in read(bureau, "index.html")
    assert "关于科技创新券的通知" in read(bureau, "xxgk/zcwj/index.html")
    assert "关于科技创新券的通知" not in read(bureau, "xxgk/tzgg/index.html")
    assert "xxgk/wj/21.html" in "".join(
        (tree(bureau) / "sitemaps" / f"{k}.xml").read_text()
        for k in site_dir(site_info(bureau)).manifest().root["sitemaps"]
    )
    assert site_verify(department=bureau).ok


def test_withdrawing_replaces_the_page_with_a_notice(bureau, fake_docs):
    fake_docs.add(1, "示例市科技计划项目管理办法")
    site_rebuild(department=bureau)
    fake_docs.docs[1]["withdrawn"] = True
    site_publish(department=bureau, changes=[("document", 1)])
    page = read(bureau, "xxgk/wj/1.html")
    assert "该信息已撤回" in page and "《示例市科技计划项目管理办法》" in page
    assert "2026年11月26日" in page
    assert "示例市科技计划项目管理办法" not in read(bureau, "xxgk/zcwj/index.html")


def test_a_failing_render_publishes_nothing(bureau, fake_docs):
    fake_docs.add(1, "旧文件")
    site_rebuild(department=bureau)
    before = {p: (tree(bureau) / p).read_bytes() for p in ("index.html", "xxgk/wj/1.html")}
    fake_docs.add(2, "新文件")
    fake_docs.fail_on = 2
    with pytest.raises(RuntimeError):
        site_publish(department=bureau, changes=[Change("document", 2)])
    assert {p: (tree(bureau) / p).read_bytes() for p in before} == before
    assert not (tree(bureau) / "xxgk/wj/2.html").exists()
    assert site_verify(department=bureau).ok


def test_engine_failure_mid_publish_keeps_old_site_and_reports_in_chinese(
    bureau, fake_docs, monkeypatch
):
    fake_docs.add(1, "旧文件")
    site_rebuild(department=bureau)
    served_before = tree(bureau)
    home_before = read(bureau, "index.html")
    fake_docs.add(2, "新文件")
    real_write = engine.files.write_atomic
    calls = {"n": 0}

    def crash_on_third(target, data):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        real_write(target, data)

    monkeypatch.setattr(engine.files, "write_atomic", crash_on_third)
    with pytest.raises(PublishError, match="网站仍为上一版本"):
        site_publish(department=bureau, changes=[Change("document", 2)])
    monkeypatch.setattr(engine.files, "write_atomic", real_write)
    assert tree(bureau) == served_before
    assert read(bureau, "index.html") == home_before
    assert site_verify(department=bureau).ok
    site_publish(department=bureau, changes=[Change("document", 2)])
    assert "新文件" in read(bureau, "index.html")
    assert site_verify(department=bureau).ok


def test_only_the_office_may_publish(bureau):
    drafter = User.objects.get(username="drafter")
    with pytest.raises(AccessDenied):
        site_publish(department=bureau, changes=[Change("portal", "all")], actor=drafter)
    office = User.objects.get(username="office")
    pub = site_publish(department=bureau, changes=[Change("portal", "all")], actor=office)
    assert pub.serial == 1


def test_verify_cli_lists_every_changed_added_and_missing_file(bureau, capsys):
    site_rebuild(department=bureau)
    call_command("site", "verify")
    assert "全部文件与签名清单一致" in capsys.readouterr().out
    served = tree(bureau)
    (served / "index.html").write_text('<a href="https://bet.example/">澳门博彩</a>')
    (served / "xxgk/zd/index.html").unlink()
    (served / "xxgk/bc.html").write_text("casino")
    with pytest.raises(SystemExit) as exit_info:
        call_command("site", "verify", "--json")
    assert exit_info.value.code == 1
    out = json.loads(capsys.readouterr().out)
    assert out["root"] == str(served)
    assert {(p["kind"], p["path"]) for p in out["problems"]} == {
        ("changed", "index.html"),
        ("missing", "xxgk/zd/index.html"),
        ("added", "xxgk/bc.html"),
    }


def test_restore_puts_the_signed_pages_back(bureau, capsys):
    site_rebuild(department=bureau)
    served = tree(bureau)
    original = (served / "index.html").read_bytes()
    (served / "index.html").write_text("hacked")
    (served / "xxgk/zn/index.html").unlink()
    (served / "bet.html").write_text("casino")
    report = site_restore(department=bureau)
    assert report.after.ok
    assert (served / "index.html").read_bytes() == original
    assert (served / "xxgk/zn/index.html").exists()
    assert not (served / "bet.html").exists()
    assert (report.quarantine_dir / "bet.html").read_text() == "casino"
    assert (report.quarantine_dir / "index.html").read_text() == "hacked"


def test_restore_renders_afresh_when_both_trees_were_tampered(bureau):
    site_rebuild(department=bureau)
    site = site_dir(site_info(bureau))
    for name in ("a", "b"):
        (site.root / name / "xxgk/zd/index.html").write_text("defaced")
    report = site_restore(department=bureau)
    assert report.restored == ["xxgk/zd/index.html"]
    assert "政府信息公开制度" in read(bureau, "xxgk/zd/index.html")


def test_check_page_tells_a_copy_from_the_original(bureau):
    site_rebuild(department=bureau)
    original = (tree(bureau) / "xxgk/index.html").read_bytes()
    assert site_check_page(department=bureau, path="/xxgk/", data=original) == "ok"
    assert site_check_page(department=bureau, path="/xxgk/", data=original + b"<a>") == "changed"
    assert site_check_page(department=bureau, path="/nope.html", data=b"") == "unknown"


def test_robots_sitemap_and_feeds(bureau, fake_docs, settings):
    fake_docs.add(1, "科技政策<一>", day=3)
    site_rebuild(department=bureau)
    robots = read(bureau, "robots.txt")
    assert f"Sitemap: {settings.PUBLIC_BASE_URL}/sitemap.xml" in robots
    assert "Disallow: /staff/" in robots
    index = read(bureau, "sitemap.xml")
    assert index.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    assert re.search(r"<loc>[^<]+/sitemaps/[0-9a-f]{2}\.xml</loc>", index)
    atom = read(bureau, "xxgk/zcwj/feed.xml")
    assert "<feed" in atom and "科技政策&lt;一&gt;" in atom
    assert f"{settings.PUBLIC_BASE_URL}/xxgk/wj/1.html" in atom
    assert "<rss" in read(bureau, "xxgk/zcwj/feed.rss")
    assert "科技政策&lt;一&gt;" in read(bureau, "feed.xml")


def test_publish_on_a_site_never_built_builds_it(bureau):
    pub = site_publish(department=bureau, changes=[Change("document", 1)])
    assert pub.kind == Publication.Kind.REBUILD
    assert (tree(bureau) / "index.html").exists()


def test_each_department_has_its_own_site(bureau, settings):
    from tests.factories import DepartmentFactory

    other = DepartmentFactory(name="示例市教育局", slug="jyj")
    site_rebuild(department=bureau)
    site_rebuild(department=other)
    assert "示例市教育局" in (settings.SITE_ROOT / "jyj/current/index.html").read_text()
    assert "示例市科学技术局" in (settings.SITE_ROOT / "kjj/current/index.html").read_text()


def test_unknown_change_format_is_refused_in_chinese(bureau):
    site_rebuild(department=bureau)
    with pytest.raises(PublishError, match="无法识别的变更"):
        site_publish(department=bureau, changes=["document-1"])


def test_publish_on_commit_waits_for_the_transaction(
    bureau, fake_docs, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from gongkai.publishing.services import site_publish_on_commit

    fake_docs.add(1, "旧文件")
    site_rebuild(department=bureau)
    fake_docs.add(2, "提交后才发布的文件")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        site_publish_on_commit(department=bureau, changes=[Change("document", 2)])
        assert not (tree(bureau) / "xxgk/wj/2.html").exists()
    assert "提交后才发布的文件" in read(bureau, "xxgk/wj/2.html")


def test_cli_build_publish_status_and_key(bureau, fake_docs, capsys):
    call_command("site", "build")
    assert "全站重建完成，第 1 版" in capsys.readouterr().out
    fake_docs.add(9, "命令行发布的文件")
    call_command("site", "publish", "document:9")
    assert "已发布第 2 版" in capsys.readouterr().out
    assert "命令行发布的文件" in read(bureau, "xxgk/wj/9.html")
    call_command("site", "status")
    out = capsys.readouterr().out
    assert "第 2 版" in out and "增量发布" in out
    call_command("site", "key")
    assert "BEGIN PUBLIC KEY" in capsys.readouterr().out
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="格式不对"):
        call_command("site", "publish", "document9")
    with pytest.raises(CommandError, match="没有标识为"):
        call_command("site", "--site", "nosuch", "status")


def test_top_navigation_marks_exactly_one_current_section(bureau):
    site_rebuild(department=bureau)
    apply_page = read(bureau, "xxgk/ysqgk/index.html")
    nav = apply_page.split('aria-label="主导航"')[1].split("</nav>")[0]
    assert nav.count("aria-current") == 1
    assert 'href="/xxgk/ysqgk/" aria-current="page"' in nav
    guide_nav = (
        read(bureau, "xxgk/zn/index.html").split('aria-label="主导航"')[1].split("</nav>")[0]
    )
    assert 'href="/xxgk/" aria-current="true"' in guide_nav
