"""The public registration form for an open meeting (dynamic); the meeting page is static."""

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from gongkai.core import public_forms
from gongkai.core.errors import DomainError
from gongkai.meetings.domain.states import PUBLIC_STATUSES
from gongkai.meetings.models import Meeting
from gongkai.meetings.services.meetings import RegistrationData, registration_submit
from gongkai.publishing import pages
from gongkai.publishing.public import department_for_request, render_public
from gongkai.publishing.site import site_info

FIELDS = ("name", "phone", "organisation", "wish")


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    department = department_for_request(request)
    qs = Meeting.objects.filter(pk=pk, status__in=[s.value for s in PUBLIC_STATUSES])
    if department is not None:
        qs = qs.filter(department=department)
    found = qs.select_related("department").first()
    if found is None:
        raise Http404("没有这次会议。")
    return found


def _render(
    request: HttpRequest, m: Meeting, template: str, ctx: dict[str, Any], status: int = 200
) -> HttpResponse:
    base = {
        "m": m,
        "channels": pages.collect("interaction", site_info(m.department)),
        "trail": [("会议公开", "/hdjl/hy/"), (m.title, m.public_path), ("报名", "")],
        "css": "/assets/participation.css",
    }
    return render_public(request, template, base | ctx, department=m.department, status=status)


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest, pk: int) -> HttpResponse:
    m = _meeting(request, pk)
    token = public_forms.token(request)
    data = {f: request.POST.get(f, "")[:600] for f in FIELDS} if request.method == "POST" else {}
    consent = request.method == "POST" and request.POST.get("consent") == "yes"
    errors: dict[str, str] = {}
    status = 200
    if request.method == "POST":
        if public_forms.over_limit(request, "meeting", limit=settings.COMMENT_RATE_LIMIT):
            errors["__all__"] = "同一网络地址提交过于频繁，请一小时后再试，或致电本机关报名。"
            status = 429
        else:
            try:
                r, _ = registration_submit(
                    meeting=m, data=RegistrationData(consent=consent, **data), token=token
                )
            except DomainError as exc:
                errors = {k: " ".join(v) for k, v in exc.fields.items()} or {"__all__": str(exc)}
                status = 400
            else:
                request.session["gongkai_registration"] = [m.pk, r.number]
                return redirect("meetings_public:registered", pk=m.pk)
    ctx = {"data": data, "errors": errors, "token": token, "consent": consent}
    return _render(request, m, "meetings/register.html", ctx, status=status)


def registered(request: HttpRequest, pk: int) -> HttpResponse:
    m = _meeting(request, pk)
    stored = request.session.get("gongkai_registration")
    if not stored or stored[0] != m.pk:
        return redirect("meetings_public:register", pk=m.pk)
    return _render(request, m, "meetings/registered.html", {"number": stored[1]})
