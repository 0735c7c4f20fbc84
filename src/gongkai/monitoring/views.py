"""Staff pages of website monitoring. Thin: validate, call a service, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.core.errors import AccessDenied, DomainError, InvalidTransition
from gongkai.core.models import Department
from gongkai.core.views.staff import staff_department, staff_user
from gongkai.monitoring import services, veto
from gongkai.monitoring.claims import claimed_page
from gongkai.monitoring.detector import DecodeError, decode_html, inspect_html
from gongkai.monitoring.detector.canonical import unified_diff
from gongkai.monitoring.fetch import FetchError, fetch
from gongkai.monitoring.integrity import monitor_site
from gongkai.monitoring.models import (
    Incident,
    InspectionCheck,
    MonitoredPage,
    MonitorRun,
    VetoCheck,
    VetoItem,
)
from gongkai.monitoring.todos import ROLES

ACTIONS = {
    "confirmed": "确认被篡改",
    "resolved": "已处置（页面已恢复）",
    "false_alarm": "误报",
}


def _veto_cards(department: Department) -> list[dict]:
    history: dict[str, list[VetoCheck]] = {item: [] for item in VetoItem.values}
    for check in VetoCheck.objects.filter(department=department).order_by("-checked_at", "-id")[
        : 10 * len(VetoItem.values)
    ]:
        if len(history[check.item]) < 10:
            history[check.item].append(check)
    return [
        {
            "item": item,
            "label": label,
            "latest": history[item][0] if history[item] else None,
            "history": history[item],
        }
        for item, label in VetoItem.choices
    ]


@login_required
def index(request: HttpRequest) -> HttpResponse:
    department = staff_department(request)
    today = timezone.localdate()
    homes = MonitoredPage.objects.filter(department=department, active=True, is_home=True)
    return render(
        request,
        "monitoring/index.html",
        {
            "vetoes": _veto_cards(department),
            "runs": MonitorRun.objects.filter(department=department)[:5],
            "incidents": Incident.objects.filter(department=department).order_by(
                "status", "-opened_at"
            )[:100],
            "checks": InspectionCheck.objects.filter(department=department)[:20],
            "availability": [(p, services.availability(p, week_end=today)) for p in homes],
            "can_act": staff_user(request).has_role(*ROLES),
        },
    )


@login_required
@require_POST
def run(request: HttpRequest) -> HttpResponse:
    """立即运行完整性监测: the same service as the periodic job and `gongkai monitor run`."""
    try:
        report = monitor_site(department=staff_department(request), actor=staff_user(request))
    except DomainError as exc:
        messages.error(request, str(exc))
        return redirect("monitoring:index")
    level = messages.warning if report.incidents else messages.success
    level(request, f"完整性监测完成：{report.run.summary}。")
    return redirect("monitoring:index")


@login_required
@require_POST
def checks(request: HttpRequest) -> HttpResponse:
    """重新评估单项否决指标 (optionally fetching external links, bounded)."""
    try:
        saved = veto.veto_checks_run(
            department=staff_department(request),
            actor=staff_user(request),
            external_links=request.POST.get("external") == "1",
        )
    except AccessDenied as exc:
        messages.error(request, str(exc))
        return redirect("monitoring:index")
    failing = [c.get_item_display() for c in saved if c.status == "fail"]
    if failing:
        messages.warning(request, f"单项否决不合格：{'、'.join(failing)}。已列入工作台待办。")
    else:
        messages.success(request, "指标已重新评估，没有单项否决不合格项。")
    return redirect("monitoring:index")


MAX_UPLOAD = 4 * 1024 * 1024


def _inspect_input(request: HttpRequest) -> tuple[str, bytes, str | None, str | None]:
    """(label, body, charset, base_url) from the pasted URL or the uploaded file."""
    upload = request.FILES.get("file")
    url = request.POST.get("url", "").strip()
    if upload is not None:
        if upload.size and upload.size > MAX_UPLOAD:
            raise FetchError("上传的文件超过 4 MB，请只保存网页本身（不含图片等资源）。")
        return f"上传文件 {upload.name}", upload.read(MAX_UPLOAD), None, None
    if not url:
        raise FetchError("请填写要检查的网址，或上传保存的网页文件。")
    page = fetch(url)
    return url, page.body, page.charset, page.final_url


@login_required
@require_POST
def inspect(request: HttpRequest) -> HttpResponse:
    """Inspect a pasted URL or an uploaded page now (the same fetch, detector and service as the
    periodic job); a page that claims to be one of ours is compared with that signed page."""
    if not staff_user(request).has_role(*ROLES):
        raise Http404
    department = staff_department(request)
    try:
        label, body, charset, base_url = _inspect_input(request)
    except FetchError as exc:
        messages.error(request, str(exc))
        return redirect("monitoring:index")
    try:
        text: str | None = decode_html(body, charset)
    except DecodeError:
        text = None
    claim = claimed_page(department, text) if text else None
    canonical = decode_html(claim.canonical) if claim else None
    names = tuple(n for n in (department.name, department.short_name) if n)
    result = inspect_html(
        body, canonical=canonical, own_names=names, charset=charset, base_url=base_url
    )
    if claim:
        result.notes.append(f"对照本站签名页面：{claim.how}")
    saved = services.inspection_record(
        department=department,
        url=label,
        result=result,
        now=timezone.now(),
        content=body,
        compared_with_canonical=claim is not None,
        diff=unified_diff(canonical, text) if canonical and text else "",
        actor=staff_user(request),
    )
    compared = f"（{claim.how}，已比对）" if claim else ""
    if saved.incident is not None:
        messages.warning(request, f"{label}：{saved.incident.summary}{compared}")
        return redirect("monitoring:incident", pk=saved.incident.pk)
    messages.success(request, f"{label}：未发现篡改或植入内容{compared}。")
    return redirect("monitoring:index")


@login_required
def incident(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Incident, pk=pk, department=staff_department(request))
    allowed = services.TRANSITIONS[item.status] if staff_user(request).has_role(*ROLES) else set()
    actions = [(key, label) for key, label in ACTIONS.items() if key in allowed]
    evidence = [{**f, "label": services.type_label(str(f.get("type", "")))} for f in item.evidence]
    return render(
        request,
        "monitoring/incident.html",
        {"incident": item, "actions": actions, "evidence": evidence},
    )


@login_required
@require_POST
def transition(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Incident, pk=pk, department=staff_department(request))
    if not staff_user(request).has_role(*ROLES):
        raise Http404
    try:
        services.incident_transition(
            incident=item,
            to=request.POST.get("to", ""),
            actor=staff_user(request),
            resolution=request.POST.get("resolution", ""),
            now=timezone.now(),
        )
    except (InvalidTransition, ValueError, KeyError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "事件状态已更新。")
    return redirect("monitoring:incident", pk=pk)
