"""Fetch one page for inspection or a probe: timeout, size limit, redirect limit, clear errors.

Standard library only (no Django), so the CLI and the jobs share it and tests can run it
against a local server.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urljoin, urlsplit

from gongkai.core.errors import DomainError

DEFAULT_TIMEOUT_S = 15.0
DEFAULT_MAX_BYTES = 4 * 1024 * 1024
DEFAULT_MAX_REDIRECTS = 5
BROWSER_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0 Safari/537.36 gongkai-monitor"
)
CRAWLER_UA = "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)"


class FetchError(DomainError):
    """The page could not be fetched; the message says why, in words a person can act on."""


@dataclass
class Fetched:
    url: str
    final_url: str
    status: int
    body: bytes
    charset: str | None
    content_type: str
    elapsed_s: float
    truncated: bool = False
    redirects: list[str] = field(default_factory=list)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # redirects are followed by fetch() itself, to count and report them


_OPENER = urllib.request.build_opener(_NoRedirect)


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"不是有效的网址（仅支持 http/https）：{url}")


def _read(response: http.client.HTTPResponse, max_bytes: int) -> tuple[bytes, bool]:
    body = response.read(max_bytes + 1)
    return body[:max_bytes], len(body) > max_bytes


def _open(url: str, timeout: float, headers: dict[str, str]) -> http.client.HTTPResponse:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 — scheme checked above
    try:
        return _OPENER.open(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            return exc  # type: ignore[return-value]  # a redirect: handled by the caller
        raise FetchError(f"服务器返回错误 HTTP {exc.code} {exc.reason}：{url}") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            raise FetchError(f"域名无法解析：{urlsplit(url).hostname}") from exc
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"连接超时（{timeout:g} 秒）：{url}") from exc
        if isinstance(reason, ConnectionRefusedError):
            raise FetchError(f"连接被拒绝：{url}") from exc
        if isinstance(reason, ssl.SSLError):
            raise FetchError(f"HTTPS 证书或加密握手失败：{url}（{reason}）") from exc
        raise FetchError(f"无法连接：{url}（{reason}）") from exc
    except TimeoutError as exc:
        raise FetchError(f"读取超时（{timeout:g} 秒）：{url}") from exc
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise FetchError(f"无法读取：{url}（{exc}）") from exc


def fetch(
    url: str,
    *,
    timeout: float = DEFAULT_TIMEOUT_S,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    user_agent: str = BROWSER_UA,
    referer: str | None = None,
) -> Fetched:
    """GET *url*, following at most *max_redirects* redirects; raise FetchError on failure.

    *timeout* bounds each connection and read; the body is cut at *max_bytes* (``truncated``).
    """
    _check_url(url)
    headers = {"User-Agent": user_agent, "Accept": "text/html,*/*;q=0.8"}
    if referer:
        headers["Referer"] = referer
    start = time.monotonic()
    current = url
    redirects: list[str] = []
    while True:
        response = _open(current, timeout, headers)
        status = response.status if hasattr(response, "status") else response.getcode()
        if 300 <= status < 400:
            location = response.headers.get("Location")
            response.close()
            if not location:
                raise FetchError(f"HTTP {status} 重定向缺少 Location：{current}")
            if len(redirects) >= max_redirects:
                raise FetchError(f"重定向超过 {max_redirects} 次：{url} → … → {current}")
            current = urljoin(current, location)
            _check_url(current)
            redirects.append(current)
            continue
        try:
            body, truncated = _read(response, max_bytes)
        except TimeoutError as exc:
            raise FetchError(f"读取超时（{timeout:g} 秒）：{current}") from exc
        except (http.client.HTTPException, OSError) as exc:
            raise FetchError(f"读取中断：{current}（{exc}）") from exc
        finally:
            response.close()
        message: Message = response.headers
        return Fetched(
            url=url,
            final_url=current,
            status=status,
            body=body,
            charset=message.get_content_charset(),
            content_type=message.get_content_type(),
            elapsed_s=time.monotonic() - start,
            truncated=truncated,
            redirects=redirects,
        )
