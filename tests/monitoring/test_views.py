"""Staff pages: the office sees incidents with evidence and closes them; others only read."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from gongkai.core.models import User
from gongkai.monitoring.detector import inspect_html
from gongkai.monitoring.models import Incident
from gongkai.monitoring.services import inspection_record

pytestmark = pytest.mark.django_db
HIJACKED = "<title>开云体育(中国)官方网站</title><p>局机关各处</p>"


@pytest.fixture
def incident(bureau):  # type: ignore[no-untyped-def]
    saved = inspection_record(
        department=bureau,
        url="https://kjj.shili.gov.cn/x.html",
        now=timezone.make_aware(dt.datetime(2026, 10, 7, 9)),
        result=inspect_html(HIJACKED),
        diff="- 示例市科学技术局\n+ 开云体育(中国)官方网站",
    )
    return saved.incident


def login(client, username: str):  # type: ignore[no-untyped-def]
    client.force_login(User.objects.get(username=username))
    return client


def test_index_lists_incidents(client, incident) -> None:  # type: ignore[no-untyped-def]
    page = login(client, "drafter").get(reverse("monitoring:index"))
    assert page.status_code == 200
    text = page.content.decode()
    assert "kjj.shili.gov.cn/x.html" in text
    assert "立即检查" not in text  # drafters do not run checks


def test_incident_shows_evidence_and_diff(client, incident) -> None:  # type: ignore[no-untyped-def]
    page = login(client, "office").get(reverse("monitoring:incident", args=[incident.pk]))
    text = page.content.decode()
    assert "gambling" in text and "开云体育" in text
    assert "规范副本的差异" in text
    assert "确认被篡改" in text


def test_office_resolves_with_a_written_resolution(client, incident) -> None:  # type: ignore[no-untyped-def]
    c = login(client, "office")
    url = reverse("monitoring:transition", args=[incident.pk])
    c.post(url, {"to": "resolved", "resolution": ""})
    assert Incident.objects.get().status == "open"
    c.post(url, {"to": "resolved", "resolution": "已从签名的发布版本恢复。"})
    assert Incident.objects.get().status == "resolved"


def test_drafter_cannot_close(client, incident) -> None:  # type: ignore[no-untyped-def]
    c = login(client, "drafter")
    response = c.post(
        reverse("monitoring:transition", args=[incident.pk]),
        {"to": "false_alarm", "resolution": "x"},
    )
    assert response.status_code == 404
    assert Incident.objects.get().status == "open"


def test_workbench_todo_links_to_the_incident(client, incident) -> None:  # type: ignore[no-untyped-def]
    page = login(client, "office").get(reverse("core:workbench"))
    assert reverse("monitoring:incident", args=[incident.pk]) in page.content.decode()


def test_inspect_now_reports_unreachable_url(client, bureau) -> None:  # type: ignore[no-untyped-def]
    response = login(client, "office").post(
        reverse("monitoring:inspect"), {"url": "http://127.0.0.1:9/"}, follow=True
    )
    assert "连接被拒绝" in response.content.decode()
