"""The staff menu: every module's entries (gongkai.core.modules), those the user's roles see."""

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from gongkai.core import modules


def workbench(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not request.path.startswith("/staff/"):
        return {}
    items = []
    for entry in modules.menu():
        if entry.roles and not user.has_role(*entry.roles):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        items.append({"label": entry.label, "url": url, "active": _active(request.path, url)})
    return {"staff_nav": items}


def _active(path: str, url: str) -> bool:
    if url == reverse("core:workbench"):
        return path == url
    return path.startswith(url)
