"""A real chromium: a drafter drafts a notice, it is returned once (退文), corrected, passes the
chain, goes live on the portal, is found in the 公文数据库, then repealed — and the public page
shows the banner. Screenshots at desktop and phone widths go to $SCREENSHOT_DIR."""

import os
import re
import threading
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest

from gongkai.core.demo import DEMO_PASSWORD
from gongkai.documents.catalogue import catalogue_seed
from gongkai.publishing import hosts
from gongkai.publishing.services import site_rebuild
from tests.conftest import DESKTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def portal(bureau):
    """The gongkai WSGI application, which serves the published static site."""
    from django.db import connections

    from gongkai.wsgi import application

    def app(environ, start_response):
        # Server threads must not keep database sessions open past the test (PostgreSQL
        # cannot drop the test database while one is connected).
        try:
            return application(environ, start_response)
        finally:
            connections.close_all()

    hosts.clear()
    catalogue_seed(bureau)
    site_rebuild(department=bureau)
    server = make_server("127.0.0.1", 0, app, server_class=_Server, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    hosts.clear()


def shot(page, name):
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"documents-{name}.png"), full_page=True)


def staff_page(chromium, live_server, username, viewport=DESKTOP):
    page = chromium.new_context(viewport=viewport).new_page()
    page.goto(f"{live_server.url}/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(re.compile(r".*/staff/$"))
    return page


def act(page, label):
    page.get_by_role("button", name=label, exact=True).click()
    page.wait_for_load_state()


def test_draft_return_publish_find_and_repeal(bureau, live_server, portal, chromium):
    # The drafter drafts a notice and forgets the attribute at first: the form says so on submit.
    drafter = staff_page(chromium, live_server, "drafter")
    drafter.goto(f"{live_server.url}/staff/documents/new/")
    drafter.get_by_label("标题").fill("关于开展2026年度科技创新券兑付工作的通知")
    drafter.get_by_label("发文字号").fill("示科发[2026]88号")
    drafter.locator("#id_genre").select_option("通知")
    drafter.get_by_label("成文日期").fill("2026-11-20")
    drafter.get_by_label("主题分类").select_option(label="科技金融")
    drafter.get_by_role("textbox", name="正文").fill(
        "各有关企业：\n现就2026年度科技创新券兑付工作通知如下。"
    )
    drafter.get_by_label("通知公告").check()
    shot(drafter, "form-1280")
    drafter.get_by_role("button", name="保存").click()
    assert "已保存草稿" in drafter.content()
    act(drafter, "提交审核")
    assert "未标注公开属性" in drafter.locator(".messages").inner_text()
    detail_url = drafter.url
    drafter.get_by_role("link", name="修改").click()
    drafter.get_by_label("公开属性").select_option(label="主动公开")
    drafter.get_by_role("button", name="保存").click()
    act(drafter, "提交审核")
    assert "待处室负责人审核" in drafter.content()

    # The division head returns it once with a reason.
    head = staff_page(chromium, live_server, "head")
    head.get_by_role("link", name=re.compile("科技创新券兑付")).first.click()
    head.get_by_label("退文理由").fill("请写明兑付申请的截止时间。")
    head.get_by_role("button", name="退文", exact=True).click()
    assert "已退文" in head.content()

    # The drafter sees the reason on the workbench, corrects and resubmits.
    drafter.goto(f"{live_server.url}/staff/")
    assert "请写明兑付申请的截止时间。" in drafter.content()
    shot(drafter, "workbench-returned-1280")
    drafter.goto(detail_url)
    drafter.get_by_role("link", name="修改").click()
    drafter.get_by_role("textbox", name="正文").fill(
        "各有关企业：\n现就2026年度科技创新券兑付工作通知如下。\n兑付申请截止时间为2026年12月15日。"
    )
    drafter.get_by_role("button", name="保存").click()
    act(drafter, "提交审核")

    head.goto(detail_url)
    act(head, "处室负责人审核通过")
    secrecy = staff_page(chromium, live_server, "secrecy")
    secrecy.goto(detail_url)
    shot(secrecy, "detail-secrecy-1280")
    act(secrecy, "保密审查通过")
    office = staff_page(chromium, live_server, "office")
    office.goto(detail_url)
    act(office, "办公室签发")
    assert "已签发并在门户网站公开" in office.content()
    shot(office, "detail-published-1280")
    history = office.locator(".history").inner_text()
    assert "退文" in history and "办公室签发" in history

    # The public finds it in the 公文数据库 and opens it.
    public = chromium.new_context(viewport=DESKTOP).new_page()
    public.goto(portal + "/gwk/")
    shot(public, "gwk-1280")
    public.get_by_role("link", name="关于开展2026年度科技创新券兑付工作的通知").click()
    assert public.locator(".gk-meta").get_by_text("示科发〔2026〕88号").is_visible()
    assert "科技金融" in public.locator(".gk-meta").inner_text()
    assert public.locator(".gk-banner").count() == 0
    # Typed in the editor line by line, the body is published a paragraph per line.
    assert public.locator(".gk-body p").all_inner_texts() == [
        "各有关企业：",
        "现就2026年度科技创新券兑付工作通知如下。",
        "兑付申请截止时间为2026年12月15日。",
    ]
    doc_url = public.url
    shot(public, "document-1280")
    # …and through full-text search, by words and by its 发文字号 in other brackets.
    public.goto(portal + "/")
    public.get_by_role("searchbox").first.fill("科技创新券 兑付")
    public.get_by_role("searchbox").first.press("Enter")
    public.wait_for_load_state()
    assert public.get_by_role("link", name="关于开展2026年度科技创新券兑付工作的通知").is_visible()
    shot(public, "search-1280")
    public.goto(portal + "/search/?q=" + "示科发(2026)88号")
    assert public.url == doc_url  # an exact 发文字号 goes straight to the document
    phone = chromium.new_context(viewport=PHONE).new_page()
    phone.goto(doc_url)
    shot(phone, "document-390")
    phone.goto(portal + "/gwk/")
    shot(phone, "gwk-390")

    # The office repeals it; the public page shows the banner at once.
    office.goto(detail_url)
    office.locator("#id_validity").select_option(label="废止")
    office.get_by_label("变更日期").fill("2026-11-26")
    office.get_by_label("说明", exact=True).fill("已由新的兑付通知替代。")
    office.get_by_role("button", name="更新有效性").click()
    assert "有效性已更新为“废止”" in office.content()
    public.goto(doc_url)
    banner = public.locator(".gk-banner")
    assert banner.is_visible() and "本文件已废止" in banner.inner_text()
    assert "2026年11月26日" in banner.inner_text()
    shot(public, "document-repealed-1280")


def test_staff_document_pages_at_phone_width(bureau, live_server, chromium, draft):
    draft(title="手机上查看的公文", body="<p>联系人手机13912345678。</p>")
    page = staff_page(chromium, live_server, "drafter", viewport=PHONE)
    page.goto(f"{live_server.url}/staff/documents/")
    shot(page, "list-390")
    page.get_by_role("link", name="手机上查看的公文").click()
    shot(page, "detail-390")
    page.goto(f"{live_server.url}/staff/documents/new/")
    shot(page, "form-390")
    assert page.get_by_label("标题").is_visible()


def test_a_body_the_editor_cannot_hold_stays_as_html(bureau, live_server, chromium, draft):
    """A table would be flattened by the editor: such a body keeps the HTML field, untouched."""
    html = "<p>附表如下：</p><table><tbody><tr><td>项目</td><td>金额</td></tr></tbody></table>"
    doc = draft(body=html)
    page = staff_page(chromium, live_server, "drafter")
    page.goto(f"{live_server.url}/staff/documents/{doc.pk}/edit/")
    assert page.locator("trix-editor").count() == 0
    assert "编辑器不支持的格式" in page.content()
    assert "<table>" in page.get_by_label("正文").input_value()
    page.get_by_role("button", name="保存").click()
    page.wait_for_url(f"{live_server.url}/staff/documents/{doc.pk}/")
    doc.refresh_from_db()
    assert doc.body == html
