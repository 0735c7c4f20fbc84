"""A real browser: the office opens the monitoring dashboard (one card per single-veto item),
runs the integrity check, and opens the incident of a tampered page. Screenshots on desktop and
phone (SCREENSHOT_DIR)."""

from __future__ import annotations

import pytest

from gongkai.core.demo import DEMO_PASSWORD
from gongkai.documents.models import CatalogueColumn
from gongkai.monitoring.integrity import monitor_site
from gongkai.monitoring.models import Incident, Leader
from gongkai.monitoring.veto import veto_checks_run
from gongkai.publishing.services import site_dir, site_rebuild
from gongkai.publishing.site import site_info
from tests.conftest import DESKTOP, PHONE, screenshot

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]
SPAM = (
    '<div><a href="https://www.kaiyun-888.com/">开云体育官方网站</a> '
    '<a href="https://bet365-vip.cc/">bet365注册送彩金</a> '
    '<a href="https://www.amjs-9999.com/">澳门金沙最快线路</a></div>'
)


@pytest.fixture(autouse=True)
def _calendar(db):  # type: ignore[no-untyped-def]
    """Transactional tests flush the calendar the migration seeded; put it back."""
    from gongkai.core.services.calendar import calendar_seed

    calendar_seed()


def _sign_in(page, base: str, username: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base}/staff/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.wait_for_url(f"{base}/staff/")


def test_dashboard_and_incident(bureau, live_server, new_page) -> None:  # type: ignore[no-untyped-def]
    site_rebuild(department=bureau)
    for i in range(2):
        CatalogueColumn.objects.create(department=bureau, slug=f"k{i}", name=f"专项栏目{i}")
    Leader.objects.create(department=bureau, name="王建国", title="党组书记、局长")
    veto_checks_run(department=bureau)
    home = site_dir(site_info(bureau)).served_tree() / "index.html"
    text = home.read_text(encoding="utf-8").replace("示例市科学技术局", "澳门金沙娱乐城")
    home.write_text(text.replace("</body>", SPAM + "</body>"), encoding="utf-8")
    monitor_site(department=bureau)
    veto_checks_run(department=bureau)
    incident = Incident.objects.get(url__endswith="/index.html")

    base = live_server.url
    page = new_page(DESKTOP)
    _sign_in(page, base, "office")
    page.goto(f"{base}/staff/monitoring/")
    card = page.locator("#veto-security")
    assert "不合格" in card.inner_text()
    assert "有风险" in page.locator("#veto-empty_columns").inner_text()
    assert "合格" in page.locator("#veto-home_stale").inner_text()
    screenshot(page, "monitoring-dashboard-desktop")
    page.get_by_role("link", name=incident.url).click()
    body = page.locator("body").inner_text()
    assert "换回签名版本的文件" in body and "恢复之后" in body
    assert "澳门金沙娱乐城" in page.locator("pre.diff").inner_text()
    screenshot(page, "monitoring-incident-desktop")
    page.goto(f"{base}/staff/monitoring/")
    page.get_by_role("button", name="运行完整性监测").click()
    assert "完整性监测完成" in page.locator("body").inner_text()

    phone = new_page(PHONE)
    _sign_in(phone, base, "office")
    phone.goto(f"{base}/staff/monitoring/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"页面在手机上横向溢出（{width}px）"
    screenshot(phone, "monitoring-dashboard-phone")
    phone.goto(f"{base}/staff/monitoring/incidents/{incident.pk}/")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"] + 1, f"事件页在手机上横向溢出（{width}px）"
    screenshot(phone, "monitoring-incident-phone")
