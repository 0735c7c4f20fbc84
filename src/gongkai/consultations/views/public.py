"""The public comment form (dynamic: it needs a CSRF token and a one-submission token). The
draft itself is a static page (portal.py)."""

from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_http_methods

from gongkai.consultations.domain.states import PUBLIC_STATUSES
from gongkai.consultations.models import Consultation
from gongkai.consultations.services.comments import CommentData, comment_submit
from gongkai.core import public_forms
from gongkai.core.errors import DomainError
from gongkai.core.participation import MAX_TEXT
from gongkai.publishing import pages
from gongkai.publishing.public import department_for_request, render_public
from gongkai.publishing.site import site_info

FIELDS = ("body", "article", "author", "contact")


def _consultation(request: HttpRequest, pk: int) -> Consultation:
    department = department_for_request(request)
    qs = Consultation.objects.filter(pk=pk, status__in=[s.value for s in PUBLIC_STATUSES])
    if department is not None:
        qs = qs.filter(department=department)
    found = qs.select_related("department").first()
    if found is None:
        raise Http404("没有这项征求意见。")
    return found


def _render(
    request: HttpRequest, c: Consultation, template: str, ctx: dict[str, Any], status: int = 200
) -> HttpResponse:
    base = {
        "c": c,
        "channels": pages.collect("interaction", site_info(c.department)),
        "trail": [("意见征集", "/hdjl/zjyj/"), (c.title, c.public_path), ("提交意见", "")],
        "css": "/assets/participation.css",
    }
    return render_public(request, template, base | ctx, department=c.department, status=status)


@require_http_methods(["GET", "POST"])
def comment_form(request: HttpRequest, pk: int) -> HttpResponse:
    c = _consultation(request, pk)
    errors: dict[str, str] = {}
    token = public_forms.token(request)
    data = {f: request.POST.get(f, "") for f in FIELDS} if request.method == "POST" else {}
    consent = request.method == "POST" and request.POST.get("consent") == "yes"
    if request.method == "POST":
        if public_forms.over_limit(request, "consult", limit=settings.COMMENT_RATE_LIMIT):
            errors["__all__"] = (
                "同一网络地址提交过于频繁，请一小时后再试；也可以通过信函或电子邮件提出意见。"
            )
            return _render(
                request,
                c,
                "consultations/comment.html",
                {
                    "data": data,
                    "errors": errors,
                    "token": token,
                    "consent": consent,
                    "max": MAX_TEXT,
                },
                status=429,
            )
        try:
            comment, _ = comment_submit(
                consultation=c,
                data=CommentData(
                    body=data["body"][: MAX_TEXT * 2],
                    article=data["article"][:200],
                    author=data["author"][:200],
                    contact=data["contact"][:200],
                    consent=consent,
                ),
                token=token,
            )
        except DomainError as exc:
            errors = {name: " ".join(msgs) for name, msgs in exc.fields.items()} or {
                "__all__": str(exc)
            }
        else:
            request.session["gongkai_comment"] = [c.pk, comment.number]
            return redirect("consultations_public:thanks", pk=c.pk)
    return _render(
        request,
        c,
        "consultations/comment.html",
        {"data": data, "errors": errors, "token": token, "consent": consent, "max": MAX_TEXT},
        status=400 if errors else 200,
    )


def thanks(request: HttpRequest, pk: int) -> HttpResponse:
    c = _consultation(request, pk)
    stored = request.session.get("gongkai_comment")
    if not stored or stored[0] != c.pk:
        return redirect("consultations_public:form", pk=c.pk)
    return _render(request, c, "consultations/thanks.html", {"number": stored[1]})
