"""A member of the public reads the published annual report on the portal (desktop and phone);
a leader opens the statistics charts."""

import datetime as dt
import os
import threading
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest

from gongkai.core.demo import DEMO_PASSWORD
from gongkai.reports import demo
from tests.reports.records import application

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
    from gongkai.publishing import hosts
    from gongkai.publishing.services import site_rebuild
    from gongkai.wsgi import application as wsgi

    for n, kind in enumerate(["natural_person", "commercial", "research", "legal_service"]):
        application(
            bureau,
            received=dt.date(2025, 3, 2 + n),
            closed=dt.date(2025, 3, 20),
            outcome="disclosed",
            applicant_type=kind,
        )
    application(bureau, received=dt.date(2025, 12, 30))
    demo.load(bureau, today=dt.date(2026, 11, 26))
    hosts.clear()
    site_rebuild(department=bureau)
    server = make_server("127.0.0.1", 0, wsgi, server_class=_Server, handler_class=_Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    hosts.clear()


def shot(page, name, full_page=True):
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"reports-{name}.png"), full_page=full_page)


def test_published_report_reads_like_the_official_tables(portal, chromium):
    for width, height, name in ((1280, 900, "desktop"), (390, 844, "phone")):
        page = chromium.new_page(viewport={"width": width, "height": height})
        errors = []
        page.on("console", lambda m, e=errors: e.append(m.text) if m.type == "error" else None)
        page.goto(portal + "/xxgk/nb/")
        page.get_by_role("link", name="示例市科学技术局2025年政府信息公开工作年度报告").click()
        assert page.url.endswith("/xxgk/nb/2025.html")
        assert page.locator("h1").inner_text() == "示例市科学技术局2025年政府信息公开工作年度报告"
        table3 = page.locator('table[data-table="表三"]')
        assert table3.locator("th", has_text="三、本年度办理结果").get_attribute("rowspan") == "22"
        assert table3.locator('td[data-cell="table3:new:total"]').inner_text() == "5"
        assert table3.locator('td[data-cell="table3:carry_out:natural_person"]').inner_text() == "1"
        # The official header stands above the numbers (申请人情况 spans the 7 columns).
        header = table3.locator("th", has_text="申请人情况").bounding_box()
        total = table3.locator('td[data-cell="table3:new:total"]').bounding_box()
        assert header["y"] < total["y"]
        table4 = page.locator('table[data-table="表四"]')
        assert table4.locator("th", has_text="行政诉讼").get_attribute("colspan") == "10"
        # The page itself does not scroll sideways on a phone; only the table box does.
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
        assert errors == []
        shot(page, f"portal-2025-{name}")
        for table in ("表二", "表三"):
            page.locator(f'table[data-table="{table}"]').scroll_into_view_if_needed()
            shot(page, f"portal-2025-{name}-{table}", full_page=False)
        page.close()


def test_leader_sees_statistics_charts(bureau, live_server, chromium):
    for n, kind in enumerate(["natural_person", "commercial", "research"]):
        application(
            bureau,
            received=dt.date(2025, 3 + 3 * n, 2),
            closed=dt.date(2025, 10, 9),
            outcome=["disclosed", "partly_disclosed", "unavailable_not_held"][n],
            applicant_type=kind,
        )
    demo.load(bureau, today=dt.date(2026, 11, 26))
    portal = live_server.url
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    # htmx (loaded by the shared staff layout) trips the CSP with its indicator style; only
    # errors of this page's own scripts count here, and every asset must load.
    page.on(
        "console",
        lambda m: (
            errors.append(m.text)
            if m.type == "error"
            and "htmx" not in m.location.get("url", "")
            and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    page.on(
        "response",
        lambda r: (
            errors.append(f"{r.status} {r.url}")
            if r.status >= 400 and "favicon" not in r.url
            else None
        ),
    )
    page.goto(portal + "/staff/login/")
    page.get_by_label("用户名").fill("leader")
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.goto(portal + "/staff/reports/statistics/?year=2025")
    page.wait_for_selector("#chart-quarterly canvas")
    assert page.locator("#chart-outcomes canvas").count() == 1
    assert errors == []
    shot(page, "statistics-2025")
    page.goto(portal + "/staff/reports/2025/")
    assert page.get_by_text("已发布版本").count() >= 1
    shot(page, "staff-report-2025")


def test_office_enters_last_years_numbers_in_the_official_tables(bureau, live_server, chromium):
    from gongkai.reports.models import ImportedYear

    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(live_server.url + "/staff/login/")
    page.get_by_label("用户名").fill("office")
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.goto(live_server.url + "/staff/reports/import/")
    page.locator("#id_year").fill("2024")
    cells = {
        "table3:new:natural_person": "6",
        "table3:new:total": "6",
        "table3:disclosed:natural_person": "4",
        "table3:disclosed:total": "4",
        "table3:grand_total:natural_person": "4",
        "table3:grand_total:total": "4",
        "table3:carry_out:natural_person": "1",
        "table3:carry_out:total": "1",
    }
    for name, value in cells.items():
        page.locator(f'input[name="{name}"]').fill(value)
    page.get_by_role("button", name="保存往年数据").click()
    assert page.get_by_text("表三“自然人”列不平衡").count() == 1
    shot(page, "import-error")
    assert not ImportedYear.objects.exists()
    # The entered numbers are still there; fix the carry-out and save.
    assert page.locator('input[name="table3:new:natural_person"]').input_value() == "6"
    page.locator('input[name="table3:carry_out:natural_person"]').fill("2")
    page.locator('input[name="table3:carry_out:total"]').fill("2")
    page.locator("#id_year").fill("2024")
    page.get_by_role("button", name="保存往年数据").click()
    assert page.get_by_text("已保存2024年报告数据").count() == 1
    assert ImportedYear.objects.get(year=2024).data["table3"]["carry_out"]["total"] == 2
