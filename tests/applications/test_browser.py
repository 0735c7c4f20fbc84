"""A real browser: an applicant applies on the portal, staff confirm, ask for a correction,
receive it and reply with a letter; the applicant then sees the final status with the query
code. Screenshots on desktop and phone."""

import re

import pytest
from django.utils import timezone

from gongkai.applications.models import Application
from gongkai.core.demo import DEMO_PASSWORD
from tests.conftest import DESKTOP, PHONE, screenshot

from .conftest import ID_NUMBER

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _apply(page, base):
    page.goto(f"{base}/apply/")
    page.get_by_label("姓名或单位名称").fill("王小红")
    page.get_by_label("联系电话").fill("13812345678")
    page.get_by_label("证件号码").fill(ID_NUMBER)
    page.get_by_label("通信地址").fill("示例市云岩区中华北路1号")
    page.get_by_label(re.compile("所需政府信息的名称")).fill(
        "申请公开2026年度示例市科技计划项目立项清单及资助金额"
    )
    page.get_by_label("电子文档").check()
    page.get_by_label("电子邮件").check()


def _sign_in(page, base, username):
    page.goto(f"{base}/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"{base}/staff/")


@pytest.fixture(autouse=True)
def _calendar(db):
    """Transactional tests flush the calendar the migration seeded; put it back."""
    from gongkai.core.services.calendar import calendar_seed

    calendar_seed()


def test_apply_confirm_correct_reply_and_follow(bureau, live_server, new_page):
    base = live_server.url
    page = new_page(DESKTOP)
    # An invalid ID number is explained, nothing is submitted.
    _apply(page, base)
    page.get_by_label("证件号码").fill(ID_NUMBER[:-1] + ("0" if ID_NUMBER[-1] != "0" else "1"))
    page.get_by_role("button", name="提交申请").click()
    assert "校验位不符" in page.get_by_role("alert").first.inner_text()
    assert Application.objects.count() == 0
    page.get_by_label("证件号码").fill(ID_NUMBER)
    screenshot(page, "applications-form-desktop")
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url(f"{base}/apply/receipt/")
    code = page.locator("#query-code").inner_text()
    assert len(code) == 10
    screenshot(page, "applications-receipt-desktop")
    app = Application.objects.get()
    assert app.query_code == code

    staff = new_page(DESKTOP)
    _sign_in(staff, base, "office")
    staff.goto(f"{base}/staff/applications/")
    assert staff.get_by_role("link", name=app.number).is_visible()
    screenshot(staff, "applications-staff-list-desktop")
    staff.get_by_role("link", name=app.number).click()
    staff.get_by_role("button", name="确认收到").click()
    assert "已完成：确认收到申请" in staff.get_by_role("status").inner_text()
    staff.get_by_label("需补正的全部内容").fill("请写明项目所属计划类别。")
    staff.get_by_role("button", name="发出补正告知书").click()
    assert staff.locator("#status").inner_text() == "待申请人补正"
    staff.get_by_role("button", name="登记收到补正").click()
    assert staff.locator("#status").inner_text() == "办理中"
    assert "收到补正后的申请" in staff.locator(".explain").inner_text()
    staff.get_by_label("答复类型（条例第三十六条）").select_option(label="予以公开")
    staff.get_by_label("办理结果（年度报告表三）").select_option(label="（一）予以公开")
    staff.get_by_label("答复正文").fill("现将立项清单提供给您，见附件。")
    staff.get_by_role("button", name="答复并生成告知书").click()
    assert staff.locator("#status").inner_text() == "已答复"
    letter = staff.get_by_role("link", name=re.compile(r"示科依复〔\d{4}〕1号"))
    assert letter.is_visible()
    screenshot(staff, "applications-staff-detail-desktop")

    page.goto(f"{base}/apply/status/")
    page.get_by_label("查询码").fill(code)
    page.get_by_label("手机号码或证件号码后4位").fill("5678")
    page.get_by_role("button", name="查询").click()
    assert page.locator("#app-status").inner_text() == "已答复"
    body = page.locator("main").inner_text()
    assert "予以公开" in body and "收到补正后的申请" in body
    assert "王小红" not in body and ID_NUMBER not in body and "13812345678" not in body
    screenshot(page, "applications-status-desktop")


def test_phone_layouts(bureau, live_server, new_page):
    from gongkai.applications import demo

    base = live_server.url
    page = new_page(PHONE)
    page.goto(f"{base}/apply/")
    screenshot(page, "applications-form-phone")
    _apply(page, base)
    page.get_by_role("button", name="提交申请").click()
    page.wait_for_url(f"{base}/apply/receipt/")
    code = page.locator("#query-code").inner_text()
    screenshot(page, "applications-receipt-phone")
    page.goto(f"{base}/apply/status/")
    page.get_by_label("查询码").fill(code)
    page.get_by_label("手机号码或证件号码后4位").fill("5678")
    page.get_by_role("button", name="查询").click()
    assert page.locator("#app-status").inner_text() == "待确认收到"
    screenshot(page, "applications-status-phone")
    demo.load(bureau, today=timezone.localdate())
    staff = new_page(PHONE)
    _sign_in(staff, base, "officehead")
    staff.goto(f"{base}/staff/applications/")
    screenshot(staff, "applications-staff-list-phone")
    open_app = Application.objects.filter(status="in_progress").first()
    staff.goto(f"{base}/staff/applications/{open_app.pk}/")
    assert staff.get_by_role("heading", name="答复期限", exact=True).is_visible()
    screenshot(staff, "applications-staff-detail-phone")
