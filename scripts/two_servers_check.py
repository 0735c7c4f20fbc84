"""Check the two-server set-up started by scripts/two-servers.sh (standard library only).

    python3 scripts/two_servers_check.py [--a http://127.0.0.1:8104] [--b http://127.0.0.1:8114]
                                         [--nginx http://127.0.0.1:8124]

1. A notice is drafted, approved and signed off on app server A (each role signs in there);
   its page must then be served by nginx from the shared web root, and server B's search must
   find it.
2. The same the other way round: published on B, served by nginx, found by A's search.
3. The manifest nginx serves is the latest publication and both servers' builds agree with it.
Exit code 0 when everything holds; each step is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.cookiejar
import json
import re
import secrets
import sys
import urllib.parse
import urllib.request
from zoneinfo import ZoneInfo

PASSWORD = "Gongkai2026demo"  # noqa: S105 - the published demo accounts
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CATEGORY = re.compile(r'<select name="category".*?<option value="(\d+)"', re.S)
COLUMN = re.compile(r'name="columns" value="(\d+)"[^>]*>\s*([^<]*)')
DOC = re.compile(r"/staff/documents/(\d+)/")


class Browser:
    """One person's session with one server."""

    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> tuple[int, str, str]:
        with self.opener.open(self.base + path, timeout=60) as r:
            return r.status, r.geturl(), r.read().decode()

    def post(self, path: str, data: dict[str, str], referer: str) -> tuple[int, str, str]:
        _, _, page = self.get(referer)
        token = CSRF.search(page)
        body = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token.group(1) if token else "", **data}
        ).encode()
        request = urllib.request.Request(  # noqa: S310 - our own server
            self.base + path, data=body, headers={"Referer": self.base + referer}
        )
        with self.opener.open(request, timeout=120) as r:
            return r.status, r.geturl(), r.read().decode()


def sign_in(base: str, username: str) -> Browser:
    b = Browser(base)
    b.post("/staff/login/", {"username": username, "password": PASSWORD}, "/staff/login/")
    return b


def publish_notice(base: str, word: str) -> tuple[int, str]:
    """Draft → head → confidentiality → office sign-off, all on `base`. Returns (id, title)."""
    drafter = sign_in(base, "drafter")
    _, _, form = drafter.get("/staff/documents/new/")
    category = CATEGORY.search(form)
    columns = {label.strip(): pk for pk, label in COLUMN.findall(form)}
    title = f"关于{word}的通知"
    _, url, page = drafter.post(
        "/staff/documents/new/",
        {
            "title": title,
            "issuers": "示例市科学技术局",
            "genre": "通知",
            "written_date": dt.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat(),
            "category": category.group(1) if category else "",
            "columns": columns.get("通知公告") or next(iter(columns.values()), ""),
            "disclosure": "proactive",
            "body": f"各有关单位：\n{word}。\n特此通知。",
        },
        "/staff/documents/new/",
    )
    found = DOC.search(url) or DOC.search(page)
    if not found:
        raise SystemExit(f"草稿未保存（{base}）")
    doc = found.group(1)
    for who, action in (
        (drafter, "submit"),
        (sign_in(base, "head"), "head_approve"),
        (sign_in(base, "secrecy"), "confidentiality_approve"),
        (sign_in(base, "office"), "sign_off"),
    ):
        _, _, page = who.post(
            f"/staff/documents/{doc}/act/{action}/", {}, f"/staff/documents/{doc}/"
        )
        if "msg msg-error" in page:
            message = re.search(r'msg msg-error">([^<]*)', page)
            raise SystemExit(f"{action} 被拒绝（{base}）：{message.group(1) if message else ''}")
    return int(doc), title


def check(ok: bool, what: str) -> bool:
    print(("  ✓ " if ok else "  ✗ ") + what)
    return ok


def text(page: str) -> str:
    """The page without its tags (search results mark the words found)."""
    return re.sub(r"<[^>]+>", "", page)


def round_trip(publisher: str, searcher: str, nginx: str, label: str) -> bool:
    word = f"双机发布核验{secrets.token_hex(3)}"
    print(f"{label}: 在 {publisher} 签发《关于{word}的通知》")
    doc, title = publish_notice(publisher, word)
    web = Browser(nginx)
    try:
        status, _, page = web.get(f"/xxgk/wj/{doc}.html")
    except urllib.error.HTTPError as exc:
        status, page = exc.code, ""
    good = check(
        status == 200 and title in text(page), f"nginx 提供 /xxgk/wj/{doc}.html（{status}）"
    )
    query = "/search/?" + urllib.parse.urlencode({"q": word})
    _, _, results = Browser(searcher).get(query)
    good &= check(title in text(results), f"{searcher} 的检索找到它")
    _, _, via_nginx = web.get(query)
    good &= check(title in text(via_nginx), "经 nginx 转发的检索也找到它")
    return good


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--a", default="http://127.0.0.1:8104")
    parser.add_argument("--b", default="http://127.0.0.1:8114")
    parser.add_argument("--nginx", default="http://127.0.0.1:8124")
    args = parser.parse_args()
    good = round_trip(args.a, args.b, args.nginx, "1")
    good &= round_trip(args.b, args.a, args.nginx, "2")
    _, _, raw = Browser(args.nginx).get("/.well-known/gongkai/manifest.json")
    serial = json.loads(raw)["manifest"]["serial"]
    good &= check(serial > 0, f"nginx 提供的签名清单为第 {serial} 版")
    print("全部通过" if good else "有检查未通过")
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
