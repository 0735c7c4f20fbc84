import datetime as dt

import pytest

from gongkai.publishing import pages
from gongkai.publishing.feeds import feed_pages
from gongkai.publishing.portal import notice_page


class FakeDocuments:
    """A page source standing in for an app: documents in a dict, one column list each."""

    name = "test-docs"

    def __init__(self) -> None:
        self.docs: dict[int, dict] = {}
        self.fail_on: int | None = None

    def add(self, n: int, title: str, column: str = "zcwj", day: int = 1) -> None:
        self.docs[n] = {
            "title": title,
            "column": column,
            "date": dt.date(2026, 11, day),
            "withdrawn": False,
        }

    def doc_page(self, n: int) -> pages.Page:
        doc = self.docs[n]
        if doc["withdrawn"]:
            return notice_page(
                f"/xxgk/wj/{n}.html", doc["title"], "该文件已被撤回。", date=dt.date(2026, 11, 26)
            )
        if self.fail_on == n:
            raise RuntimeError("模板渲染出错")
        return pages.Page(f"/xxgk/wj/{n}.html", "test/doc.html", {"doc": doc})

    def column_pages(self, site, column: str) -> list[pages.Page]:
        items = [
            pages.Link(d["title"], f"/xxgk/wj/{n}.html", d["date"])
            for n, d in sorted(self.docs.items())
            if d["column"] == column and not d["withdrawn"]
        ]
        return [
            pages.Page(f"/xxgk/{column}/", "test/column.html", {"items": items}),
            *feed_pages(site, f"/xxgk/{column}/", "政策文件", items),
        ]

    def pages(self, site):
        for n in self.docs:
            yield self.doc_page(n)
        for column in sorted({d["column"] for d in self.docs.values()}):
            yield from self.column_pages(site, column)

    def affected(self, site, change):
        if change.kind != "document" or change.id not in self.docs:
            return pages.Affected()
        return pages.Affected(
            pages=[
                self.doc_page(change.id),
                *self.column_pages(site, self.docs[change.id]["column"]),
            ]
        )


@pytest.fixture(autouse=True)
def only_portal_sources():
    """These tests exercise the engine with the portal and a fake source only, not with the
    other apps' sources (their own tests cover those)."""
    saved_sources = dict(pages._sources)
    saved_providers = {k: list(v) for k, v in pages._providers.items()}
    from gongkai.publishing.portal import PortalPages

    pages._sources.clear()
    pages.source(PortalPages)
    for v in pages._providers.values():
        v.clear()
    yield
    pages._sources.clear()
    pages._sources.update(saved_sources)
    for k, v in saved_providers.items():
        pages._providers[k][:] = v


@pytest.fixture
def fake_docs(settings, tmp_path):
    """Registers FakeDocuments and a template folder for it; removes both afterwards."""
    from gongkai.publishing import jinja

    tpl = tmp_path / "tpl" / "site_templates" / "test"
    tpl.mkdir(parents=True)
    (tpl / "doc.html").write_text(
        '{% extends "portal/base.html" %}{% block title %}{{ doc.title }}{% endblock %}'
        "{% block content %}<h1>{{ doc.title }}</h1>{% endblock %}"
    )
    (tpl / "column.html").write_text(
        '{% extends "portal/base.html" %}{% from "portal/_macros.html" import linklist %}'
        "{% block title %}政策文件{% endblock %}{% block content %}{{ linklist(items) }}{% endblock %}"
    )
    original = jinja.template_dirs
    jinja.template_dirs = lambda: [*original(), tpl.parent]  # type: ignore[assignment]
    jinja.environment.cache_clear()
    source = FakeDocuments()
    pages.source(source)

    def block(site):
        items = tuple(
            pages.Link(d["title"], f"/xxgk/wj/{n}.html", d["date"])
            for n, d in sorted(source.docs.items(), reverse=True)
            if not d["withdrawn"]
        )
        return [pages.Block("政策文件", items, more_url="/xxgk/zcwj/")] if items else []

    pages.home_blocks(block)

    def columns(site):
        return [pages.Link("政策文件", "/xxgk/zcwj/")]

    pages.columns(columns)
    yield source
    jinja.template_dirs = original  # type: ignore[assignment]
    jinja.environment.cache_clear()
