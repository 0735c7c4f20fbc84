"""Staff pages: list, entry, detail with the actions of the state machine, letters, files."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.applications import forms
from gongkai.applications.domain import states
from gongkai.applications.domain.clock import correction_request_deadline
from gongkai.applications.domain.outcomes import REPLY_TYPE_OUTCOMES
from gongkai.applications.models import Application, ApplicationFile, Letter, ReviewCase
from gongkai.applications.models.application import Channel
from gongkai.applications.services import common, intake, records, workflow
from gongkai.applications.services.letters import letter_docx
from gongkai.applications.todos import days_left
from gongkai.core.errors import AccessDenied, DomainError
from gongkai.core.identifiers import mask_id_number, mask_phone
from gongkai.core.services.calendar import get_calendar
from gongkai.core.views.staff import staff_user

FILTER_STATUSES = [("open", "办理中（全部未办结）"), *states.STATUS_CHOICES]


def _app_or_404(request: HttpRequest, pk: int) -> Application:
    user = staff_user(request)
    if not common.can_read(user):
        raise Http404
    return get_object_or_404(Application, pk=pk, department_id=user.department_id)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not common.can_read(user):
        return render(request, "applications/forbidden.html", status=403)
    today = timezone.localdate()
    qs = Application.objects.filter(department=user.department).select_related("handler")
    status = request.GET.get("status", "open")
    if status == "open":
        qs = qs.filter(
            status__in=[
                s.value for s in (*states.OPEN_STATUSES, states.Status.AWAITING_CONFIRMATION)
            ]
        )
    elif status in {s.value for s in states.Status}:
        qs = qs.filter(status=status)
    channel = request.GET.get("channel", "")
    if channel in Channel.values:
        qs = qs.filter(channel=channel)
    q = request.GET.get("q", "").strip()[:50]
    if q:
        qs = qs.filter(Q(number__icontains=q) | Q(description__icontains=q) | Q(name__icontains=q))
    qs = qs.annotate(
        waiting=Case(
            When(status=states.Status.AWAITING_CONFIRMATION, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("waiting", "deadline", "-submitted_at")
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    rows = []
    for app in page:
        left = days_left(today, app.deadline) if app.deadline and app.is_open else None
        rows.append({"app": app, "left": left, "late": -left if left and left < 0 else 0})
    return render(
        request,
        "applications/index.html",
        {
            "rows": rows,
            "page": page,
            "status": status,
            "channel": channel,
            "q": q,
            "statuses": FILTER_STATUSES,
            "channels": Channel.choices,
            "can_handle": user.has_role(*common.HANDLER_ROLES),
        },
    )


@login_required
def new(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    form = forms.StaffEntryForm(
        request.POST or None, initial={"submitted_on": timezone.localdate()}
    )
    errors: dict[str, str] = {}
    if request.method == "POST" and form.is_valid():
        try:
            app = intake.application_register(
                actor=user,
                channel=form.cleaned_data["channel"],
                applicant=form.applicant(),
                request=form.request(_files(request)),
                submitted_on=form.cleaned_data["submitted_on"],
                signed_for=form.cleaned_data.get("signed_for"),
            )
        except intake.ApplicationValidationError as exc:
            errors = {name: " ".join(msgs) for name, msgs in exc.fields.items()}
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, f"已登记申请 {app.number}。")
            return redirect("applications_staff:detail", pk=app.pk)
    return render(request, "applications/new.html", {"form": form, "errors": errors})


def _files(request: HttpRequest) -> list[tuple[str, bytes, str]]:
    return [
        (f.name or "", f.read(), f.content_type or "") for f in request.FILES.getlist("files")[:5]
    ]


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    app = _app_or_404(request, pk)
    user = staff_user(request)
    today = timezone.localdate()
    clock = common.clock_for(app, today) if app.is_open else None
    full = common.sees_personal_data(user, app)
    allowed = {a.value for a in states.allowed_actions(app.status)}
    ctx: dict[str, Any] = {
        "app": app,
        "clock": clock,
        "left": clock.days_left(get_calendar(), today) if clock else None,
        "id_number": app.id_number if full else mask_id_number(app.id_number),
        "phone": app.phone if full else mask_phone(app.phone),
        "address": app.address if full else ("（已隐藏）" if app.address else ""),
        "full": full,
        "allowed": allowed,
        "can_handle": user.has_role(*common.HANDLER_ROLES) and not user.role_set() <= {"auditor"},
        "is_head": user.has_role("disclosure_head"),
        "events": app.events.all(),
        "letters": app.letters.all(),
        "consultations": app.consultations.all(),
        "files": app.files.all(),
        "reviews": app.reviews.all(),
        "reminders": app.reminders.select_related("recipient").order_by("sent_at"),
        "repeat": app.repeat_of,
        "today": today,
        "correction_last": (
            correction_request_deadline(get_calendar(), app.received_on).deadline
            if app.received_on
            else None
        ),
        "forms": {
            "confirm": forms.ConfirmForm(initial={"confirmed_on": today}),
            "correction": forms.CorrectionForm(),
            "receive_correction": forms.ReceiveCorrectionForm(initial={"received_on": today}),
            "consult": forms.ConsultForm(),
            "end_consult": forms.EndConsultForm(),
            "extend": forms.ExtendForm(initial={"days": 20}),
            "fee": forms.FeeForm(),
            "fee_paid": forms.FeePaidForm(initial={"paid_on": today}),
            "reply": forms.ReplyForm(),
            "delivery": forms.DeliveryForm(initial={"on": today}),
            "review": forms.ReviewForm(),
            "upload": forms.UploadForm(),
        },
        "reply_map": {k.value: list(v) for k, v in REPLY_TYPE_OUTCOMES.items()},
        "download_links": {
            f.pk: request.build_absolute_uri(f"/apply/download/{records.download_token(f)}/")
            for f in app.files.all()
            if f.kind == ApplicationFile.Kind.DISCLOSED
        },
    }
    return render(request, "applications/detail.html", ctx)


# Each action: form class, and how to call the service with its cleaned data.
ACTIONS: dict[str, tuple[type, Callable[..., Application]]] = {
    "confirm": (
        forms.ConfirmForm,
        lambda u, a, d: intake.application_confirm(
            actor=u, application=a, confirmed_on=d["confirmed_on"]
        ),
    ),
    "request_correction": (
        forms.CorrectionForm,
        lambda u, a, d: workflow.application_request_correction(
            actor=u, application=a, note=d["note"], due_on=d.get("due_on")
        ),
    ),
    "receive_correction": (
        forms.ReceiveCorrectionForm,
        lambda u, a, d: workflow.application_receive_correction(
            actor=u, application=a, received_on=d["received_on"]
        ),
    ),
    "correction_lapsed": (
        forms.forms.Form,
        lambda u, a, d: workflow.application_correction_lapsed(actor=u, application=a),
    ),
    "start_consultation": (
        forms.ConsultForm,
        lambda u, a, d: workflow.application_start_consultation(
            actor=u, application=a, party=d["party"], kind=d["kind"]
        ),
    ),
    "end_consultation": (
        forms.EndConsultForm,
        lambda u, a, d: workflow.application_end_consultation(
            actor=u, application=a, answer=d["answer"]
        ),
    ),
    "extend": (
        forms.ExtendForm,
        lambda u, a, d: workflow.application_extend(
            actor=u, application=a, days=d["days"], reason=d["reason"]
        ),
    ),
    "issue_fee_notice": (
        forms.FeeForm,
        lambda u, a, d: workflow.application_issue_fee_notice(
            actor=u, application=a, mode=d["mode"], pages=d.get("pages") or 0
        ),
    ),
    "fee_paid": (
        forms.FeePaidForm,
        lambda u, a, d: workflow.application_fee_paid(actor=u, application=a, paid_on=d["paid_on"]),
    ),
    "fee_lapsed": (
        forms.forms.Form,
        lambda u, a, d: workflow.application_fee_lapsed(actor=u, application=a),
    ),
    "reply": (
        forms.ReplyForm,
        lambda u, a, d: workflow.application_reply(
            actor=u, application=a, reply_type=d["reply_type"], outcome=d["outcome"], text=d["text"]
        ),
    ),
    "withdraw": (
        forms.forms.Form,
        lambda u, a, d: workflow.application_withdraw(actor=u, application=a),
    ),
    "deliver": (
        forms.DeliveryForm,
        lambda u, a, d: workflow.application_record_delivery(
            actor=u, application=a, how=d["how"], on=d["on"]
        ),
    ),
}


@login_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    app = _app_or_404(request, pk)
    if action not in ACTIONS:
        raise Http404
    form_class, call = ACTIONS[action]
    form = form_class(request.POST)
    if not form.is_valid():
        problems = "；".join(
            f"{form.fields[f].label if f in form.fields else ''}：{' '.join(e)}"
            for f, e in form.errors.items()
        )
        messages.error(request, f"填写有误，未作任何更改。{problems}")
        return redirect("applications_staff:detail", pk=app.pk)
    try:
        call(staff_user(request), app, form.cleaned_data)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        label = (
            states.Action(action).label
            if action in {a.value for a in states.Action}
            else "登记送达"
        )
        messages.success(request, f"已完成：{label}。")
    return redirect("applications_staff:detail", pk=app.pk)


@login_required
def letter_download(request: HttpRequest, pk: int, letter_id: int) -> HttpResponse:
    app = _app_or_404(request, pk)
    letter = get_object_or_404(Letter, pk=letter_id, application=app)
    response = HttpResponse(
        letter_docx(letter),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(letter.number)}.docx"
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


@login_required
def file_download(request: HttpRequest, pk: int, file_id: int) -> FileResponse:
    """Application files are never public: only staff who may read the application."""
    app = _app_or_404(request, pk)
    f = get_object_or_404(ApplicationFile, pk=file_id, application=app)
    return FileResponse(f.file.open("rb"), as_attachment=True, filename=f.name, content_type=f.mime)


@login_required
@require_POST
def file_upload(request: HttpRequest, pk: int) -> HttpResponse:
    app = _app_or_404(request, pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "请选择要上传的文件。")
        return redirect("applications_staff:detail", pk=app.pk)
    try:
        records.disclosed_file_add(
            actor=staff_user(request),
            application=app,
            name=upload.name or "",
            content=upload.read(),
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "文件已上传，可将下载链接告知申请人（30日内有效）。")
    return redirect("applications_staff:detail", pk=app.pk)


@login_required
@require_POST
def review_save(request: HttpRequest, pk: int, review_id: int | None = None) -> HttpResponse:
    app = _app_or_404(request, pk)
    case = get_object_or_404(ReviewCase, pk=review_id, application=app) if review_id else None
    form = forms.ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "复议/诉讼信息填写有误："
            + "；".join(" ".join(str(m) for m in e) for e in form.errors.values()),
        )
        return redirect("applications_staff:detail", pk=app.pk)
    try:
        records.review_case_save(
            actor=staff_user(request), application=app, case=case, **form.cleaned_data
        )
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "已保存复议/诉讼记录。")
    return redirect("applications_staff:detail", pk=app.pk)


@login_required
def export(request: HttpRequest, pk: int) -> HttpResponse:
    app = _app_or_404(request, pk)
    try:
        data = records.applicant_export(actor=staff_user(request), application=app)
    except AccessDenied as exc:
        messages.error(request, str(exc))
        return redirect("applications_staff:detail", pk=app.pk)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="applicant-{app.number}.zip"'
    return response
