"""Periodic monitoring jobs: availability probes (≥ 20 a day) and daily injection checks."""

from __future__ import annotations

import logging
import time

from django.utils import timezone
from huey.contrib.djhuey import db_periodic_task

from gongkai.core.jobs import china_crontab
from gongkai.monitoring.availability import PROBE_TIMEOUT_S
from gongkai.monitoring.canonical_source import canonical_for
from gongkai.monitoring.detector import DecodeError, decode_html, inspect_html
from gongkai.monitoring.detector.canonical import unified_diff
from gongkai.monitoring.fetch import FetchError, fetch
from gongkai.monitoring.models import MonitoredPage
from gongkai.monitoring.services import inspection_record, probe_record

log = logging.getLogger(__name__)


def probe(page: MonitoredPage) -> None:
    """Open *page* once and record whether it opened within 15 seconds."""
    start = time.monotonic()
    try:
        result = fetch(page.url, timeout=PROBE_TIMEOUT_S, max_bytes=512 * 1024)
    except FetchError as exc:
        elapsed = int((time.monotonic() - start) * 1000)
        probe_record(page=page, at=timezone.now(), opened=False, elapsed_ms=elapsed, error=str(exc))
        return
    probe_record(
        page=page,
        at=timezone.now(),
        opened=True,
        elapsed_ms=int(result.elapsed_s * 1000),
        status_code=result.status,
    )


def inspect(page: MonitoredPage, canonical: str | None = None) -> None:
    """Fetch *page* and run the injection detector on it (against the signed canonical copy
    when the publisher has one for its path); flagged pages open an incident."""
    try:
        fetched = fetch(page.url)
    except FetchError as exc:
        log.warning("monitoring: %s", exc)
        return
    if canonical is None:
        signed = canonical_for(page.department, page.url)
        canonical = decode_html(signed) if signed else None
    names = tuple(n for n in (page.department.name, page.department.short_name) if n)
    result = inspect_html(
        fetched.body,
        canonical=canonical,
        own_names=names,
        charset=fetched.charset,
        base_url=fetched.final_url,
    )
    diff = ""
    if canonical is not None:
        try:
            diff = unified_diff(canonical, decode_html(fetched.body, fetched.charset))
        except DecodeError:
            diff = ""
    inspection_record(
        department=page.department,
        url=page.url,
        result=result,
        now=timezone.now(),
        page=page,
        content=fetched.body,
        compared_with_canonical=canonical is not None,
        diff=diff,
    )


@db_periodic_task(china_crontab(minute="*/30"))
def probe_home_pages() -> None:
    """48 probes a day of every monitored home page (the rule needs ≥ 20)."""
    for page in MonitoredPage.objects.filter(active=True, is_home=True, is_copy=False):
        probe(page)


@db_periodic_task(china_crontab(minute="15", hour="*/6"))
def inspect_pages() -> None:
    """Inspect every monitored page (and known copies) four times a day."""
    for page in MonitoredPage.objects.filter(active=True).select_related("department"):
        inspect(page)


@db_periodic_task(china_crontab(minute="45", hour="*/2"))
def monitor_sites() -> None:
    """Every two hours: the integrity run (manifest, clients, restore) of every site."""
    from gongkai.core.models import Department
    from gongkai.monitoring.integrity import MonitorError, monitor_site

    for department in Department.objects.all():
        try:
            monitor_site(department=department)
        except MonitorError as exc:
            log.info("monitoring: %s: %s", department.slug, exc)


@db_periodic_task(china_crontab(minute="30", hour="6"))
def evaluate_veto_items() -> None:
    """Every morning: evaluate the single-veto items (internal links only; external links are
    fetched only when staff ask)."""
    from gongkai.core.models import Department
    from gongkai.monitoring.veto import veto_checks_run

    for department in Department.objects.all():
        veto_checks_run(department=department)
