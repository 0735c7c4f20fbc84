"""A working day on the portal, for locust (docs/benchmarks.md, 负载测试).

    .venv/bin/locust -f bench/load/locustfile.py --host http://127.0.0.1:8000 \
        --headless -u 50 -r 10 -t 3m --csv /tmp/load/day

Who comes, in what proportion (`--class-picker` or the weights below):

- Citizen (weight 90): reads portal pages — the home page, the 公开专栏, column lists and
  documents found in the sitemap — and now and then searches (about one request in six).
- Applicant (weight 8): opens the application form, submits an application (依申请公开), reads
  the receipt and queries the status with the query code. Every accepted application's token
  is appended to $GK_LOAD_LOG (default /tmp/gk-load-applications.txt) so that
  bench/load/check_applications.py can prove afterwards that each was stored exactly once.
- Staff (weight 2): a drafter writes a notice, the division head and the confidentiality
  reviewer approve it, the office signs it off — which publishes it on the portal — and the
  office looks at the workbench.

Request names group what the results table reports: `page: …`, `search`, `apply: …`, `staff: …`.
Rate limits: the public form accepts 10 applications and 30 status queries per address and hour;
the server under test runs with GONGKAI_APPLY_RATE_LIMIT and GONGKAI_STATUS_RATE_LIMIT raised
(every simulated applicant comes from 127.0.0.1).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import re
import secrets
import threading
import uuid
from xml.etree import ElementTree
from zoneinfo import ZoneInfo

from locust import FastHttpUser, between, events, task

PASSWORD = os.environ.get("GK_DEMO_PASSWORD", "Gongkai2026demo")
RUN = os.environ.get("GK_LOAD_RUN") or uuid.uuid4().hex[:8]
LOG = os.environ.get("GK_LOAD_LOG", "/tmp/gk-load-applications.txt")  # noqa: S108 - a report file
WORDS = [
    "科技", "专利", "知识产权", "项目", "资金", "通知", "管理办法", "创新", "高新技术企业",
    "人才", "科普", "成果转化", "实验室", "补助", "申报", "政府信息公开", "年度报告", "监督检查",
]  # fmt: skip
FIXED_PAGES = ["/", "/xxgk/", "/xxgk/zn/", "/xxgk/fdzdgknr/", "/xxgk/nb/", "/xxgk/ysqgk/"]
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_TOKEN = re.compile(r'name="token" value="([^"]+)"')
_CODE = re.compile(r'id="query-code">([A-Z0-9]+)<')
_DOC_ID = re.compile(r"/staff/documents/(\d+)/")
_CATEGORY = re.compile(r'<select name="category".*?<option value="(\d+)"', re.S)
_COLUMN = re.compile(r'name="columns" value="(\d+)"[^>]*>\s*([^<]*)')
CHINA = ZoneInfo("Asia/Shanghai")
_pages: list[str] = []
_pages_lock = threading.Lock()
_log_lock = threading.Lock()


def _xml(data: bytes):  # type: ignore[no-untyped-def]
    return ElementTree.fromstring(data)  # noqa: S314 - the site's own sitemap


def _sitemap_pages(client, limit: int = 2000) -> list[str]:  # type: ignore[no-untyped-def]
    """Page paths from the sitemap index and a few of its parts (documents, lists, columns)."""
    found = list(FIXED_PAGES)
    with client.get("/sitemap.xml", name="page: sitemap", catch_response=True) as r:
        if r.status_code != 200:
            r.failure(f"sitemap {r.status_code}")
            return found
        parts = [e.text for e in _xml(r.content).iter() if e.tag.endswith("loc")]
    random.Random(RUN).shuffle(parts)
    for url in parts[:12]:
        path = "/" + url.split("/", 3)[3]
        with client.get(path, name="page: sitemap", catch_response=True) as r:
            if r.status_code != 200:
                r.failure(f"sitemap part {r.status_code}")
                continue
            for e in _xml(r.content).iter():
                if e.tag.endswith("loc") and e.text:
                    found.append("/" + e.text.split("/", 3)[3])
        if len(found) >= limit:
            break
    return found


def _resident_id() -> str:
    """A well-formed 居民身份证号码 (GB 11643 check digit) that belongs to nobody in particular."""
    body = f"520102{random.randrange(1950, 2005)}{random.randrange(1, 13):02d}"
    body += f"{random.randrange(1, 29):02d}{random.randrange(1000):03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11]


def _kind(path: str) -> str:
    if path == "/":
        return "page: home"
    if "/wj/" in path or (path.endswith(".html") and path.rsplit("/", 1)[-1][:1].isdigit()):
        return "page: document"
    return "page: list"


class Citizen(FastHttpUser):
    weight = 90
    wait_time = between(1, 4)

    def on_start(self) -> None:
        with _pages_lock:
            if not _pages:
                _pages.extend(_sitemap_pages(self.client))

    @task(30)
    def read(self) -> None:
        path = random.choice(_pages)
        self.client.get(path, name=_kind(path))

    @task(3)
    def home(self) -> None:
        self.client.get("/", name="page: home")

    @task(6)
    def search(self) -> None:
        q = random.choice(WORDS)
        if random.random() < 0.3:
            q += " " + random.choice(WORDS)
        with self.client.get("/search/", params={"q": q}, name="search", catch_response=True) as r:
            if r.status_code != 200 or "检索" not in r.text:
                r.failure(f"search {r.status_code}")


class Applicant(FastHttpUser):
    weight = 8
    wait_time = between(5, 15)

    @task
    def apply_and_check(self) -> None:
        with self.client.get("/apply/", name="apply: form", catch_response=True) as r:
            csrf, token = _CSRF.search(r.text), _TOKEN.search(r.text)
            if r.status_code != 200 or not csrf or not token:
                r.failure("application form without csrf/token")
                return
        phone = f"139{random.randrange(10**8):08d}"
        form = {
            "csrfmiddlewaretoken": csrf.group(1),
            "token": token.group(1),
            "applicant_type": "natural_person",
            "name": "王测试",
            "id_type": "resident_id",
            "id_number": _resident_id(),
            "phone": phone,
            "address": "示例市科技路1号",
            "description": f"负载测试 {RUN} {token.group(1)}：请公开2026年科技项目资金分配结果。",
            "preferred_form": "electronic",
            "delivery": "online",
        }
        with self.client.post("/apply/", data=form, name="apply: submit", catch_response=True) as r:
            code = _CODE.search(r.text)
            if r.status_code != 200 or not code:
                r.failure(f"submit {r.status_code}: no receipt")
                return
        with _log_lock, open(LOG, "a") as fh:
            fh.write(f"{RUN}\t{token.group(1)}\t{code.group(1)}\n")
        with self.client.get("/apply/status/", name="apply: status form") as r:
            csrf = _CSRF.search(r.text)
        if csrf:
            with self.client.post(
                "/apply/status/",
                data={
                    "csrfmiddlewaretoken": csrf.group(1),
                    "code": code.group(1),
                    "factor": phone[-4:],
                },
                name="apply: status query",
                catch_response=True,
            ) as r:
                if r.status_code != 200 or "办理" not in r.text:
                    r.failure(f"status {r.status_code}")


class _Role:
    """One staff member's signed-in session (a locust user keeps several: the chain needs
    four people)."""

    def __init__(self, user: FastHttpUser, username: str) -> None:
        from locust.contrib.fasthttp import FastHttpSession

        self.session = FastHttpSession(
            user.host, user.environment.events.request, user=user, insecure=True
        )
        r = self.session.get("/staff/login/", name="staff: login")
        csrf = _CSRF.search(r.text)
        self.session.post(
            "/staff/login/",
            data={
                "csrfmiddlewaretoken": csrf.group(1) if csrf else "",
                "username": username,
                "password": PASSWORD,
            },
            name="staff: login",
        )


class Staff(FastHttpUser):
    weight = 2
    wait_time = between(10, 30)

    def on_start(self) -> None:
        self.roles = {name: _Role(self, name) for name in ("drafter", "head", "secrecy", "office")}

    def _act(self, role: str, doc: str, action: str) -> bool:
        """One step of the chain; a step the service refused shows an error message on the
        page it redirects to, which counts as a failure."""
        session = self.roles[role].session
        page = session.get(f"/staff/documents/{doc}/", name="staff: document page")
        csrf = _CSRF.search(page.text)
        with session.post(
            f"/staff/documents/{doc}/act/{action}/",
            data={"csrfmiddlewaretoken": csrf.group(1) if csrf else ""},
            name=f"staff: {action}",
            catch_response=True,
        ) as r:
            if r.status_code != 200 or "msg msg-error" in r.text:
                said = re.search(r'msg msg-error">([^<]*)', r.text)
                r.failure(f"{action} refused ({r.status_code}): {said.group(1) if said else ''}")
                return False
        return True

    @task
    def draft_and_publish(self) -> None:
        drafter = self.roles["drafter"].session
        form = drafter.get("/staff/documents/new/", name="staff: new draft form")
        csrf = _CSRF.search(form.text)
        category = _CATEGORY.search(form.text)
        columns = {label.strip(): pk for pk, label in _COLUMN.findall(form.text)}
        column = columns.get("通知公告") or next(iter(columns.values()), "")
        title = f"关于开展{random.choice(WORDS)}工作的通知（{RUN}-{secrets.token_hex(3)}）"
        with drafter.post(
            "/staff/documents/new/",
            data={
                "csrfmiddlewaretoken": csrf.group(1) if csrf else "",
                "title": title,
                "issuers": "示例市科学技术局",
                "genre": "通知",
                "written_date": dt.datetime.now(CHINA).date().isoformat(),
                "category": category.group(1) if category else "",
                "columns": column,
                "disclosure": "proactive",
                "body": "各有关单位：\n为做好相关工作，现将有关事项通知如下。\n特此通知。",
            },
            name="staff: save draft",
            catch_response=True,
        ) as r:
            found = _DOC_ID.search(r.url or "")
            if not found:  # a form with errors, or the sign-in page: the session was lost
                r.failure(f"draft not saved ({r.status_code})")
                self.on_start()  # sign everyone in again for the next round
                return
        doc = found.group(1)
        for role, action in (
            ("drafter", "submit"),
            ("head", "head_approve"),
            ("secrecy", "confidentiality_approve"),
            ("office", "sign_off"),
        ):
            if not self._act(role, doc, action):
                return
        self.roles["office"].session.get("/staff/", name="staff: workbench")


@events.test_start.add_listener
def _announce(environment, **_kwargs) -> None:  # type: ignore[no-untyped-def]
    print(f"load run {RUN}: accepted applications are logged to {LOG}")
