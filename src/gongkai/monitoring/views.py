"""Staff pages of website monitoring. Thin: validate, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.core.models import Department, User
from gongkai.monitoring import services
from gongkai.monitoring.detector import inspect_html
from gongkai.monitoring.fetch import FetchError, fetch
from gongkai.monitoring.models import Incident, InspectionCheck, MonitoredPage
from gongkai.monitoring.todos import ROLES

ACTIONS = {
    "confirmed": "确认被篡改",
    "resolved": "已处置（页面已恢复）",
    "false_alarm": "误报",
}


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 — login_required guarantees it
    return user


def _department(request: HttpRequest) -> Department:
    department = _user(request).department
    if department is None:
        raise Http404("您的账号未归属任何机关。")
    return department


@login_required
def index(request: HttpRequest) -> HttpResponse:
    department = _department(request)
    today = timezone.localdate()
    homes = MonitoredPage.objects.filter(department=department, active=True, is_home=True)
    return render(
        request,
        "monitoring/index.html",
        {
            "incidents": Incident.objects.filter(department=department).order_by(
                "status", "-opened_at"
            )[:100],
            "checks": InspectionCheck.objects.filter(department=department)[:20],
            "availability": [(p, services.availability(p, week_end=today)) for p in homes],
            "can_act": _user(request).has_role(*ROLES),
        },
    )


@login_required
@require_POST
def inspect(request: HttpRequest) -> HttpResponse:
    """Inspect one URL now (the same fetch, detector and service as the periodic job)."""
    if not _user(request).has_role(*ROLES):
        raise Http404
    url = request.POST.get("url", "").strip()
    try:
        page = fetch(url)
    except FetchError as exc:
        messages.error(request, str(exc))
        return redirect("monitoring:index")
    department = _department(request)
    names = tuple(n for n in (department.name, department.short_name) if n)
    result = inspect_html(page.body, own_names=names, charset=page.charset, base_url=page.final_url)
    saved = services.inspection_record(
        department=department,
        url=url,
        result=result,
        now=timezone.now(),
        content=page.body,
        actor=_user(request),
    )
    if saved.incident is not None:
        messages.warning(request, f"{url}：{saved.incident.summary}")
        return redirect("monitoring:incident", pk=saved.incident.pk)
    messages.success(request, f"{url}：未发现篡改或植入内容。")
    return redirect("monitoring:index")


@login_required
def incident(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Incident, pk=pk, department=_department(request))
    allowed = services.TRANSITIONS[item.status] if _user(request).has_role(*ROLES) else set()
    actions = [(key, label) for key, label in ACTIONS.items() if key in allowed]
    return render(request, "monitoring/incident.html", {"incident": item, "actions": actions})


@login_required
@require_POST
def transition(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Incident, pk=pk, department=_department(request))
    if not _user(request).has_role(*ROLES):
        raise Http404
    try:
        services.incident_transition(
            incident=item,
            to=request.POST.get("to", ""),
            actor=_user(request),
            resolution=request.POST.get("resolution", ""),
            now=timezone.now(),
        )
    except (services.InvalidTransition, ValueError, KeyError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "事件状态已更新。")
    return redirect("monitoring:incident", pk=pk)
