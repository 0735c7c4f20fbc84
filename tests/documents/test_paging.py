"""The portal's document lists are paged so that one publication rewrites a few pages; the
incremental result must be exactly what a full rebuild produces, whatever the change."""

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings

from gongkai.core.models import AuditEntry
from gongkai.documents import lists
from gongkai.documents.catalogue import catalogue_seed
from gongkai.documents.models import CatalogueColumn
from gongkai.documents.services import publication
from gongkai.publishing.models import Publication
from gongkai.publishing.services import site_rebuild

pytestmark = pytest.mark.django_db


def tree(bureau) -> dict[str, bytes]:
    root = Path(settings.SITE_ROOT) / bureau.slug / "current"
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".well-known" not in p.parts
    }


@pytest.fixture
def site(bureau, monkeypatch):
    monkeypatch.setattr(lists, "PAGE_SIZE", 2)
    catalogue_seed(bureau)
    site_rebuild(department=bureau)
    return bureau


@pytest.fixture
def same_as_rebuild(site, django_capture_on_commit_callbacks):
    """Run a change, publishing incrementally; then check a full rebuild changes nothing."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            result = change()
        incremental = tree(site)
        site_rebuild(department=site)
        rebuilt = tree(site)
        assert (
            sorted(set(incremental) - set(rebuilt)),
            sorted(set(rebuilt) - set(incremental)),
        ) == ([], [])
        assert [f for f in rebuilt if rebuilt[f] != incremental[f]] == []
        return result

    return run


def test_incremental_pages_equal_a_full_rebuild(site, draft, walk, users, same_as_rebuild):
    column = CatalogueColumn.objects.get(department=site, slug="tzgg")

    def publish(day: dt.date, title: str, **kw):
        doc = draft(
            title=title, written_date=day - dt.timedelta(days=3), column_ids=[column.pk], **kw
        )
        return same_as_rebuild(lambda: walk(doc, today=day))

    earliest = publish(dt.date(2024, 6, 3), "二〇二四年的唯一一件通知")  # a new year in every list
    first = publish(dt.date(2025, 12, 30), "二〇二五年的唯一一件通知")
    docs = [publish(dt.date(2026, 1, 5 + i), f"一月通知{i}") for i in range(5)]  # pages fill up
    publish(dt.date(2026, 1, 6), "补录的一月六日通知", genre="办法")  # back-dated: the middle
    same_as_rebuild(
        lambda: publication.document_set_validity(  # rows move between 有效性 lists
            actor=users["office"],
            document=docs[1],
            validity="repealed",
            date=dt.date(2026, 2, 1),
            replaced_by=docs[4],
        )
    )
    same_as_rebuild(
        lambda: publication.document_withdraw(  # a page empties
            actor=users["office"], document=docs[4], reason="内容有误，更正后重新发布。"
        )
    )
    same_as_rebuild(
        lambda: publication.document_withdraw(  # a year between two empties
            actor=users["office"], document=first, reason="重复发布。"
        )
    )
    assert "暂无信息" in tree(site)["gwk/2025/index.html"].decode()
    same_as_rebuild(
        lambda: publication.document_withdraw(  # the earliest year disappears
            actor=users["office"], document=earliest, reason="重复发布。"
        )
    )
    assert Publication.objects.filter(department=site, kind="publish").count() == 12
    assert not any(f.startswith(("gwk/2024/", "gwk/2025/")) for f in tree(site))


def test_a_year_is_split_into_stable_pages(site, draft, walk, django_capture_on_commit_callbacks):
    served = Path(settings.SITE_ROOT) / site.slug / "current"
    with django_capture_on_commit_callbacks(execute=True):
        for i in range(5):
            walk(
                draft(title=f"第{i + 1}件", written_date=dt.date(2026, 3, 1)),
                today=dt.date(2026, 3, 2 + i),
            )
    newest = (served / "gwk/2026/index.html").read_text()
    assert (
        "2026年共5件，按发布日期分为3页" in newest and "第5件" in newest and "第4件" not in newest
    )
    first = (served / "gwk/2026/1.html").read_text()
    assert "第1件" in first and "第2件" in first and "第3件" not in first
    assert 'href="/gwk/2026/2.html" rel="next"' in first and 'rel="prev"' not in first
    assert (served / "gwk/2026/written/3.html").exists()
    assert not (served / "gwk/2026/4.html").exists()
    # One more: the year's last page and newest page change, the pages before it do not.
    with django_capture_on_commit_callbacks(execute=True):
        walk(draft(title="第6件", written_date=dt.date(2026, 3, 1)), today=dt.date(2026, 3, 9))
    written = AuditEntry.objects.filter(action="publishing.publish").latest("id").after["written"]
    assert {"gwk/2026/3.html", "gwk/2026/index.html", "gwk/2026/written/3.html"} <= set(written)
    assert not {"gwk/2026/1.html", "gwk/2026/2.html", "gwk/2026/written/2.html"} & set(written)
