"""Staff JSON API: latest single-veto items, integrity runs, run now (office only)."""

from __future__ import annotations

import pytest

from gongkai.core.models import User
from gongkai.monitoring.veto import veto_checks_run
from gongkai.publishing.services import site_rebuild

pytestmark = pytest.mark.django_db


def test_api_needs_login_and_serves_the_users_department(client, bureau) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/api/monitoring/checks/").status_code == 401
    site_rebuild(department=bureau)
    veto_checks_run(department=bureau)
    client.force_login(User.objects.get(username="office"))
    items = client.get("/api/monitoring/checks/").json()
    assert {i["item"] for i in items} >= {"unreachable", "home_stale", "security"}
    assert all(i["status"] in ("pass", "risk", "fail") for i in items)

    made = client.post("/api/monitoring/runs/")
    assert made.status_code == 200, made.content
    assert made.json()["files"] > 0 and made.json()["ok_after"] is True
    assert client.get("/api/monitoring/runs/").json()[0]["id"] == made.json()["run"]


def test_run_now_refused_for_a_drafter_and_before_a_build(client, bureau) -> None:  # type: ignore[no-untyped-def]
    client.force_login(User.objects.get(username="office"))
    response = client.post("/api/monitoring/runs/")
    assert response.status_code == 409 and "尚未生成" in response.json()["detail"]
    site_rebuild(department=bureau)
    client.force_login(User.objects.get(username="drafter"))
    response = client.post("/api/monitoring/runs/")
    assert response.status_code == 403 and "角色" in response.json()["detail"]
