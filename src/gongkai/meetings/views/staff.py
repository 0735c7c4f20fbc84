"""Staff pages of open meetings."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.core.views.staff import staff_user
from gongkai.core.web import attempt
from gongkai.meetings import forms
from gongkai.meetings.domain import states
from gongkai.meetings.domain.plan import plan_status
from gongkai.meetings.models import Meeting
from gongkai.meetings.services import meetings as services


def _meeting(request: HttpRequest, pk: int) -> Meeting:
    user = staff_user(request)
    if not services.can_read(user):
        raise Http404
    return get_object_or_404(Meeting, pk=pk, department_id=user.department_id)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not services.can_read(user) or user.department_id is None:
        raise Http404
    today = timezone.localdate()
    held, planned = services.year_counts(user.department_id, today.year)
    return render(
        request,
        "meetings/index.html",
        {
            "items": Meeting.objects.filter(department_id=user.department_id)[:200],
            "plan": plan_status(
                today, held=held, planned=planned, minimum=settings.MEETINGS_PER_YEAR
            ),
            "can_edit": services.can_edit(user),
        },
    )


@login_required
def new(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    form = forms.MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, m = attempt(request, services.meeting_create, form, actor=user, data=form.to_data())
        if ok:
            messages.success(request, f"已保存会议 {m.code}。核对后请发布会议公告。")
            return redirect("meetings_staff:detail", pk=m.pk)
    return render(request, "meetings/form.html", {"form": form})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    m = _meeting(request, pk)
    user = staff_user(request)
    return render(
        request,
        "meetings/detail.html",
        {
            "m": m,
            "registrations": m.registrations.all(),
            "allowed": states.allowed(m.status) if services.can_edit(user) else [],
            "can_edit": services.can_edit(user),
            "today": timezone.localdate(),
            "forms": {
                "invite": forms.InviteForm(),
                "minutes": forms.MinutesForm(initial={"recording_url": m.recording_url}),
                "cancel": forms.CancelForm(),
            },
        },
    )


@require_POST
@login_required
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    m = _meeting(request, pk)
    user = staff_user(request)
    kw: dict[str, Any] = {"actor": user, "meeting": m}
    post = request.POST
    if action == "announce":
        ok, _ = attempt(request, services.meeting_announce, **kw)
        done = "已发布会议公告，门户网站已接受报名。"
    elif action == "close_registration":
        ok, _ = attempt(request, services.meeting_close_registration, **kw)
        done = "已截止报名并确定列席人员，结果已在门户网站公布。"
    elif action == "invite":
        form = forms.InviteForm(post)
        ok = form.is_valid()
        if ok:
            c = form.cleaned_data
            ok, _ = attempt(
                request,
                services.registration_invite,
                kind=c["kind"],
                data=services.RegistrationData(
                    name=c["name"],
                    phone=c["phone"],
                    organisation=c["organisation"],
                    consent=c["consent"],
                ),
                **kw,
            )
        done = "已登记特邀人员。"
    elif action == "hold":
        ok, _ = attempt(
            request,
            services.meeting_hold,
            attended=post.getlist("attended"),
            note=post.get("note", ""),
            **kw,
        )
        done = "已登记会议召开和出席情况。"
    elif action == "publish_minutes":
        ok, _ = attempt(
            request,
            services.meeting_publish_minutes,
            minutes=post.get("minutes", ""),
            recording_url=post.get("recording_url", "").strip(),
            **kw,
        )
        done = "已公开会议纪要。"
    elif action == "cancel":
        ok, _ = attempt(request, services.meeting_cancel, reason=post.get("reason", ""), **kw)
        done = "已取消会议并公布说明。"
    else:
        raise Http404
    if ok:
        messages.success(request, done)
    return redirect("meetings_staff:detail", pk=m.pk)
