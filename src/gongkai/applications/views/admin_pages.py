"""Staff pages for letter templates and the quarterly analysis."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from gongkai.applications import forms
from gongkai.applications.models import LetterTemplate, QuarterlyAnalysis
from gongkai.applications.services import common, stats
from gongkai.applications.services.letters import (
    PLACEHOLDERS,
    ensure_templates,
    letter_template_update,
)
from gongkai.core.errors import DomainError
from gongkai.core.views.staff import staff_user


@login_required
def templates(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not common.can_read(user) or user.department is None:
        raise Http404
    ensure_templates(user.department)
    items = LetterTemplate.objects.filter(department=user.department).order_by("id")
    return render(request, "applications/templates.html", {"items": items})


@login_required
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = staff_user(request)
    template = get_object_or_404(LetterTemplate, pk=pk, department_id=user.department_id)
    form = forms.TemplateForm(
        request.POST or None,
        initial={
            "title": template.title,
            "number_prefix": template.number_prefix,
            "body": template.body,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            letter_template_update(actor=user, template=template, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "模板已保存，此后生成的文书使用新模板。")
            return redirect("applications_staff:templates")
    return render(
        request,
        "applications/template_edit.html",
        {"template": template, "form": form, "placeholders": PLACEHOLDERS},
    )


def _quarters(today: dt.date, count: int = 8) -> list[tuple[int, int]]:
    year, q = today.year, (today.month - 1) // 3 + 1
    out = []
    for _ in range(count):
        out.append((year, q))
        year, q = (year, q - 1) if q > 1 else (year - 1, 4)
    return out


@login_required
def analysis_index(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    if not common.can_read(user):
        raise Http404
    done = {
        (a.year, a.quarter): a for a in QuarterlyAnalysis.objects.filter(department=user.department)
    }
    rows = [
        {"year": y, "quarter": q, "analysis": done.get((y, q))}
        for y, q in _quarters(timezone.localdate())
    ]
    return render(request, "applications/analysis_index.html", {"rows": rows})


@login_required
def analysis_detail(request: HttpRequest, year: int, quarter: int) -> HttpResponse:
    user = staff_user(request)
    if not common.can_read(user) or user.department is None or not 1 <= quarter <= 4:
        raise Http404
    if request.method == "POST":
        try:
            stats.analysis_advance(
                actor=user,
                department=user.department,
                year=year,
                quarter=quarter,
                summary=request.POST.get("summary", ""),
                publish="publish" in request.POST,
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "已保存。")
        return redirect("applications_staff:analysis_detail", year=year, quarter=quarter)
    data = stats.quarter_stats(user.department, year, quarter)
    analysis = QuarterlyAnalysis.objects.filter(
        department=user.department, year=year, quarter=quarter
    ).first()
    return render(
        request,
        "applications/analysis_detail.html",
        {
            "s": data,
            "analysis": analysis,
            "charts": charts(data),
            "public_url": f"/apply/analysis/{year}/{quarter}/",
        },
    )


def charts(data: stats.QuarterStats) -> list[dict[str, object]]:
    return [
        {"title": "按申请渠道", "chart": stats.bars(data.by_channel)},
        {"title": "按申请人类型", "chart": stats.bars(data.by_applicant)},
        {"title": "按办理结果", "chart": stats.bars(data.by_outcome)},
        {"title": "申请较多的内容（关键词）", "chart": stats.bars(data.topics)},
    ]
