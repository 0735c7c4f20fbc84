"""A drafter signs in with a real browser and sees the workbench, on desktop and on a phone."""

import pytest

from gongkai.core.demo import DEMO_PASSWORD
from tests.conftest import DESKTOP, PHONE, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/staff/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()


@pytest.mark.parametrize(("viewport", "label"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_drafter_signs_in_and_sees_the_workbench(bureau, live_server, new_page, viewport, label):
    page = new_page(viewport)
    page.goto(f"{live_server.url}/staff/")
    assert page.get_by_role("heading", name="工作人员登录").is_visible()
    screenshot(page, f"core-login-{label}")
    _sign_in(page, live_server, "drafter")
    page.wait_for_url(f"{live_server.url}/staff/")
    assert page.get_by_role("heading", name="工作台", exact=True).is_visible()
    assert page.get_by_text("李晓明").first.is_visible()
    assert page.get_by_role("navigation", name="功能导航").is_visible()
    assert page.get_by_role("heading", name="待办事项").is_visible()
    screenshot(page, f"core-workbench-{label}")


def test_wrong_password_shows_a_chinese_message(bureau, live_server, new_page):
    page = new_page()
    page.goto(f"{live_server.url}/staff/login/")
    page.get_by_label("用户名").fill("drafter")
    page.get_by_label("密码").fill("not-the-password1")
    page.get_by_role("button", name="登录").click()
    assert page.get_by_role("alert").inner_text() == "用户名或密码不正确。"


def test_keyboard_reaches_the_skip_link(bureau, live_server, new_page):
    page = new_page()
    page.goto(f"{live_server.url}/staff/login/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到正文"


def test_office_enters_next_years_calendar_with_a_preview(bureau, live_server, new_page):
    from gongkai.core.models import CalendarYear

    CalendarYear.objects.filter(year=2027).delete()
    page = new_page()
    _sign_in(page, live_server, "office")
    page.goto(f"{live_server.url}/staff/calendar/enter/?year=2027")
    page.get_by_label("放假日期").fill(
        "元旦 2027-01-01 至 2027-01-03\n春节 2027-02-05 至 2027-02-11"
    )
    page.get_by_label("调休上班日期").fill("春节 2027-02-14")
    page.get_by_role("button", name="预览").click()
    assert page.get_by_text("预览：2027年，放假 10 天，调休上班 1 天").is_visible()
    screenshot(page, "core-calendar-preview-desktop")
    page.get_by_role("button", name="确认保存").click()
    assert page.get_by_text("2027年节假日安排已保存").is_visible()
    assert CalendarYear.objects.filter(year=2027).exists()
