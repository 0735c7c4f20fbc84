"""The public search page /search/: a dynamic page in the portal layout. Never indexed by
search engines (meta robots and X-Robots-Tag), never turning the query into a link other than
this form's own pagination, so a spam query cannot become a page that ranks (docs/search.md)."""

from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.views.decorators.http import require_safe

from gongkai.core.models import Department
from gongkai.search import ratelimit
from gongkai.search.facets import facet_options
from gongkai.search.forms import SearchForm
from gongkai.search.services import SearchError, search_query

ROBOTS = "noindex, nofollow"


def department_for(request: HttpRequest) -> Department | None:
    """`?site=<slug>` when given; else the department serving this host name; else the only
    department of the installation."""
    slug = request.GET.get("site", "").strip()
    if slug:
        return Department.objects.filter(slug=slug).first()
    try:
        from gongkai.publishing.public import department_for_request

        found = department_for_request(request)
    except ImportError:
        found = None
    if found is not None:
        return found
    only = list(Department.objects.order_by("pk")[:2])
    return only[0] if len(only) == 1 else None


def _render(
    request: HttpRequest, department: Department, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    from gongkai.publishing.public import render_public

    response = render_public(
        request, "search/results.html", context, department=department, status=status
    )
    response["X-Robots-Tag"] = ROBOTS
    response["Cache-Control"] = "private, no-store"
    return response


def _pages(current: int, last: int) -> list[int]:
    return sorted({1, last, *range(max(1, current - 3), min(last, current + 3) + 1)})


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    department = department_for(request)
    if department is None:
        raise Http404("未找到该站点。")
    context: dict[str, Any] = {
        "options": facet_options(department.pk),
        "results": None,
        "errors": [],
        "form_data": {},
    }
    verdict = ratelimit.check(request)
    if not verdict.allowed:
        context["errors"] = [f"检索过于频繁，请 {verdict.retry_after} 秒后再试。"]
        response = _render(request, department, context, status=429)
        response["Retry-After"] = str(verdict.retry_after)
        return response
    form = SearchForm(request.GET)
    if not form.is_valid():
        context["errors"] = [e for errors in form.errors.values() for e in errors]
        return _render(request, department, context, status=400)
    context["form_data"] = form.cleaned_data
    if not form.has_criteria():
        return _render(request, department, context)
    try:
        results = search_query(form.to_query(department.pk))
    except SearchError as exc:
        context["errors"] = [str(exc)]
        return _render(request, department, context, status=400)
    if results.exact is not None and results.exact.url.startswith("/"):
        response = HttpResponseRedirect(results.exact.url)
        response["X-Robots-Tag"] = ROBOTS
        return response
    context["results"] = results
    context["page_links"] = [
        (p, "?" + urlencode(form.page_params(p))) for p in _pages(results.page, results.last_page)
    ]
    if results.has_previous:
        context["previous_link"] = "?" + urlencode(form.page_params(results.page - 1))
    if results.has_next:
        context["next_link"] = "?" + urlencode(form.page_params(results.page + 1))
    return _render(request, department, context)
