"""Benchmark of the public comment form (征求意见). Results go to docs/benchmarks.md.

    .venv/bin/python bench/consultations_bench.py load   # 50 concurrent commenters, 3 rounds

50 clients each GET the form (CSRF cookie, one-submission token) and POST a comment to the same
consultation against `gongkai serve` (waitress, 16 threads) on 127.0.0.1:8109 (BENCH_PORT); every 5th client
retries its POST (a double submit). Checks: every comment stored once, numbers 1..N without gaps
or duplicates. Own data directory (GONGKAI_DATA_DIR, default /tmp/gk-bench-consultations) and
SQLite unless DATABASE_URL is set.
"""

import datetime as dt
import http.cookiejar
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

DATA = Path(os.environ.setdefault("GONGKAI_DATA_DIR", "/tmp/gk-bench-consultations"))  # noqa: S108
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
os.environ.setdefault("GONGKAI_COMMENT_RATE_LIMIT", "1000000")
ROOT = Path(__file__).resolve().parent.parent
PORT = int(os.environ.get("BENCH_PORT", "8109"))


def setup() -> int:
    if "DATABASE_URL" not in os.environ:
        shutil.rmtree(DATA, ignore_errors=True)
    DATA.mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone

    if "DATABASE_URL" in os.environ:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    from gongkai.consultations.models import Consultation
    from gongkai.core.demo import load_bureau
    from gongkai.core.services.calendar import calendar_seed

    calendar_seed()
    dep = load_bureau()
    today = timezone.localdate()
    c = Consultation.objects.create(
        department=dep,
        division=dep.divisions.get(code="jhc"),
        title="并发测试征求意见稿",
        kind="other",
        background="并发测试背景说明文字。",
        legal_basis="并发测试依据",
        explanation="并发测试起草说明文字。",
        draft_text="第一条　并发测试。",
        opens_on=today,
        closes_on=today + dt.timedelta(days=30),
        status="open",
    )
    return c.pk


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def _client(base: str, pk: int, n: int, errors: list[str], made: list[str]) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
    try:
        html = opener.open(f"{base}/consult/{pk}/", timeout=60).read().decode()
        token = re.search(r'name="token" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
        form = {
            "csrfmiddlewaretoken": csrf,
            "token": token,
            "body": f"第{n}位公众的意见：建议修改第{n % 9 + 1}条。",
        }
        data = urllib.parse.urlencode(form).encode()
        for attempt in range(2 if n % 5 == 0 else 1):
            req = urllib.request.Request(  # noqa: S310
                f"{base}/consult/{pk}/", data=data, headers={"Referer": f"{base}/consult/{pk}/"}
            )
            try:
                opener.open(req, timeout=60)
                errors.append(f"{n}: no redirect")
            except urllib.error.HTTPError as exc:
                if exc.code != 302:
                    errors.append(f"{n}/{attempt}: HTTP {exc.code}")
        made.append(token)
    except Exception as exc:
        errors.append(f"{n}: {exc!r}")


def bench_load(clients: int = 50, rounds: int = 3) -> None:
    pk = setup()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gongkai"), "serve", "--port", str(PORT), "--threads", "16"],
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(f"{base}/consult/{pk}/", timeout=1)  # noqa: S310
                break
            except Exception:
                time.sleep(0.2)
        from gongkai.consultations.models import Comment

        times = []
        for r in range(rounds):
            errors: list[str] = []
            made: list[str] = []
            before = Comment.objects.count()
            threads = [
                threading.Thread(target=_client, args=(base, pk, r * 1000 + n, errors, made))
                for n in range(clients)
            ]
            t = time.perf_counter()
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            elapsed = time.perf_counter() - t
            stored = Comment.objects.count() - before
            numbers = list(Comment.objects.order_by("number").values_list("number", flat=True))
            gapless = numbers == list(range(1, len(numbers) + 1))
            tokens = Comment.objects.values_list("submit_token", flat=True)
            times.append(elapsed)
            print(
                f"round {r + 1}: {clients} clients ({clients // 5} retry their POST): {elapsed:.2f} s, "
                f"{len(errors)} errors, {stored} stored of {len(made)} expected, "
                f"numbers 1..{len(numbers)} {'without gaps or duplicates' if gapless else 'BROKEN'}, "
                f"{len(set(tokens))} distinct tokens" + (f" — {errors[:3]}" if errors else "")
            )
        print(f"median round: {statistics.median(times):.2f} s; load average {os.getloadavg()}")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    {"load": bench_load}[sys.argv[1]]()
