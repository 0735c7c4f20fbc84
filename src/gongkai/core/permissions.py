"""Role and division checks, enforced in services (templates only hide what is refused here)."""

from typing import TypeVar

from django.db.models import Model, QuerySet

from gongkai.core.errors import AccessDenied
from gongkai.core.models import Role, User

M = TypeVar("M", bound=Model)


def require_role(user: User, *roles: str) -> None:
    if not user.is_authenticated or not user.has_role(*roles):
        labels = "、".join(Role(r).label for r in roles)
        raise AccessDenied(f"此操作需要以下角色之一：{labels}。")


# Roles that work across divisions (the general office runs disclosure for the whole department).
CROSS_DIVISION_ROLES = (
    Role.LEGALITY_REVIEWER,
    Role.CONFIDENTIALITY_REVIEWER,
    Role.PUBLISHER,
    Role.DISCLOSURE_HEAD,
    Role.LEADER,
    Role.AUDITOR,
)


def sees_all_divisions(user: User) -> bool:
    return user.has_role(*CROSS_DIVISION_ROLES)


def scope_to_division(user: User, qs: "QuerySet[M]", field: str = "division") -> "QuerySet[M]":
    """Limit a queryset to the user's department, and to their division unless their role
    works across divisions."""
    qs = qs.filter(**{f"{field}__department_id": user.department_id})
    if sees_all_divisions(user):
        return qs
    return qs.filter(**{field: user.division_id})


def require_same_department(user: User, department_id: int | None, what: str = "事项") -> None:
    """Tenancy: staff act only on their own department's records; one installation hosts many
    departments (集约化平台). `what` names the records in the message ("公文", "申请", …)."""
    if department_id is None or department_id != user.department_id:
        raise AccessDenied(f"您只能处理本机关的{what}。")


def require_same_division(user: User, division_id: int | None) -> None:
    if sees_all_divisions(user):
        return
    if division_id is None or division_id != user.division_id:
        raise AccessDenied("您只能查看和处理本处室的事项。")


def require_can_change_content(user: User) -> None:
    """The auditor reads everything and changes nothing."""
    if user.role_set() <= {Role.AUDITOR}:
        raise AccessDenied("审计员只能查阅，不能修改内容。")
