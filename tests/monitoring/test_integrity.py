"""The integrity run of our own site: tampered files are detected, recorded and restored; a
server that shows search engines different content is reported as cloaking."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command

from gongkai.core import todos
from gongkai.core.errors import AccessDenied
from gongkai.core.models import AuditEntry, User
from gongkai.monitoring.integrity import MonitorError, monitor_site
from gongkai.monitoring.models import Incident, MonitorRun, VetoCheck
from gongkai.publishing.services import site_dir, site_rebuild, site_verify
from gongkai.publishing.site import site_info

pytestmark = pytest.mark.django_db

SPAM_BLOCK = (
    '<div class="links"><a href="https://www.kaiyun-888.com/">开云体育官方网站</a> '
    '<a href="https://bet365-vip.cc/">bet365注册送彩金</a> '
    '<a href="https://www.amjs-9999.com/">澳门金沙最快线路</a> '
    '<a href="https://www.hg-3088.net/">皇冠体育登录入口</a></div>'
)
BRAND = "澳门金沙娱乐城"


@pytest.fixture(autouse=True)
def frozen_time() -> Iterator[None]:
    with time_machine.travel("2026-11-26 10:00 +0800", tick=False):
        yield


def served(department) -> Path:  # type: ignore[no-untyped-def]
    return site_dir(site_info(department)).served_tree()


class _Site(ThreadingHTTPServer):
    daemon_threads = True
    root: Path
    cloak: bool
    referer_cloak: bool = False
    loop: bool = False


class _Handler(BaseHTTPRequestHandler):
    server: _Site

    def do_GET(self) -> None:
        if self.server.loop:
            self.send_response(302)
            self.send_header("Location", self.path)
            self.end_headers()
            return
        rel = self.path.split("?")[0].lstrip("/")
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        file = self.server.root / rel
        if not file.is_file():
            self.send_error(404)
            return
        body = file.read_bytes()
        crawler = "Baiduspider" in self.headers.get("User-Agent", "")
        from_search = "baidu.com" in self.headers.get("Referer", "")
        if (self.server.cloak and crawler) or (self.server.referer_cloak and from_search):
            body = body.replace(b"</body>", (SPAM_BLOCK + "</body>").encode())
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def live_site(bureau):  # type: ignore[no-untyped-def]
    """The published build served over HTTP on 127.0.0.1, as a web server would."""
    site_rebuild(department=bureau)
    server = _Site(("127.0.0.1", 0), _Handler)
    server.root, server.cloak = served(bureau), False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def base(server: _Site) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}"


def office(bureau) -> User:  # type: ignore[no-untyped-def]
    return User.objects.get(username="office")


def test_clean_site_gives_a_clean_run(bureau, live_site) -> None:  # type: ignore[no-untyped-def]
    report = monitor_site(department=bureau, base_url=base(live_site))
    assert report.incidents == []
    run = report.run
    assert run.ok_after is True and run.problems == []
    assert {r["client"] for r in run.fetches} >= {"desktop", "baiduspider", "googlebot", "phone"}
    assert all(r["verdict"] == "clean" for r in run.fetches), run.fetches
    assert AuditEntry.objects.filter(action="monitoring.run").count() == 1


def test_tampered_file_is_detected_recorded_and_restored(bureau, live_site) -> None:  # type: ignore[no-untyped-def]
    home = served(bureau) / "index.html"
    original = home.read_bytes()
    text = original.decode().replace("示例市科学技术局", BRAND)
    home.write_text(text.replace("</body>", SPAM_BLOCK + "</body>"), encoding="utf-8")
    assert not site_verify(department=bureau).ok

    report = monitor_site(department=bureau, base_url=base(live_site), actor=office(bureau))

    file_incident = next(i for i in report.incidents if i.url.endswith("/index.html"))
    types = {f["type"] for f in file_incident.evidence}
    assert "file_changed" in types
    assert types & {"name_replaced", "link_block_appended", "gambling"}
    assert file_incident.verdict == "tampered"
    assert BRAND in file_incident.diff and "示例市科学技术局" in file_incident.diff
    assert "index.html" in file_incident.restore["restored"]
    assert file_incident.restore["ok_after"] is True
    # what visitors were served before the restore is evidence too
    live = [i for i in report.incidents if "[桌面浏览器]" in i.url]
    assert live and live[0].verdict == "tampered"
    # restored: the file is byte-identical to the signed one and the site verifies clean
    assert home.read_bytes() == original
    assert site_verify(department=bureau).ok
    run = MonitorRun.objects.get()
    assert run.ok_after and "已自动恢复" in run.summary
    assert AuditEntry.objects.filter(action="publishing.restore").exists()
    # 信息安全 fails at once (open tampering incidents) and is an urgent to-do of the office
    security = VetoCheck.objects.get(item="security")
    assert security.status == "fail"
    titles = [t.title for t in todos.collect(office(bureau), dt.date(2026, 11, 26))]
    assert "网站检查单项否决：信息安全（篡改/暗链/博彩）" in titles
    assert any(t.startswith("页面被篡改") for t in titles)
    assert AuditEntry.objects.filter(action="monitoring.incident.open").count() == len(
        report.incidents
    )


def test_content_served_only_to_baiduspider_is_reported_as_cloaking(bureau, live_site) -> None:  # type: ignore[no-untyped-def]
    live_site.cloak = True

    report = monitor_site(department=bureau, base_url=base(live_site))

    assert report.run.problems == []  # the files are intact: only the server lies
    cloaked = [i for i in report.incidents if "cloaking" in {f["type"] for f in i.evidence}]
    assert cloaked, [i.summary for i in report.incidents]
    assert all("百度" in i.url for i in cloaked)  # Baiduspider and Baiduspider-render
    assert not any("桌面浏览器" in i.url or "Googlebot" in i.url for i in report.incidents)
    incident = cloaked[0]
    assert incident.verdict == "tampered"
    assert "开云体育" in incident.diff
    assert "Web 服务器" in incident.restore["note"]
    assert Incident.objects.filter(status="open").count() == len(report.incidents)


def test_spam_only_for_visitors_from_a_search_engine_is_cloaking(bureau, live_site) -> None:  # type: ignore[no-untyped-def]
    live_site.referer_cloak = True
    report = monitor_site(department=bureau, base_url=base(live_site))
    assert report.incidents
    assert all("从搜索引擎进入的访客" in i.url for i in report.incidents)
    assert all("cloaking" in {f["type"] for f in i.evidence} for i in report.incidents)


def test_redirect_loop_is_a_recorded_error(bureau, live_site) -> None:  # type: ignore[no-untyped-def]
    live_site.loop = True
    report = monitor_site(department=bureau, base_url=base(live_site))
    assert report.incidents == []
    assert all("重定向超过" in r["error"] for r in report.run.fetches)


def test_unreachable_site_is_recorded_not_a_crash(bureau) -> None:  # type: ignore[no-untyped-def]
    site_rebuild(department=bureau)
    report = monitor_site(department=bureau, base_url="http://127.0.0.1:9")
    assert report.incidents == []
    assert report.run.fetches and all(r["verdict"] == "error" for r in report.run.fetches)
    assert "连接被拒绝" in report.run.fetches[0]["error"]
    assert "抓取失败" in report.run.summary


def test_bad_input_and_permissions(bureau) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(MonitorError, match="尚未生成"):
        monitor_site(department=bureau)
    site_rebuild(department=bureau)
    with pytest.raises(MonitorError, match="http"):
        monitor_site(department=bureau, base_url="ftp://example.gov.cn")
    drafter = User.objects.get(username="drafter")
    with pytest.raises(AccessDenied):
        monitor_site(department=bureau, actor=drafter)
    assert not MonitorRun.objects.exists()


def test_cli_monitor_run_json(bureau, live_site, capsys) -> None:  # type: ignore[no-untyped-def]
    (served(bureau) / "planted.html").write_text("<p>博彩</p>", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        call_command("monitor", "run", "--base-url", base(live_site), "--json")
    assert exit_.value.code == 1
    import json

    out = json.loads(capsys.readouterr().out)
    assert out["problems"][0]["kind"] == "added"
    assert out["restored"]["quarantined"] == ["planted.html"]
    assert out["ok_after"] is True
    assert not (served(bureau) / "planted.html").exists()
