"""A visitor searches the portal with a real browser: from the home page's search box to a
filtered, highlighted result list, on desktop and on a phone."""

import threading
from datetime import date
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest

from gongkai.search.services import search_index
from tests.conftest import DESKTOP, PHONE, screenshot
from tests.search.conftest import make_doc

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class _ThreadedServer(WSGIServer):
    daemon_threads = True


@pytest.fixture
def portal(bureau):
    """The embedded server (static portal + Django), as `gongkai serve` runs it."""
    from django.core.handlers.wsgi import WSGIHandler

    from gongkai.publishing.server import StaticSite, site_root_for_host
    from gongkai.publishing.services import site_rebuild

    for i in range(30):
        search_index(
            make_doc(
                bureau.pk,
                f"n{i}",
                f"关于开展{2000 + i}年度科技创新券申领工作的通知",
                body="企业可申领创新券，用于购买检验检测、知识产权等科技服务。" * 3,
                doc_number=f"筑科通〔{2000 + i}〕{i + 1}号",
                publish_date=date(2000 + i % 27, 3, 1),
                issuer="示例市科学技术局",
                topic="科技",
                genre="通知",
                validity="有效" if i % 5 else "失效",
            )
        )
    search_index(
        make_doc(
            bureau.pk,
            "ip",
            "示例市知识产权保护办法",
            doc_number="筑科发〔2017〕12号",
            body="为加强知识产权保护<script>alert(1)</script>，制定本办法。",
            publish_date=date(2017, 5, 4),
            issuer="示例市人民政府办公厅",
            topic="知识产权",
            genre="办法",
            validity="有效",
        )
    )
    site_rebuild(department=bureau)
    server = make_server(
        "127.0.0.1",
        0,
        StaticSite(WSGIHandler(), site_root_for_host),
        server_class=_ThreadedServer,
        handler_class=_Quiet,
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.mark.parametrize(("viewport", "label"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_visitor_searches_filters_and_pages(portal, new_page, viewport, label):
    page = new_page(viewport)
    page.goto(f"{portal}/")
    page.get_by_label("全站搜索").fill("创新券")
    page.get_by_role("button", name="搜索").click()
    page.wait_for_url("**/search/?q=*")
    assert "共找到 30 条结果" in page.get_by_role("status").inner_text()
    assert page.locator(".search-hit mark").first.inner_text() == "创新券"
    screenshot(page, f"search-results-{label}")

    page.get_by_label("有效性").select_option("失效")
    page.get_by_label("按发布日期").check()
    page.get_by_role("button", name="检索", exact=True).click()
    assert "共找到 6 条结果" in page.get_by_role("status").inner_text()
    dates = page.locator(".search-hit time").evaluate_all("els => els.map(e => e.dateTime)")
    assert dates == sorted(dates, reverse=True)


def test_visitor_pages_through_results(portal, new_page):
    page = new_page()
    page.goto(f"{portal}/search/?q=创新券")
    page.get_by_role("navigation", name="分页").get_by_role("link", name="下一页").click()
    assert "第 2 / 2 页" in page.get_by_role("status").inner_text()
    assert page.locator(".search-hit").count() == 10


def test_doc_number_opens_the_document(portal, new_page):
    page = new_page()
    page.goto(f"{portal}/search/")
    page.get_by_label("关键词").fill("筑科发[2017]12号")
    page.get_by_role("button", name="检索", exact=True).click()
    page.wait_for_url("**/xxgk/ip.html")


def test_markup_in_a_document_is_shown_as_text(portal, new_page):
    page = new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{portal}/search/?q=保护")
    assert "<script>alert(1)</script>" in page.locator(".search-snippet").first.inner_text()
    assert dialogs == []
    screenshot(page, "search-escaped")
