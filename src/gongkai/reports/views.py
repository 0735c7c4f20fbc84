"""Staff pages of the annual report. Thin: validate, call a service, render."""

import json
from typing import Any

import filetype
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from gongkai.core.errors import DomainError
from gongkai.core.models import Role
from gongkai.core.views.staff import staff_department, staff_user
from gongkai.reports import services
from gongkai.reports.domain.annual import AnnualReport, compare
from gongkai.reports.domain.grid import all_grids, from_cells
from gongkai.reports.domain.render_docx import render_docx
from gongkai.reports.domain.render_html import render_body, render_grid
from gongkai.reports.domain.render_json import to_json
from gongkai.reports.domain.render_xlsx import WorkbookError, read_workbook, render_xlsx
from gongkai.reports.forms import CorrectionForm, ImportForm, ReportEditForm, YearForm, field_name
from gongkai.reports.models import ImportedYear, Report, ReportStatus
from gongkai.reports.services import ENTERED_KEYS

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _report(request: HttpRequest, year: int) -> Report:
    return get_object_or_404(
        Report.objects.select_related("department"), department=staff_department(request), year=year
    )


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    today = timezone.localdate()
    if request.method == "POST":
        form = YearForm(request.POST)
        if form.is_valid():
            year = form.cleaned_data["year"]
            try:
                services.report_generate(
                    actor=user,
                    department=staff_department(request),
                    year=year,
                    today=today,
                    allow_empty=form.cleaned_data["confirm_empty"],
                )
            except DomainError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, f"已按现有记录生成{year}年度报告的统计数据。")
                return redirect("reports:detail", year=year)
    else:
        form = YearForm(initial={"year": today.year - 1})
    reports = Report.objects.filter(department=staff_department(request)).prefetch_related(
        "versions"
    )
    return render(
        request,
        "reports/index.html",
        {
            "form": form,
            "reports": reports,
            "imported": ImportedYear.objects.filter(department=staff_department(request)),
            "can_edit": user.has_role(*services.EDITORS),
        },
    )


def _edit_form(report: Report) -> ReportEditForm:
    initial: dict[str, Any] = {
        "section_general": report.section_general,
        "section_problems": report.section_problems,
        "section_other": report.section_other,
    }
    data = report.as_domain()
    for key in ENTERED_KEYS:
        initial[field_name(key)] = str(data.t2(key))
    return ReportEditForm(initial=initial)


@login_required
def detail(request: HttpRequest, year: int) -> HttpResponse:
    report = _report(request, year)
    user = staff_user(request)
    data = report.as_domain()
    previous = services.previous_year(report.department, year)
    problems = services.report_problems(report)
    return render(
        request,
        "reports/detail.html",
        {
            "report": report,
            "body": mark_safe(render_body(data)),  # noqa: S308 — render_body escapes everything
            "problems": problems,
            "comparison": compare(data, previous) if previous else None,
            "previous_year": year - 1,
            "form": _edit_form(report),
            "correction_form": CorrectionForm(),
            "versions": report.versions.select_related("published_by"),
            "is_editor": user.has_role(*services.EDITORS) and not user.role_set() <= {Role.AUDITOR},
            "is_leader": user.has_role(Role.LEADER),
            "is_publisher": user.has_role(Role.PUBLISHER),
            "Status": ReportStatus,
        },
    )


@login_required
@require_POST
def edit(request: HttpRequest, year: int) -> HttpResponse:
    report = _report(request, year)
    form = ReportEditForm(request.POST)
    if form.is_valid():
        try:
            services.report_update(
                actor=staff_user(request),
                report=report,
                sections=form.sections(),
                entered=form.entered(),
            )
        except DomainError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "已保存。报告回到“草稿”状态，请重新校验。")
    return redirect("reports:detail", year=year)


