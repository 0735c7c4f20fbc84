"""Benchmark: generating a year's annual report for a department with 100,000 documents and
20,000 applications in the year (target ≤ 2 s). Results go to docs/benchmarks.md.

    .venv/bin/python bench/reports_bench.py            # SQLite in GONGKAI_DATA_DIR
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gk_reports_bench .venv/bin/python bench/reports_bench.py

Measures the first `report_generate` of the year (every 表二/表三/表四 figure gathered with
GROUP BY, the figures for the drafted text, the save and the audit entry) with `check`, then a
regeneration of the existing report, then `view_report` (what the CLI/API read).
Prints the median of 5 runs after one warm-up.
"""

import datetime as dt
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

DATA = Path(os.environ.setdefault("GONGKAI_DATA_DIR", "/tmp/gk-bench-reports"))  # noqa: S108
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")
YEAR = 2025
N_DOCS = int(os.environ.get("BENCH_DOCS", "100000"))
N_APPS = int(os.environ.get("BENCH_APPS", "20000"))


def setup() -> None:
    if "DATABASE_URL" not in os.environ:
        shutil.rmtree(DATA, ignore_errors=True)
    DATA.mkdir(parents=True, exist_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    if "DATABASE_URL" in os.environ:
        call_command("migrate", verbosity=0)
        from django.core.management.color import no_style
        from django.db import connection

        # CASCADE: the search index keeps a raw table that references its entries.
        tables = connection.introspection.django_table_names(only_existing=True)
        connection.ops.execute_sql_flush(
            connection.ops.sql_flush(no_style(), tables, allow_cascade=True)
        )
    call_command("migrate", verbosity=0)
    from gongkai.core.demo import load_bureau
    from gongkai.core.services.calendar import calendar_seed

    calendar_seed()
    load_bureau()


def populate() -> None:
    from django.utils import timezone

    from gongkai.applications.domain.outcomes import OUTCOMES, ApplicantType
    from gongkai.applications.models import Application, ReviewCase
    from gongkai.core.models import Department, User
    from gongkai.documents.models import Document

    rng = random.Random(6)
    dept = Department.objects.get(slug="kjj")
    drafter = User.objects.get(username="drafter")
    start = dt.date(YEAR, 1, 1)
    docs = []
    for i in range(N_DOCS):
        day = start + dt.timedelta(days=rng.randrange(365))
        normative = i % 20 == 0
        repealed = normative and i % 60 == 0
        docs.append(
            Document(
                department=dept,
                division=drafter.division,
                drafter=drafter,
                index_number=f"MB1234567/{YEAR}-{i:06d}",
                title=f"文件{i}",
                issuers=dept.name,
                written_date=day,
                publish_date=day,
                is_normative=normative,
                status="published",
                validity="repealed" if repealed else "valid",
                validity_date=day if repealed else None,
                published_late=i % 37 == 0,
            )
        )
    Document.objects.bulk_create(docs, batch_size=5000)
    types = [a.value for a in ApplicantType]
    apps = []
    now = timezone.now()
    for i in range(N_APPS):
        received = start + dt.timedelta(days=rng.randrange(-20, 365))
        closed = received + dt.timedelta(days=rng.randrange(1, 40))
        open_ = closed > dt.date(YEAR, 12, 31) and i % 3 == 0
        apps.append(
            Application(
                department=dept,
                number=f"B{i:07d}",
                query_code=f"BQ{i:09d}",
                channel="online",
                status="in_progress" if open_ else "replied",
                applicant_type=rng.choice(types),
                name=f"申请人{i}",
                phone="13800000000",
                description="申请公开",
                preferred_form="electronic",
                delivery="email",
                submitted_at=now,
                received_on=received,
                closed_on=None if open_ else closed,
                replied_on=None if open_ else closed,
                outcome="" if open_ else rng.choice(OUTCOMES).code,
            )
        )
    Application.objects.bulk_create(apps, batch_size=5000)
    first = Application.objects.filter(department=dept).order_by("id")[:300]
    ReviewCase.objects.bulk_create(
        [
            ReviewCase(
                application=a,
                department=dept,
                kind=rng.choice(["reconsideration", "litigation_direct", "litigation_after"]),
                filed_on=dt.date(YEAR, 6, 1),
                result=rng.choice(["upheld", "corrected", "pending"]),
            )
            for a in first
        ]
    )


def timed(fn, runs: int = 5) -> tuple[float, list[float]]:
    fn()  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def main() -> None:
    setup()
    t0 = time.perf_counter()
    populate()
    print(
        f"populated {N_DOCS} documents, {N_APPS} applications in {time.perf_counter() - t0:.1f} s"
    )
    from django.db import connection

    from gongkai.core.models import Department, User
    from gongkai.reports import services
    from gongkai.reports.queries import view_report

    dept = Department.objects.get(slug="kjj")
    office = User.objects.get(username="office")
    today = dt.date(YEAR + 1, 1, 10)

    from gongkai.reports.models import Report

    def generate() -> None:
        report = services.report_generate(actor=office, department=dept, year=YEAR, today=today)
        assert not services.report_problems(report), services.report_problems(report)

    def first_time() -> None:
        Report.objects.filter(department=dept, year=YEAR).delete()
        generate()

    for label, fn in (
        ("first report_generate (+ drafted text) + check", first_time),
        ("regenerate existing report + check", generate),
    ):
        median, runs = timed(fn)
        print(
            f"{connection.vendor}: {label}  median {median * 1000:.0f} ms  "
            f"runs {[round(t * 1000) for t in runs]}"
        )
    median, runs = timed(lambda: view_report(dept, YEAR, today))
    print(
        f"{connection.vendor}: view_report (CLI/API read)  median {median * 1000:.0f} ms  "
        f"runs {[round(t * 1000) for t in runs]}"
    )


if __name__ == "__main__":
    sys.exit(main())
