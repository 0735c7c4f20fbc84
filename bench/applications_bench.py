"""Benchmarks of disclosure on application (依申请公开). Results go to docs/benchmarks.md.

    .venv/bin/python bench/applications_bench.py status     # p95 of a status query, 100,000 stored
    .venv/bin/python bench/applications_bench.py recompute  # calendar change, 10,000 open
    .venv/bin/python bench/applications_bench.py load       # 50 concurrent clients on the server

Each run uses its own data directory (GONGKAI_DATA_DIR, default /tmp/gk-bench-applications) and
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

DATA = Path(os.environ.setdefault("GONGKAI_DATA_DIR", "/tmp/gk-bench-applications"))  # noqa: S108
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
os.environ.setdefault("GONGKAI_APPLY_RATE_LIMIT", "1000000")
os.environ.setdefault("GONGKAI_STATUS_RATE_LIMIT", "1000000")
ROOT = Path(__file__).resolve().parent.parent


def setup(fresh: bool = True) -> None:
    if fresh and "DATABASE_URL" not in os.environ:
        shutil.rmtree(DATA, ignore_errors=True)
    DATA.mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    if fresh and "DATABASE_URL" in os.environ:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    from gongkai.core.demo import load_bureau
    from gongkai.core.services.calendar import calendar_seed

    calendar_seed()
    load_bureau()


def _bulk(n: int, *, open_only: bool) -> None:
    from django.utils import timezone

    from gongkai.applications.models import Application
    from gongkai.core.models import Department

    dep = Department.objects.get(slug="kjj")
    rows = []
    base = dt.date(2026, 11, 20) if open_only else dt.date(2025, 1, 2)
    for i in range(n):
        received = base + dt.timedelta(days=i % (40 if open_only else 690))
        rows.append(
            Application(
                department=dep,
                number=f"B-{i:07d}",
                query_code=f"Q{i:09d}",
                channel="online",
                status="in_progress" if open_only or i % 10 == 0 else "replied",
                applicant_type="natural_person",
                name=f"申请人{i}",
                phone=f"138{i:08d}",
                id_type="resident_id",
                id_number=f"52010219900101{i % 10000:04d}",
                description=f"申请公开第{i}号科技计划项目立项材料",
                preferred_form="electronic",
                delivery="email",
                submitted_at=timezone.now(),
                received_on=received,
                deadline=received + dt.timedelta(days=28),
            )
        )
        if len(rows) == 5000:
            Application.objects.bulk_create(rows)
            rows = []
    Application.objects.bulk_create(rows)


def bench_status() -> None:
    setup()
    _bulk(100_000, open_only=False)
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    times = []
    for k in range(400):
        i = (k * 7919) % 100_000
        t = time.perf_counter()
        r = client.post("/apply/status/", {"code": f"Q{i:09d}", "factor": f"{i % 10000:04d}"})
        times.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, r.status_code
    times.sort()
    print(
        f"status query over HTTP (in-process client), 100,000 stored, 400 queries: "
        f"median {statistics.median(times):.2f} ms, p95 {times[int(len(times) * 0.95)]:.2f} ms"
    )
    from django.utils import timezone

    from gongkai.applications.services.common import clock_for
    from gongkai.applications.views.public import status_lookup

    service = []
    for k in range(400):
        i = (k * 104729) % 100_000
        t = time.perf_counter()
        app = status_lookup(f"Q{i:09d}", f"{i % 10000:04d}")
        assert app is not None
        clock_for(app, timezone.localdate())
        list(app.events.filter(public=True))
        service.append((time.perf_counter() - t) * 1000)
    service.sort()
    print(
        f"status lookup + clock + history (no page rendering): median "
        f"{statistics.median(service):.2f} ms, p95 {service[int(len(service) * 0.95)]:.2f} ms"
    )
    print(f"load average during the run: {os.getloadavg()[0]:.1f}")


def bench_recompute() -> None:
    setup()
    _bulk(10_000, open_only=True)
    from gongkai.applications.models import Application
    from gongkai.applications.services.workflow import applications_recompute
    from gongkai.core.services.calendar import YearNotice, calendar_enter_year

    applications_recompute(dt.date(2026, 11, 26))  # the stored state before the notice
    before = Application.objects.filter(deadline_provisional=True).count()
    t = time.perf_counter()
    calendar_enter_year(
        actor=None,
        notice=YearNotice(
            2027, {dt.date(2027, 1, 1): "元旦", dt.date(2027, 1, 2): "元旦"}, {}, "bench"
        ),
    )
    elapsed = time.perf_counter() - t
    after = Application.objects.filter(deadline_provisional=True).count()
    print(
        f"calendar change with 10,000 open applications: {elapsed:.2f} s "
        f"(provisional before {before}, after {after})"
    )


def _client(base: str, n: int, errors: list[str], made: list[str]) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
    try:
        html = opener.open(f"{base}/apply/", timeout=60).read().decode()
        token = re.search(r'name="token" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
        form = {
            "csrfmiddlewaretoken": csrf,
            "token": token,
            "applicant_type": "natural_person",
            "name": f"并发申请人{n}",
            "phone": f"139{n:08d}",
            "id_type": "passport",
            "id_number": f"E{n:08d}",
            "description": f"申请公开第{n}号科技项目验收材料",
            "preferred_form": "electronic",
            "delivery": "email",
        }
        data = urllib.parse.urlencode(form).encode()
        for attempt in range(2 if n % 5 == 0 else 1):  # every 5th client retries (double submit)
            req = urllib.request.Request(  # noqa: S310
                f"{base}/apply/", data=data, headers={"Referer": f"{base}/apply/"}
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


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def bench_load(clients: int = 50, rounds: int = 3) -> None:
    setup()
    port = 8011
    env = dict(os.environ)
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gongkai"), "serve", "--port", str(port), "--threads", "16"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/apply/", timeout=1)  # noqa: S310
                break
            except Exception:
                time.sleep(0.2)
        from gongkai.applications.models import Application

        results = []
        for r in range(rounds):
            errors: list[str] = []
            made: list[str] = []
            before = Application.objects.count()
            threads = [
                threading.Thread(target=_client, args=(base, r * 1000 + n, errors, made))
                for n in range(clients)
            ]
            t = time.perf_counter()
            for th in threads:
                th.start()
            for th in threads:
                th.join()
            elapsed = time.perf_counter() - t
            stored = Application.objects.count() - before
            results.append(elapsed)
            print(
                f"round {r + 1}: {clients} clients ({clients // 5} retry their POST): "
                f"{elapsed:.2f} s, {len(errors)} errors, {stored} stored of {len(made)} expected"
                + (f" — {errors[:3]}" if errors else "")
            )
        print(f"median round: {statistics.median(results):.2f} s")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    {"status": bench_status, "recompute": bench_recompute, "load": bench_load}[sys.argv[1]]()
