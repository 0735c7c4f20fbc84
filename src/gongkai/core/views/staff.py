"""Who is asking, for staff views (all behind @login_required)."""

from django.http import Http404, HttpRequest

from gongkai.core.models import Department, User


def staff_user(request: HttpRequest) -> User:
    user = request.user
    if not isinstance(user, User):
        raise Http404("请先登录。")
    return user


def staff_department(request: HttpRequest) -> Department:
    department = staff_user(request).department
    if department is None:
        raise Http404("您的账号未归属任何机关。")
    return department
