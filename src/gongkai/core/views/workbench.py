from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from gongkai.core import todos
from gongkai.core.services.calendar import get_calendar
from gongkai.core.workdays import working_days_left


@login_required
def workbench(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    calendar = get_calendar()
    rows = []
    for todo in todos.collect(request.user, today):  # type: ignore[arg-type]
        left = working_days_left(calendar, today, todo.due) if todo.due else None
        rows.append({"todo": todo, "left": left})
    return render(request, "core/workbench.html", {"rows": rows, "today": today})
