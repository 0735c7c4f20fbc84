"""Fetching against a local HTTP server: redirects, limits, timeouts, clear errors."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator

import pytest

from gongkai.monitoring.fetch import CRAWLER_UA, FetchError, fetch

PAGE = (
    "<html><head><meta charset='gb2312'><title>通知</title></head><body>正文</body></html>".encode(
        "gb18030"
    )
)


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path
        if path == "/page":
            self._send(200, PAGE, "text/html; charset=GBK")
        elif path.startswith("/hop/"):
            n = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/hop/{n - 1}" if n > 0 else "/page")
            self.end_headers()
        elif path == "/big":
            self._send(200, b"<p>" + b"a" * 100_000 + b"</p>", "text/html")
        elif path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE, "text/html")
        elif path == "/ua":
            cloaked = (
                b"<title>bjl</title>"
                if "Baiduspider" in self.headers.get("User-Agent", "")
                else PAGE
            )
            self._send(200, cloaked, "text/html")
        else:
            self._send(404, b"not found", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the client gave up on /slow on purpose: a broken pipe is expected


def serve(handler: type[http.server.BaseHTTPRequestHandler]) -> tuple[QuietServer, str]:
    httpd = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd, url = serve(Handler)
    yield url
    httpd.shutdown()


def test_fetch_reports_charset_and_body(server: str) -> None:
    page = fetch(server + "/page")
    assert page.status == 200
    assert page.body == PAGE
    assert page.charset == "gbk"


def test_redirects_are_followed_up_to_the_limit(server: str) -> None:
    page = fetch(server + "/hop/3", max_redirects=5)
    assert page.final_url.endswith("/page")
    assert len(page.redirects) == 4
    with pytest.raises(FetchError, match="重定向超过 2 次"):
        fetch(server + "/hop/3", max_redirects=2)


def test_size_limit_truncates(server: str) -> None:
    page = fetch(server + "/big", max_bytes=1000)
    assert page.truncated
    assert len(page.body) == 1000


def test_timeout_is_a_clear_error(server: str) -> None:
    with pytest.raises(FetchError, match="超时"):
        fetch(server + "/slow", timeout=0.3)


def test_http_errors_and_unreachable_hosts(server: str) -> None:
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(server + "/missing")
    with pytest.raises(FetchError, match="连接被拒绝"):
        fetch("http://127.0.0.1:9/")
    with pytest.raises(FetchError, match="有效的网址"):
        fetch("ftp://example.org/")


def test_crawler_user_agent(server: str) -> None:
    assert b"bjl" in fetch(server + "/ua", user_agent=CRAWLER_UA).body
    assert fetch(server + "/ua").body == PAGE
