import calendar as pycal
import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from gongkai.core.errors import DomainError
from gongkai.core.forms import CalendarYearForm
from gongkai.core.models import CalendarYear, Role
from gongkai.core.notice_text import format_days
from gongkai.core.services.calendar import (
    calendar_enter_year,
    missing_next_year,
)

EDITOR_ROLES = (Role.SYSADMIN, Role.PUBLISHER, Role.DISCLOSURE_HEAD)


def _months(
    year: int, off: dict[dt.date, str], work: dict[dt.date, str]
) -> list[dict[str, object]]:
    months = []
    for month in range(1, 13):
        weeks = []
        for week in pycal.Calendar().monthdatescalendar(year, month):
            cells: list[dict[str, object] | None] = []
            for day in week:
                if day.month != month:
                    cells.append(None)
                    continue
                kind = "off" if day in off else "work" if day in work else ""
                if not kind and day.weekday() >= 5:
                    kind = "weekend"
                cells.append(
                    {"day": day.day, "kind": kind, "name": off.get(day) or work.get(day) or ""}
                )
            weeks.append(cells)
        months.append({"month": month, "weeks": weeks})
    return months


@login_required
def calendar_index(request: HttpRequest) -> HttpResponse:
    years = CalendarYear.objects.select_related("entered_by").order_by("-year")
    return render(
        request,
        "core/calendar_index.html",
        {
            "years": years,
            "missing": missing_next_year(timezone.localdate()),
            "can_edit": request.user.has_role(*EDITOR_ROLES),  # type: ignore[union-attr]
        },
    )


@login_required
def calendar_year(request: HttpRequest, year: int) -> HttpResponse:
    entry = get_object_or_404(CalendarYear, year=year)
    off = {d.date: d.name for d in entry.days.filter(kind="off")}
    work = {d.date: d.name for d in entry.days.filter(kind="work")}
    return render(
        request,
        "core/calendar_year.html",
        {
            "entry": entry,
            "months": _months(year, off, work),
            "off_text": format_days(off),
            "work_text": format_days(work),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def calendar_enter(request: HttpRequest) -> HttpResponse:
    if not request.user.has_role(*EDITOR_ROLES):  # type: ignore[union-attr]
        messages.error(request, "只有办公室或系统管理员可以录入节假日安排。")
        return redirect("core:calendar")
    initial = {"year": request.GET.get("year") or timezone.localdate().year + 1}
    form = CalendarYearForm(request.POST or None, initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        notice = form.cleaned_data["parsed"]
        if "confirm" in request.POST:
            try:
                calendar_enter_year(actor=request.user, notice=notice)  # type: ignore[arg-type]
            except DomainError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, f"{notice.year}年节假日安排已保存，相关期限已重新计算。")
                return redirect("core:calendar_year", year=notice.year)
        preview = {
            "year": notice.year,
            "months": _months(notice.year, notice.off_days, notice.work_days),
            "off_count": len(notice.off_days),
            "work_count": len(notice.work_days),
        }
    return render(request, "core/calendar_enter.html", {"form": form, "preview": preview})
