"""Benchmark of the documents module (docs/benchmarks.md, section 公文).

    .venv/bin/python bench/documents_bench.py --docs 3000 --runs 7

On a fresh database (SQLite in a temporary directory, or DATABASE_URL) — GK_BENCH_DIR reuses
an earlier run's:
1. import N published documents in bulk (the demo's texts, distinct titles and numbers);
2. full build of the site (every page source, documents included) — one run;
3. office sign-off of a new notice, repeatedly: the service call including the search-index
   update and the incremental publication (document page; in its column, the 公文数据库 and its
   filter lists the first page, the year's newest page and its own page; feeds; home page) —
   median and p95 over --runs;
4. a validity change (废止 with replacement) of old documents sampled from 2008–2014, same measure;
5. the pre-publication detectors over a 20 KB text with personal data sprinkled in.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
# GK_BENCH_DIR=<dir of an earlier run> measures again on its database and site (the import and
# the full build of 100,000 documents take minutes); by default every run starts afresh.
WORK = Path(os.environ.get("GK_BENCH_DIR") or tempfile.mkdtemp(prefix="gk-doc-bench-"))
print(f"data directory: {WORK}")
os.environ["GONGKAI_DATA_DIR"] = str(WORK / "var")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from gongkai.core.demo import load_bureau  # noqa: E402
from gongkai.core.models import User  # noqa: E402
from gongkai.documents.catalogue import catalogue_seed  # noqa: E402
from gongkai.documents.demo_content import generate  # noqa: E402
from gongkai.documents.domain.checks import run_checks  # noqa: E402
from gongkai.documents.models import CatalogueColumn, Document, DocumentStatus, SubjectCategory  # noqa: E402
from gongkai.documents.sanitize import html_to_text, sanitise_body  # noqa: E402
from gongkai.documents.services import chain, publication  # noqa: E402
from gongkai.documents.services.records import DocumentData, document_create  # noqa: E402
from gongkai.publishing.services import site_rebuild  # noqa: E402
from gongkai.search.services import search_rebuild  # noqa: E402


def populate(department, n: int, today: dt.date) -> None:  # type: ignore[no-untyped-def]
    """N published documents cycling through the demo's texts, spread evenly over the days
    from 2008 to yesterday, written in bulk (the services would take hours at 100,000)."""
    specs = [s for s in generate(today.year, today) if s.disclosure == "proactive"]
    columns = {c.slug: c for c in CatalogueColumn.objects.filter(department=department)}
    topics = {t.code: t for t in SubjectCategory.objects.filter(department=department)}
    divisions = {d.code: d for d in department.divisions.all()}
    office = User.objects.get(username="office")
    bodies = {s.key: sanitise_body("\n".join(s.body)).html for s in specs}
    texts = {k: html_to_text(v) for k, v in bodies.items()}
    first = dt.date(2008, 1, 1).toordinal()
    span = today.toordinal() - first
    docs, links = [], []
    for i in range(n):
        spec = specs[i % len(specs)]
        day = dt.date.fromordinal(first + i * span // n)
        docs.append(
            Document(
                department=department,
                division=divisions[spec.division],
                drafter=office,
                index_number=f"bench/{day.year}-{i:06d}",
                title=f"{spec.title}（{i}）",
                doc_number=f"示科发〔{day.year}〕{i}号" if spec.doc_number else "",
                issuers=spec.issuers,
                written_date=day,
                publish_date=day,
                category=topics.get(spec.topic),
                genre=spec.genre,
                keywords=spec.keywords,
                body=bodies[spec.key],
                body_text=texts[spec.key],
                disclosure="proactive",
                is_normative=spec.normative,
                validity=spec.validity,
                validity_date=spec.validity_date,
                status=DocumentStatus.PUBLISHED,
                formed_date=day,
                published_at=timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0))),
            )
        )
        links.append([columns[c] for c in spec.columns if c in columns])
    with transaction.atomic():
        created = Document.objects.bulk_create(docs, batch_size=2000)
        through = Document.columns.through
        through.objects.bulk_create(
            [
                through(document_id=d.pk, cataloguecolumn_id=c.pk)
                for d, cs in zip(created, links, strict=True)
                for c in cs
            ],
            batch_size=5000,
        )
    search_rebuild(department.pk)
    if connection.vendor == "postgresql":  # what autovacuum does a while after a bulk load
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def ready(department, users, title: str) -> Document:  # type: ignore[no-untyped-def]
    """A notice in 通知公告 walked up to the office's sign-off."""
    column = CatalogueColumn.objects.get(department=department, slug="tzgg")
    topic = SubjectCategory.objects.get(department=department, code="kjxm")
    data = DocumentData(
        title=title,
        issuers=department.name,
        written_date=dt.date.today(),
        disclosure="proactive",
        body="<p>各有关单位：……</p>",
        column_ids=[column.pk],
        category_id=topic.pk,
    )
    doc = document_create(actor=users["drafter"], data=data).document
    chain.document_submit(actor=users["drafter"], document=doc)
    chain.document_head_approve(actor=users["head"], document=doc)
    chain.document_confidentiality_approve(actor=users["secrecy"], document=doc)
    return doc


