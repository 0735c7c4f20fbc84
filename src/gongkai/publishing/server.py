"""The embedded static-site server: a WSGI wrapper that serves the current build of the site
for every path Django does not claim. In production nginx does this (docs/publishing.md).

Security: only GET/HEAD; no "..", NUL or backslash; the resolved file must lie inside the served
tree (symlinks out of it are refused); the same Content-Security-Policy as the staff pages.
"""

from __future__ import annotations

import email.utils
import functools
import mimetypes
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from gongkai.core import modules
from gongkai.core.middleware import CONTENT_SECURITY_POLICY

# Django's own paths; every module adds its public endpoints (gongkai.core.modules).
PLATFORM_PREFIXES = ("/staff/", "/api/", "/admin/", "/static/", "/media/")

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".pem": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".woff2": "font/woff2",
}
SECURITY_HEADERS = [
    ("Content-Security-Policy", CONTENT_SECURITY_POLICY),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
]

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict, StartResponse], Iterable[bytes]]


def content_type(name: str) -> str:
    ext = os.path.splitext(name)[1].lower()
    return TYPES.get(ext) or mimetypes.guess_type(name)[0] or "application/octet-stream"


@functools.cache
def dynamic_prefixes() -> tuple[str, ...]:
    """The path prefixes Django answers; everything else is the static site."""
    return PLATFORM_PREFIXES + modules.public_prefixes()


def is_dynamic(path: str) -> bool:
    prefixes = dynamic_prefixes()
    return path.startswith(prefixes) or f"{path}/" in prefixes


class StaticSite:
    """Wrap `app` (Django): static files for public paths, Django for the rest.

    `root_for_host(host) -> Path | None` gives the site directory (with its `current` link) for a
    host name; None or a site never built hands the request to Django.
    """

    def __init__(self, app: WSGIApp, root_for_host: Callable[[str], Path | None]) -> None:
        self.app = app
        self.root_for_host = root_for_host

    def __call__(self, environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        raw = environ.get("PATH_INFO", "/") or "/"
        if is_dynamic(raw):
            return self.app(environ, start_response)
        host = (environ.get("HTTP_HOST") or environ.get("SERVER_NAME") or "").split(":")[0]
        site = self.root_for_host(host)
        tree = site / "current" if site else None
        if tree is None or not tree.is_dir():
            return self.app(environ, start_response)
        return self.serve(tree, raw, environ, start_response)

    def serve(
        self, tree: Path, raw: str, environ: dict, start_response: StartResponse
    ) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD", "GET")
        if method not in ("GET", "HEAD"):
            return _plain(
                start_response,
                "405 Method Not Allowed",
                "只支持 GET 和 HEAD 请求。",
                [("Allow", "GET, HEAD")],
            )
        # WSGI gives PATH_INFO latin-1 decoded bytes; undo that to get UTF-8 paths.
        path = unquote(raw.encode("latin-1").decode("utf-8", "replace"))
        if "\x00" in path or "\\" in path or ".." in path.split("/"):
            return self.not_found(tree, environ, start_response)
        real_tree = tree.resolve()
        target = (real_tree / path.lstrip("/")).resolve()
        if target != real_tree and real_tree not in target.parents:
            return self.not_found(tree, environ, start_response)
        if target.is_dir():
            if not path.endswith("/"):
                query = environ.get("QUERY_STRING", "")
                location = raw + "/" + (f"?{query}" if query else "")
                start_response("301 Moved Permanently", [("Location", location), *SECURITY_HEADERS])
                return [b""]
            target = target / "index.html"
        if not target.is_file():
            return self.not_found(tree, environ, start_response)
        return _send(target, "200 OK", environ, start_response)

    def not_found(
        self, tree: Path, environ: dict, start_response: StartResponse
    ) -> Iterable[bytes]:
        page = tree / "404.html"
        if page.is_file():
            return _send(page, "404 Not Found", environ, start_response, cache=False)
        return _plain(start_response, "404 Not Found", "页面不存在。")


def _plain(
    start_response: StartResponse,
    status: str,
    text: str,
    extra: list[tuple[str, str]] | None = None,
) -> Iterable[bytes]:
    body = text.encode()
    start_response(
        status,
        [
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Content-Length", str(len(body))),
            *SECURITY_HEADERS,
            *(extra or []),
        ],
    )
    return [body]


def _send(
    file: Path, status: str, environ: dict, start_response: StartResponse, *, cache: bool = True
) -> Iterable[bytes]:
    st = file.stat()
    etag = f'"{st.st_mtime_ns:x}-{st.st_size:x}"'
    modified = email.utils.formatdate(st.st_mtime, usegmt=True)
    headers = [("Content-Type", content_type(file.name)), *SECURITY_HEADERS]
    if cache:
        headers += [("ETag", etag), ("Last-Modified", modified), ("Cache-Control", "no-cache")]
        if _not_modified(environ, etag, st.st_mtime):
            start_response("304 Not Modified", headers)
            return [b""]
    data = file.read_bytes()
    headers.append(("Content-Length", str(len(data))))
    start_response(status, headers)
    return [b""] if environ.get("REQUEST_METHOD") == "HEAD" else [data]


def _not_modified(environ: dict, etag: str, mtime: float) -> bool:
    inm = environ.get("HTTP_IF_NONE_MATCH")
    if inm is not None:
        return etag in [t.strip() for t in inm.split(",")] or inm.strip() == "*"
    ims = environ.get("HTTP_IF_MODIFIED_SINCE")
    if ims:
        try:
            since = email.utils.parsedate_to_datetime(ims).timestamp()
        except (TypeError, ValueError):
            return False
        return int(mtime) <= since
    return False


def site_root_for_host(host: str) -> Path | None:
    from django.conf import settings

    from gongkai.publishing.hosts import slug_for_host

    slug = slug_for_host(host)
    return Path(settings.SITE_ROOT) / slug if slug else None
