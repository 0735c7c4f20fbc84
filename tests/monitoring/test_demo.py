"""The demo loader: home page monitored, leaders configured, one evaluation; idempotent."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.monitoring import demo
from gongkai.monitoring.models import Leader, MonitoredPage, VetoCheck, VetoItem
from gongkai.publishing.services import site_rebuild

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent(bureau, client) -> None:  # type: ignore[no-untyped-def]
    site_rebuild(department=bureau)
    demo.load(bureau, today=dt.date(2026, 11, 26))
    counts = (MonitoredPage.objects.count(), Leader.objects.count(), VetoCheck.objects.count())
    assert counts == (1, 2, len(VetoItem.values))
    assert Leader.objects.get(name="何明远").titles() == ["党组书记", "局长"]
    demo.load(bureau, today=dt.date(2026, 11, 26))
    again = (MonitoredPage.objects.count(), Leader.objects.count(), VetoCheck.objects.count())
    assert again == counts


def test_admin_lists_leaders(bureau, admin_client) -> None:  # type: ignore[no-untyped-def]
    demo.load(bureau, today=dt.date(2026, 11, 26))
    page = admin_client.get("/admin/monitoring/leader/")
    assert page.status_code == 200
    assert "何明远" in page.content.decode()