def timed(func) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def summary(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return f"median {statistics.median(values):.0f} ms, p95 {p95:.0f} ms, min {values[0]:.0f} ms (n={len(values)})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--profile", action="store_true", help="print where one more sign-off spends its time"
    )
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    department = load_bureau()
    catalogue_seed(department)
    today = dt.date.today()
    have = Document.objects.filter(department=department).count()
    if have >= args.docs:
        print(f"reusing {have} documents and their site")
    else:
        t = timed(lambda: populate(department, args.docs, today))
        print(f"import {args.docs} documents: {t:.0f} ms")
        t = timed(lambda: site_rebuild(department=department))
        files = sum(1 for p in (WORK / "var" / "site").rglob("*") if p.is_file())
        print(f"full build: {t / 1000:.1f} s ({files} files under the site root)")

    users = {u.username: u for u in User.objects.all()}
    # One sign-off first, not measured: a running server has its templates compiled and its
    # database pages cached; the first publication of a fresh process pays for both.
    chain.document_sign_off(actor=users["office"], document=ready(department, users, "预热用通知"))
    signoffs = []
    for i in range(args.runs):
        doc = ready(department, users, f"基准测试通知{i}")
        signoffs.append(
            timed(lambda doc=doc: chain.document_sign_off(actor=users["office"], document=doc))
        )
    print(f"sign-off incl. incremental publish + index: {summary(signoffs)}")
    if args.profile:
        import cProfile
        import pstats

        doc = ready(department, users, "剖析用通知")
        queries: list[tuple[float, str]] = []

        def log_sql(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                queries.append(((time.perf_counter() - start) * 1000, sql))

        with connection.execute_wrapper(log_sql), cProfile.Profile() as prof:
            chain.document_sign_off(actor=users["office"], document=doc)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
        print(
            f"{len(queries)} queries, {sum(t for t, _ in queries):.0f} ms in the database; slowest:"
        )
        for ms, sql in sorted(queries, reverse=True)[:12]:
            print(f"  {ms:7.1f} ms  {sql[:300]}")

    # Old documents anywhere in their year: one early in a year leaves the most pages after it
    # in the 有效 and 废止 lists (a fixed seed, so runs are comparable).
    candidates = Document.objects.filter(
        status="published", validity="valid", publish_date__year__lt=2015
    )
    olds = random.Random(2026).sample(list(candidates.values_list("pk", flat=True)), args.runs)
    olds = list(Document.objects.filter(pk__in=olds))
    replacement = Document.objects.filter(status="published").order_by("-publish_date").first()
    changes = [
        timed(
            lambda d=d: publication.document_set_validity(
                actor=users["office"], document=d, validity="repealed", replaced_by=replacement
            )
        )
        for d in olds
    ]
    print(f"validity change (废止, old document): {summary(changes)}")

    text = (
        "为深入实施创新驱动发展战略，进一步做好科技计划项目管理工作，现提出如下意见。" * 12 + "\n"
    ) * 20
    text += "联系人张三，手机13912345678，邮箱zhangsan@qq.com，住址贵州省贵阳市云岩区中华北路12号3栋2单元501室。"
    runs = [timed(lambda: run_checks(text, ["0851-87987000"])) for _ in range(20)]
    print(f"pre-publication checks on {len(text.encode()) // 1024} KB: {summary(runs)}")


if __name__ == "__main__":
    main()
