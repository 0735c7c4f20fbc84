"""A real chromium walks a consultation: the division head opens it, two members of the public
comment on the portal (one is told what is missing first), staff accept and decide the comments,
the period ends and the feedback report is published; the public reads it on the portal.
Screenshots at desktop and phone widths."""

import datetime as dt
import re
import threading
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from django.utils import timezone

from gongkai.consultations.models import Comment, Consultation
from gongkai.consultations.services.consultations import consultation_close, consultation_create
from gongkai.core.demo import DEMO_PASSWORD
from gongkai.core.models import User
from gongkai.publishing import hosts
from gongkai.publishing.services import site_rebuild
from tests.conftest import DESKTOP, PHONE, screenshot

from .conftest import data

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(autouse=True)
def _calendar(db):
    from gongkai.core.services.calendar import calendar_seed

    calendar_seed()


@pytest.fixture
def portal(bureau):
    from django.db import connections

    from gongkai.wsgi import application

    def app(environ, start_response):
        try:
            return application(environ, start_response)
        finally:
            connections.close_all()

    hosts.clear()
    site_rebuild(department=bureau)
    server = make_server("127.0.0.1", 0, app, server_class=_Server, handler_class=_Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    hosts.clear()


def _staff(new_page, base, username, viewport=DESKTOP):
    page = new_page(viewport)
    page.goto(f"{base}/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(re.compile(r".*/staff/$"))
    return page


def _comment(page, base, c, text, *, name=""):
    page.goto(f"{base}/hdjl/zjyj/")
    page.get_by_role("link", name=c.title).first.click()
    page.get_by_role("link", name="在线提交意见").click()
    page.get_by_label("意见和建议").fill(text)
    if name:
        page.get_by_label("姓名或单位名称", exact=True).fill(name)
        page.get_by_label(re.compile("同意在意见采纳情况反馈中公开")).check()
    page.get_by_role("button", name="提交意见").click()


def test_consultation_from_opening_to_the_published_feedback(bureau, portal, new_page):
    today = timezone.localdate()
    from gongkai.consultations.domain import period
    from gongkai.core.services.calendar import get_calendar

    closes = period.earliest_close(
        get_calendar(), today, period.minimum_for(period.Kind.NORMATIVE)
    )[0]
    drafter = User.objects.get(username="drafter")
    c = consultation_create(actor=drafter, data=data(opens_on=today, closes_on=closes))

    head = _staff(new_page, portal, "head")
    head.goto(f"{portal}/staff/consultations/{c.pk}/")
    head.get_by_role("button", name="发布征求意见").click()
    assert head.locator("#status").inner_text() == "正在征求意见"
    screenshot(head, "consultations-staff-open-desktop")

    public = new_page(DESKTOP)
    _comment(public, portal, c, "短")
    assert "至少5个字" in public.get_by_role("alert").first.inner_text()
    assert Comment.objects.count() == 0
    public.get_by_label("意见和建议").fill(
        "建议将创新券额度提高到每家企业每年30万元，电话13812345678。"
    )
    public.get_by_label("姓名或单位名称", exact=True).fill("王小红")
    public.get_by_label(re.compile("同意在意见采纳情况反馈中公开")).check()
    screenshot(public, "consultations-form-desktop")
    public.get_by_role("button", name="提交意见").click()
    assert public.locator("#comment-number").inner_text() == "1"
    phone = new_page(PHONE)
    _comment(phone, portal, c, "坚决反对修订，现行办法已经够用，不需要改。")
    assert phone.locator("#comment-number").inner_text() == "2"
    screenshot(phone, "consultations-thanks-phone")

    head.goto(f"{portal}/staff/consultations/{c.pk}/")
    for number in (1, 2):
        head.locator(f"#c{number}").get_by_role("button", name="受理").click()
    first = head.locator("#c1")
    first.get_by_label("处理结果").select_option("partly")
    first.get_by_role("button", name="保存处理结果").click()
    assert "须说明理由" in head.get_by_role("status").inner_text() or "须说明理由" in head.content()
    first = head.locator("#c1")
    first.get_by_label("处理结果").select_option("partly")
    first.get_by_label(re.compile("^理由")).fill("额度提高到每年20万元；30万元超出财政承受能力。")
    first.get_by_role("button", name="保存处理结果").click()
    second = head.locator("#c2")
    second.get_by_label("处理结果").select_option("not_adopted")
    second.get_by_label(re.compile("^理由")).fill(
        "现行办法的服务范围较窄，修订后可覆盖检验检测和知识产权服务。"
    )
    second.get_by_role("button", name="保存处理结果").click()
    screenshot(head, "consultations-staff-comments-desktop")

    consultation_close(actor=None, consultation=c, today=closes + dt.timedelta(days=1))
    head.goto(f"{portal}/staff/consultations/{c.pk}/")
    head.get_by_label("意见采纳情况综述").fill("征求意见期间共收到网上意见2条，逐条研究处理如下。")
    head.get_by_role("button", name="公布意见采纳情况反馈").click()
    assert head.locator("#status").inner_text() == "已公布意见采纳情况"
    assert Consultation.objects.get().status == "feedback_published"

    for page, label in ((public, "desktop"), (phone, "phone")):
        page.goto(f"{portal}/hdjl/zjyj/{c.pk}.html")
        page.get_by_role("link", name="意见采纳情况反馈").first.click()
        text = page.locator("main").inner_text()
        assert "部分采纳" in text and "未采纳" in text
        assert "30万元超出财政承受能力" in text
        assert "王小红" in text and "138****5678" in text and "13812345678" not in text
        assert page.locator("#total").inner_text() == "2"
        screenshot(page, f"consultations-feedback-{label}")
