"""Staff pages: the list, a draft's form, its page with the comments and the actions."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.consultations import forms
from gongkai.consultations.domain import states
from gongkai.consultations.domain.states import Status
from gongkai.consultations.models import Comment, Consultation
from gongkai.consultations.services import comments as comment_services
from gongkai.consultations.services import consultations as services
from gongkai.consultations.services.common import can_edit, can_read
from gongkai.consultations.todos import days_left
from gongkai.core.models import Division, User
from gongkai.core.participation import Moderation
from gongkai.core.permissions import sees_all_divisions
from gongkai.core.views.staff import staff_user
from gongkai.core.web import attempt


def _reader(request: HttpRequest) -> User:
    user = staff_user(request)
    if not can_read(user):
        raise Http404
    return user


def _get(request: HttpRequest, pk: int) -> Consultation:
    user = _reader(request)
    return get_object_or_404(
        Consultation.objects.select_related("division", "final_document"),
        pk=pk,
        department_id=user.department_id or 0,
    )


def _divisions(user: User) -> list[tuple[int, str]] | None:
    if not sees_all_divisions(user):
        return None
    return list(
        Division.objects.filter(department_id=user.department_id or 0).values_list("pk", "name")
    )


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = _reader(request)
    today = timezone.localdate()
    qs = (
        Consultation.objects.filter(department_id=user.department_id or 0)
        .select_related("division")
        .annotate(
            n_comments=Count("comments", filter=~Q(comments__moderation=Moderation.WITHHELD)),
            n_pending=Count("comments", filter=Q(comments__moderation=Moderation.PENDING)),
        )
    )
    status = request.GET.get("status", "")
    if status in Status.__members__.values():
        qs = qs.filter(status=status)
    rows = []
    for c in qs.order_by("-opens_on", "-id")[:200]:
        left = days_left(today, c.closes_on) if c.status == Status.OPEN else None
        rows.append({"c": c, "left": left})
    return render(
        request,
        "consultations/index.html",
        {
            "rows": rows,
            "status": status,
            "statuses": states.STATUS_CHOICES,
            "can_create": can_edit(user),
        },
    )


@login_required
def new(request: HttpRequest) -> HttpResponse:
    user = _reader(request)
    today = timezone.localdate()
    form = forms.ConsultationForm(
        request.POST or None,
        divisions=_divisions(user),
        initial={"opens_on": today, "division_id": user.division_id},
    )
    if request.method == "POST" and form.is_valid():
        ok, c = attempt(
            request, services.consultation_create, form, actor=user, data=form.to_data()
        )
        if ok:
            messages.success(request, "已保存征求意见稿。核对无误后请点击“发布征求意见”。")
            return redirect("consultations_staff:detail", pk=c.pk)
    return render(request, "consultations/form.html", {"form": form, "c": None})


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    c = _get(request, pk)
    user = staff_user(request)
    form = forms.ConsultationForm(
        request.POST or None,
        divisions=_divisions(user),
        initial=forms.ConsultationForm.initial_for(c),
    )
    if request.method == "POST" and form.is_valid():
        ok, _ = attempt(
            request,
            services.consultation_update,
            form,
            actor=user,
            consultation=c,
            data=form.to_data(),
        )
        if ok:
            messages.success(request, "已保存修改。")
            return redirect("consultations_staff:detail", pk=c.pk)
    return render(request, "consultations/form.html", {"form": form, "c": c})


def _documents(c: Consultation) -> list[tuple[Any, str]]:
    from gongkai.documents.models import Document

    docs = Document.objects.filter(department_id=c.department_id).exclude(
        status__in=["withdrawn", "filed"]
    )
    docs = docs.filter(Q(is_normative=True) | Q(is_major_decision=True) | Q(pk=c.final_document_id))
    choices: list[tuple[Any, str]] = [("", "（未关联）")]
    choices += [
        (d.pk, f"{d.title}（{d.get_status_display()}）") for d in docs.order_by("-created_at")[:100]
    ]
    return choices


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    c = _get(request, pk)
    user = staff_user(request)
    today = timezone.localdate()
    check = services.period_check(c.kind, c.opens_on, c.closes_on)
    comments = list(
        c.comments.select_related("same_as", "entered_by").prefetch_related("duplicates")
    )
    link_form = forms.LinkForm(initial={"document_id": c.final_document_id})
    link_form.fields["document_id"].choices = _documents(c)  # type: ignore[attr-defined]
    editable = can_edit(user, c)
    return render(
        request,
        "consultations/detail.html",
        {
            "c": c,
            "check": check,
            "left": days_left(today, c.closes_on) if c.status == Status.OPEN else None,
            "allowed": states.allowed(c.status) if editable else [],
            "editable": editable,
            "handling": editable and c.status in (Status.OPEN, Status.CLOSED),
            "comments": comments,
            "summary": services.summary_of(c),
            "pending": sum(1 for x in comments if x.moderation == Moderation.PENDING),
            "today": today,
            "forms": {
                "comment": forms.StaffCommentForm(initial={"received_on": today}),
                "dispose": forms.DisposeForm(),
                "withhold": forms.WithholdForm(),
                "group": forms.GroupForm(),
                "extend": forms.ExtendForm(),
                "withdraw": forms.ReasonForm(),
                "feedback": forms.FeedbackForm(initial={"summary": c.feedback_summary}),
                "link": link_form,
            },
        },
    )


@require_POST
@login_required
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    c = _get(request, pk)
    user = staff_user(request)
    done = ""
    if action == "open":
        ok, _ = attempt(request, services.consultation_open, actor=user, consultation=c)
        done = "已发布征求意见稿，门户网站已更新。"
    elif action == "close":
        ok, _ = attempt(request, services.consultation_close, actor=user, consultation=c)
        done = "征求意见已结束，请逐条处理意见后公布采纳情况。"
    elif action == "extend":
        form = forms.ExtendForm(request.POST)
        ok = form.is_valid()
        if ok:
            ok, _ = attempt(
                request,
                services.consultation_extend,
                actor=user,
                consultation=c,
                closes_on=form.cleaned_data["closes_on"],
                reason=form.cleaned_data["reason"],
            )
        else:
            messages.error(request, "请填写有效的新截止日期。")
        done = "已延长征求意见期限。"
    elif action == "withdraw":
        ok, _ = attempt(
            request,
            services.consultation_withdraw,
            actor=user,
            consultation=c,
            reason=request.POST.get("reason", ""),
        )
        done = "已终止征求意见，门户网站已公布终止说明。"
    elif action == "publish_feedback":
        ok, _ = attempt(
            request,
            services.consultation_publish_feedback,
            actor=user,
            consultation=c,
            summary=request.POST.get("summary", ""),
        )
        done = "已公布意见采纳情况反馈。"
    elif action == "link":
        link = forms.LinkForm(request.POST)
        link.fields["document_id"].choices = _documents(c)  # type: ignore[attr-defined]
        ok = link.is_valid()
        if ok:
            ok, _ = attempt(
                request,
                services.consultation_link_document,
                actor=user,
                consultation=c,
                document_id=link.cleaned_data["document_id"],
            )
        else:
            messages.error(request, "请从列表中选择正式文件。")
        done = "已更新关联的正式文件。"
    else:
        raise Http404
    if ok:
        messages.success(request, done)
    return redirect("consultations_staff:detail", pk=c.pk)


@login_required
def comment_new(request: HttpRequest, pk: int) -> HttpResponse:
    c = _get(request, pk)
    user = staff_user(request)
    form = forms.StaffCommentForm(
        request.POST or None, initial={"received_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        ok, comment = attempt(
            request,
            comment_services.comment_enter,
            form,
            actor=user,
            consultation=c,
            data=form.to_data(),
            channel=form.cleaned_data["channel"],
            received_on=form.cleaned_data["received_on"],
        )
        if ok:
            messages.success(request, f"已登记第{comment.number}条意见。")
            return redirect("consultations_staff:detail", pk=c.pk)
    return render(request, "consultations/comment_new.html", {"c": c, "form": form})


@require_POST
@login_required
def comment_act(request: HttpRequest, pk: int, number: int, action: str) -> HttpResponse:
    c = _get(request, pk)
    user = staff_user(request)
    comment = get_object_or_404(Comment, consultation=c, number=number)
    kw: dict[str, Any] = {"actor": user, "comment": comment}
    if action == "accept":
        ok, _ = attempt(request, comment_services.comment_moderate, accept=True, **kw)
    elif action == "withhold":
        ok, _ = attempt(
            request,
            comment_services.comment_moderate,
            accept=False,
            reason=request.POST.get("reason", ""),
            note=request.POST.get("note", ""),
            **kw,
        )
    elif action == "dispose":
        ok, _ = attempt(
            request,
            comment_services.comment_dispose,
            disposition=request.POST.get("disposition", ""),
            reason=request.POST.get("reason", ""),
            **kw,
        )
    elif action == "group":
        form = forms.GroupForm(request.POST)
        ok = form.is_valid()
        if ok:
            ok, _ = attempt(
                request,
                comment_services.comment_group,
                lead_number=form.cleaned_data["lead_number"],
                **kw,
            )
        else:
            messages.error(request, "请填写另一条意见的序号（正整数）。")
    elif action == "ungroup":
        ok, _ = attempt(request, comment_services.comment_ungroup, **kw)
    else:
        raise Http404
    if ok:
        messages.success(request, f"第{number}条意见已更新。")
    return redirect(reverse("consultations_staff:detail", args=[c.pk]) + f"#c{number}")
