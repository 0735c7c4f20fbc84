"""The public pages: the application form, the receipt, the status query, the quarterly
analysis and expiring downloads. No applicant personal data is ever shown here."""

import secrets
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from gongkai.applications import forms
from gongkai.applications.domain.outcomes import APPLICANT_TYPE_CHOICES
from gongkai.applications.models import Application, QuarterlyAnalysis
from gongkai.applications.models.application import Delivery, IdType, PreferredForm
from gongkai.applications.services import common, intake, records, stats
from gongkai.applications.views.admin_pages import charts
from gongkai.core.models import Department
from gongkai.core.net import client_ip

RATE_WINDOW = 3600


def department(request: HttpRequest) -> Department:
    try:
        from gongkai.publishing.public import department_for_request

        found = department_for_request(request)
    except ImportError:
        found = None
    found = found or Department.objects.order_by("pk").first()
    if found is None:
        raise Http404("站点尚未配置。")
    return found


def render(
    request: HttpRequest,
    template: str,
    ctx: dict[str, Any],
    status: int = 200,
    dep: Department | None = None,
) -> HttpResponse:
    from gongkai.publishing.public import render_public

    return render_public(
        request, template, ctx, department=dep or department(request), status=status
    )


def _over_limit(request: HttpRequest, kind: str, limit: int) -> bool:
    key = f"gongkai:apply:{kind}:{client_ip(request)}"
    cache.add(key, 0, RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, RATE_WINDOW)
        count = 1
    return count > limit


def _choices() -> dict[str, Any]:
    return {
        "applicant_types": APPLICANT_TYPE_CHOICES,
        "id_types": IdType.choices,
        "forms_": PreferredForm.choices,
        "deliveries": Delivery.choices,
    }


@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest) -> HttpResponse:
    dep = department(request)
    form = forms.ApplicationForm(request.POST or None)
    errors: dict[str, str] = {}
    token = request.POST.get("token") or secrets.token_urlsafe(24)
    if request.method == "POST":
        if _over_limit(request, "submit", settings.APPLY_RATE_LIMIT):
            errors["__all__"] = (
                "同一网络地址提交过于频繁，请一小时后再试；如确有需要，请致电本机关或到窗口提交。"
            )
        elif form.is_valid():
            try:
                files = [
                    (f.name or "", f.read(), f.content_type or "")
                    for f in request.FILES.getlist("files")[:5]
                ]
                app, _ = intake.application_submit(
                    department=dep,
                    applicant=form.applicant(),
                    request=form.request(files),
                    token=token,
                )
            except intake.ApplicationValidationError as exc:
                errors = {name: " ".join(msgs) for name, msgs in exc.fields.items()}
            except common.ApplicationError as exc:
                errors["__all__"] = str(exc)
            else:
                request.session["gongkai_receipt"] = app.query_code
                return redirect("applications_public:receipt")
        else:
            errors = {f: " ".join(str(m) for m in e) for f, e in form.errors.items()}
    data = {f: (form.data.get(f, "") if request.method == "POST" else "") for f in form.fields}
    status = 400 if errors else 200
    return render(
        request,
        "applications/apply.html",
        {
            "data": data,
            "errors": errors,
            "token": token,
            **_choices(),
            "max_description": intake.MAX_DESCRIPTION,
        },
        status=status,
        dep=dep,
    )


def receipt(request: HttpRequest) -> HttpResponse:
    code = request.session.get("gongkai_receipt")
    app = Application.objects.filter(query_code=code).first() if code else None
    if app is None:
        return redirect("applications_public:status")
    return render(request, "applications/receipt.html", {"app": app}, dep=app.department)


@require_http_methods(["GET", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    form = forms.StatusQueryForm(request.POST or None)
    app = None
    error = ""
    if request.method == "POST":
        if _over_limit(request, "query", settings.STATUS_RATE_LIMIT):
            error = "查询过于频繁，请一小时后再试。"
        elif not form.is_valid():
            error = "请输入回执上的查询码，以及手机号码或证件号码的后4位。"
        else:
            app = status_lookup(form.cleaned_data["code"], form.cleaned_data["factor"])
            if app is None:
                error = "查询码或验证信息不正确，请核对回执后重新输入。"
    ctx: dict[str, Any] = {"app": app, "error": error, "code": request.POST.get("code", "")}
    if app is not None:
        from django.utils import timezone

        clock = common.clock_for(app, timezone.localdate()) if app.is_open else None
        ctx |= {"clock": clock, "events": app.events.filter(public=True)}
    return render(request, "applications/status.html", ctx, status=400 if error else 200)


def status_lookup(code: str, factor: str) -> Application | None:
    """The query code plus a second factor (last 4 digits of the phone or the ID/credit code)."""
    app = Application.objects.filter(query_code=code.strip().upper()).order_by().first()
    if app is None or factor.strip().upper() not in app.second_factors():
        return None
    return app


def analysis_list(request: HttpRequest) -> HttpResponse:
    dep = department(request)
    items = QuarterlyAnalysis.objects.filter(
        department=dep, state=QuarterlyAnalysis.State.PUBLISHED
    ).order_by("-year", "-quarter")
    return render(request, "applications/analysis_list.html", {"items": items}, dep=dep)


def analysis(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    dep = department(request)
    published = QuarterlyAnalysis.objects.filter(
        department=dep, year=year, quarter=quarter, state=QuarterlyAnalysis.State.PUBLISHED
    ).first()
    if published is None:
        raise Http404
    data = stats.quarter_stats(dep, year, quarter)
    return render(
        request,
        "applications/analysis.html",
        {"s": data, "analysis": published, "charts": charts(data)},
        dep=dep,
    )


def download(request: HttpRequest, token: str) -> HttpResponse | FileResponse:
    try:
        f = records.file_for_token(token)
    except common.ApplicationError as exc:
        return render(
            request,
            "applications/message.html",
            {"title": "无法下载", "message": str(exc)},
            status=410,
        )
    return FileResponse(f.file.open("rb"), as_attachment=True, filename=f.name, content_type=f.mime)
