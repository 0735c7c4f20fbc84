"""Staff JSON API of website monitoring (session login; the staff member's own department):
the single-veto items, the integrity runs, and running one now."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router
from ninja.errors import HttpError
from ninja.security import django_auth

from gongkai.core.errors import AccessDenied
from gongkai.core.models import Department, User
from gongkai.monitoring.integrity import MonitorError, monitor_site
from gongkai.monitoring.models import MonitorRun, VetoCheck
from gongkai.monitoring.veto import latest

router = Router(tags=["网站监测"], auth=django_auth)


def _staff(request: HttpRequest) -> tuple[User, Department]:
    user = request.user
    if not isinstance(user, User) or user.department is None:
        raise HttpError(403, "您的账号未归属任何机关。")
    return user, user.department


def _check(c: VetoCheck) -> dict[str, Any]:
    return {
        "item": c.item,
        "label": c.get_item_display(),
        "status": c.status,
        "summary": c.summary,
        "evidence": c.evidence,
        "checked_at": c.checked_at.isoformat(),
    }


def _run(r: MonitorRun) -> dict[str, Any]:
    return {
        "id": r.pk,
        "started_at": r.started_at.isoformat(),
        "finished_at": r.finished_at.isoformat() if r.finished_at else None,
        "base_url": r.base_url,
        "files": r.files,
        "problems": r.problems,
        "restored": r.restored,
        "ok_after": r.ok_after,
        "incidents": r.incidents,
        "summary": r.summary,
    }


@router.get("/checks/", summary="单项否决指标的最新评估")
def checks(request: HttpRequest) -> list[dict[str, Any]]:
    _user, department = _staff(request)
    return [_check(c) for c in latest(department).values()]


@router.get("/runs/", summary="最近的网站完整性监测")
def runs(request: HttpRequest) -> list[dict[str, Any]]:
    _user, department = _staff(request)
    return [_run(r) for r in MonitorRun.objects.filter(department=department)[:20]]


@router.post("/runs/", summary="立即运行网站完整性监测（办公室）")
def run_now(request: HttpRequest) -> dict[str, Any]:
    user, department = _staff(request)
    try:
        report = monitor_site(department=department, actor=user)
    except AccessDenied as exc:
        raise HttpError(403, str(exc)) from None
    except MonitorError as exc:
        raise HttpError(409, str(exc)) from None
    return report.as_dict()