ACTIONS = {
    "regenerate": "已按最新记录重新统计。",
    "check": "校验通过，报告已提交局领导审定。",
    "approve": "已审定，可由办公室发布。",
    "publish": "年度报告已发布到门户网站“政府信息公开年报”栏目。",
    "correct": "已开始更正：修改后需重新校验、审定、发布；原报告继续公开。",
}


@login_required
@require_POST
def action(request: HttpRequest, year: int, name: str) -> HttpResponse:
    if name not in ACTIONS:
        raise Http404
    report = _report(request, year)
    user = staff_user(request)
    try:
        if name == "regenerate":
            services.report_generate(
                actor=user, department=report.department, year=year, today=timezone.localdate()
            )
        elif name == "check":
            services.report_check(actor=user, report=report)
        elif name == "approve":
            services.report_approve(actor=user, report=report)
        elif name == "publish":
            services.report_publish(actor=user, report=report)
        else:
            form = CorrectionForm(request.POST)
            reason = form.data.get("reason", "")
            services.report_start_correction(actor=user, report=report, reason=str(reason))
    except services.ReportCheckFailed as exc:
        messages.error(request, str(exc))
        for problem in exc.problems[1:]:
            messages.error(request, problem.message)
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, ACTIONS[name])
    return redirect("reports:detail", year=year)


def _download(data: AnnualReport, fmt: str, name: str) -> HttpResponse:
    if fmt == "docx":
        response = HttpResponse(render_docx(data), content_type=DOCX_MIME)
    elif fmt == "xlsx":
        response = HttpResponse(render_xlsx(data), content_type=XLSX_MIME)
    elif fmt == "json":
        body = json.dumps(to_json(data), ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        raise Http404
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(name)}.{fmt}"
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


@login_required
def download(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    report = _report(request, year)
    number = request.GET.get("v", "")
    if number.isdigit():
        version = get_object_or_404(report.versions, number=int(number))
        return _download(version.as_domain(), fmt, f"{report}（第{version.number}版）")
    return _download(report.as_domain(), fmt, str(report))


@login_required
def template_xlsx(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    year_text = request.GET.get("year", "")
    year = int(year_text) if year_text.isdigit() else timezone.localdate().year - 1
    name = user.department.name if user.department else ""
    data = AnnualReport(department=name, year=year)
    response = HttpResponse(render_xlsx(data), content_type=XLSX_MIME)
    response["Content-Disposition"] = (
        f"attachment; filename*=UTF-8''{_quote(f'{year}年报告数据模板')}.xlsx"
    )
    return response


@login_required
def import_year(request: HttpRequest) -> HttpResponse:
    user = staff_user(request)
    today = timezone.localdate()
    form = ImportForm(request.POST or None, request.FILES or None, initial={"year": today.year - 1})
    entered = AnnualReport(department="", year=today.year - 1)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        year = form.cleaned_data["year"]
        upload = form.cleaned_data.get("file")
        try:
            if upload:
                content = upload.read()
                kind = filetype.guess(content)
                if kind is None or kind.mime != XLSX_MIME:
                    raise WorkbookError(
                        [
                            "上传的文件不是 Excel（.xlsx）文件（按文件内容判断），请另存为 .xlsx 后重新上传。"
                        ]
                    )
                entered = read_workbook(content)
                source = ImportedYear.Source.XLSX
            else:
                entered = from_cells("", year, request.POST)
                source = ImportedYear.Source.FORM
            services.imported_year_save(
                actor=user,
                department=staff_department(request),
                year=year,
                data=entered,
                source=source,
                today=today,
            )
        except WorkbookError as exc:
            errors = exc.errors
        except services.ReportCheckFailed as exc:
            errors = [p.message for p in exc.problems]
        except DomainError as exc:
            errors = [str(exc)]
        else:
            messages.success(request, f"已保存{year}年报告数据，可用于结转核对和同比。")
            return redirect("reports:index")
    grids = [mark_safe(render_grid(g, inputs=True)) for g in all_grids(entered)]  # noqa: S308
    return render(request, "reports/import.html", {"form": form, "grids": grids, "errors": errors})
