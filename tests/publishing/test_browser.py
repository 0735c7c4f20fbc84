"""A person opens the portal in Chromium at desktop and phone widths, enlarges the text and
reaches the skip link with the keyboard."""

import os
import threading
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest

from gongkai.publishing.services import site_rebuild

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def portal(bureau, settings):
    """The static-site server of gongkai.wsgi (StaticSite around Django) on a free port.

    The site directory is given directly instead of looked up by host name: the server thread
    has its own database connection, and the pages under test need none. (A transactional test
    database would let it look up hosts, but cannot be flushed on PostgreSQL while another app
    keeps a table outside the ORM.)"""
    from gongkai.publishing.server import StaticSite
    from gongkai.wsgi import django_application

    settings.ROOT_URLCONF = "tests.publishing.urls"
    site_rebuild(department=bureau)
    root = settings.SITE_ROOT / bureau.slug
    app = StaticSite(django_application, lambda host: root)
    server = make_server("127.0.0.1", 0, app, server_class=_Server, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def shot(page, name):
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"publishing-{name}.png"), full_page=True)


def test_desktop_home_and_xxgk_sections(portal, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(portal + "/")
    assert page.title() == "首页 - 示例市科学技术局"
    assert page.locator("header .sitename").inner_text().strip().endswith("示例市科学技术局")
    shot(page, "home-1280")
    page.get_by_role("link", name="政府信息公开", exact=True).first.click()
    page.get_by_role("navigation", name="政府信息公开专栏").get_by_role(
        "link", name="政府信息公开指南"
    ).click()
    assert page.url.endswith("/xxgk/zn/")
    assert page.locator("h1").inner_text() == "政府信息公开指南"
    assert "0851-87987001" in page.locator("main").inner_text()
    shot(page, "guide-1280")
    for name, path in (
        ("政府信息公开制度", "/xxgk/zd/"),
        ("法定主动公开内容", "/xxgk/fdzdgknr/"),
        ("政府信息公开年报", "/xxgk/nb/"),
        ("依申请公开", "/xxgk/ysqgk/"),
    ):
        page.get_by_role("navigation", name="政府信息公开专栏").get_by_role(
            "link", name=name
        ).click()
        assert page.url.endswith(path)
        assert page.locator("h1").inner_text() == name
    shot(page, "apply-1280")
    assert errors == []


def test_font_size_switch_is_remembered(portal, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(portal + "/xxgk/zn/")
    size = lambda: page.evaluate(  # noqa: E731
        "parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)"
    )
    before = size()
    page.get_by_role("button", name="放大字号").click()
    page.get_by_role("button", name="放大字号").click()
    assert size() > before * 1.2
    page.goto(portal + "/xxgk/zd/")
    assert size() > before * 1.2  # remembered on the next page
    shot(page, "rules-large-font")
    page.get_by_role("button", name="恢复默认字号").click()
    assert size() == before


def test_keyboard_reaches_skip_link_first_and_it_moves_focus_to_main(portal, chromium):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(portal + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "跳到正文"
    assert page.locator(".skip-link").is_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"
    shot(page, "skip-link")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_phone_width_has_no_horizontal_scroll(portal, chromium):
    page = chromium.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    for path, name in (("/", "home-390"), ("/xxgk/zn/", "guide-390"), ("/xxgk/", "xxgk-390")):
        page.goto(portal + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} 在手机宽度下出现横向滚动（{width}px）"
        shot(page, name)
    assert page.get_by_role("button", name="放大字号").is_visible()
