"""Monitoring services with the database: checks, incidents, transitions, probes, to-dos."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.core import todos
from gongkai.core.errors import InvalidTransition
from gongkai.core.models import AuditEntry, User
from gongkai.monitoring import jobs
from gongkai.monitoring.detector import inspect_html
from gongkai.monitoring.models import Incident, InspectionCheck, MonitoredPage, Probe
from gongkai.monitoring.services import (
    availability,
    incident_transition,
    inspection_record,
    probe_record,
)

pytestmark = pytest.mark.django_db
NOW = timezone.make_aware(dt.datetime(2026, 10, 7, 10, 0))
HIJACKED = "<title>开云体育(中国)官方网站</title><p>局机关各处</p>"


def office_user(bureau) -> User:  # type: ignore[no-untyped-def]
    return next(u for u in User.objects.filter(department=bureau) if u.has_role("publisher"))


def test_clean_result_records_a_check_without_incident(bureau) -> None:  # type: ignore[no-untyped-def]
    saved = inspection_record(
        department=bureau,
        url="https://kjj.shili.gov.cn/",
        now=NOW,
        result=inspect_html("<p>正文</p>"),
    )
    assert saved.incident is None
    assert InspectionCheck.objects.get().verdict == "clean"


def test_flagged_result_opens_one_incident_per_url_with_evidence(bureau) -> None:  # type: ignore[no-untyped-def]
    first = inspection_record(
        department=bureau,
        url="https://kjj.shili.gov.cn/a.html",
        now=NOW,
        result=inspect_html(HIJACKED),
        content=HIJACKED.encode(),
        diff="- 示例市科学技术局\n+ 开云体育",
    )
    again = inspection_record(
        department=bureau,
        url="https://kjj.shili.gov.cn/a.html",
        now=NOW + dt.timedelta(hours=6),
        result=inspect_html(HIJACKED),
    )
    assert first.incident is not None and again.incident == first.incident
    incident = Incident.objects.get()
    assert incident.evidence[0]["type"] == "gambling"
    assert "开云体育" in incident.diff
    assert InspectionCheck.objects.count() == 2
    assert AuditEntry.objects.filter(action="monitoring.incident.open").count() == 1


def test_incident_transitions_and_guards(bureau) -> None:  # type: ignore[no-untyped-def]
    user = office_user(bureau)
    incident = inspection_record(
        department=bureau, url="/a", now=NOW, result=inspect_html(HIJACKED)
    ).incident
    assert incident is not None
    with pytest.raises(InvalidTransition, match="处置说明"):
        incident_transition(incident=incident, to="resolved", actor=user, now=NOW)
    incident = incident_transition(incident=incident, to="confirmed", actor=user, now=NOW)
    incident = incident_transition(
        incident=incident,
        to="resolved",
        actor=user,
        now=NOW,
        resolution="从签名的发布版本恢复页面，更换了 FTP 口令。",
    )
    assert incident.closed_at == NOW and incident.closed_by == user
    with pytest.raises(InvalidTransition):
        incident_transition(incident=incident, to="confirmed", actor=user, now=NOW)
    # After closing, a new detection opens a new incident.
    again = inspection_record(department=bureau, url="/a", now=NOW, result=inspect_html(HIJACKED))
    assert again.incident is not None and again.incident.pk != incident.pk


def test_open_incidents_are_workbench_todos_for_the_office(bureau) -> None:  # type: ignore[no-untyped-def]
    inspection_record(
        department=bureau,
        url="https://kjj.shili.gov.cn/b.html",
        now=NOW,
        result=inspect_html(HIJACKED),
    )
    items = [t for t in todos.collect(office_user(bureau), NOW.date()) if t.module == "网站监测"]
    assert len(items) == 1
    assert "kjj.shili.gov.cn/b.html" in items[0].title
    drafter = next(
        u
        for u in User.objects.filter(department=bureau)
        if not u.has_role("publisher", "disclosure_head", "sysadmin")
    )
    assert not [t for t in todos.collect(drafter, NOW.date()) if t.module == "网站监测"]


def test_availability_from_recorded_probes(bureau) -> None:  # type: ignore[no-untyped-def]
    page = MonitoredPage.objects.create(
        department=bureau, url="https://kjj.shili.gov.cn/", is_home=True
    )
    start = timezone.make_aware(dt.datetime(2026, 10, 1, 0, 10))
    for i in range(7 * 24):
        failed = i % 12 == 0  # 14 of 168 = 8.3 %
        probe_record(
            page=page,
            at=start + dt.timedelta(hours=i),
            opened=not failed,
            elapsed_ms=900 if not failed else 15000,
            error="连接超时" if failed else "",
        )
    week = availability(page, week_end=dt.date(2026, 10, 7))
    assert week.probes == 168
    assert week.unreachable
    assert Probe.objects.filter(opened=False).count() == 14


def test_probe_job_records_failure_for_unreachable_site(bureau) -> None:  # type: ignore[no-untyped-def]
    page = MonitoredPage.objects.create(department=bureau, url="http://127.0.0.1:9/", is_home=True)
    jobs.probe(page)
    probe = Probe.objects.get()
    assert not probe.opened
    assert "拒绝" in probe.error


def test_canonical_copy_comes_from_the_signed_build(bureau, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import io
    import json

    from django.core.management import call_command

    from gongkai.monitoring.canonical_source import canonical_for
    from gongkai.publishing.services import site_rebuild

    site_rebuild(department=bureau)
    signed = canonical_for(bureau, "https://kjj.shili.gov.cn/xxgk/zn/")
    assert signed is not None and "政府信息公开指南" in signed.decode()
    assert canonical_for(bureau, "https://kjj.shili.gov.cn/no/such/page.html") is None
    # A copy served elsewhere with the department's name swapped for a brand.
    served = tmp_path / "copy.html"
    served.write_bytes(signed.replace("示例市科学技术局".encode(), "九游会(中国)官方网站".encode()))
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("inspect", str(served), "--site-canonical", "/xxgk/zn/", "--json", stdout=out)
    assert exit_.value.code == 1
    found = {f["type"] for f in json.loads(out.getvalue())["findings"]}
    assert "name_replaced" in found
