"""Navigation for the staff workbench: modules appear once their URLs exist."""

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from gongkai.core.models import Role

# (label, url name, roles that see it; empty = every staff member)
NAVIGATION: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("工作台", "core:workbench", ()),
    ("公文管理", "documents:index", ()),
    ("依申请公开", "applications_staff:index", ()),
    ("网站监测", "monitoring:index", ()),
    ("年度报告与统计", "reports:index", ()),
    ("门户发布", "publishing:index", (Role.PUBLISHER, Role.SYSADMIN, Role.DISCLOSURE_HEAD)),
    ("工作日历", "core:calendar", ()),
    ("审计日志", "core:audit", (Role.AUDITOR, Role.SYSADMIN)),
)


def workbench(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not request.path.startswith("/staff/"):
        return {}
    items = []
    for label, name, roles in NAVIGATION:
        if roles and not user.has_role(*roles):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        items.append({"label": label, "url": url, "active": _active(request.path, url)})
    return {"staff_nav": items}


def _active(path: str, url: str) -> bool:
    if url == reverse("core:workbench"):
        return path == url
    return path.startswith(url)
