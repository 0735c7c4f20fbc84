"""Django admin: superuser configuration only. The audit log is read-only here too."""

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.db.models import Model
from django.forms.models import model_to_dict
from django.http import HttpRequest

from gongkai.core import audit
from gongkai.core.models import (
    AuditEntry,
    CalendarDay,
    CalendarYear,
    Department,
    Division,
    User,
    UserRole,
)


def _snapshot(obj: Model) -> dict[str, Any]:
    data = model_to_dict(obj)
    data.pop("password", None)
    return {k: (list(v) if isinstance(v, (list, tuple, set)) else v) for k, v in data.items()}


class AuditedAdmin(admin.ModelAdmin):
    """Configuration changed through the admin goes into the audit log like any other change."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        before = _snapshot(type(obj).objects.get(pk=obj.pk)) if change else None
        super().save_model(request, obj, form, change)
        audit.record(
            actor=request.user,  # type: ignore[arg-type]
            action=f"admin.{'change' if change else 'add'}",
            obj=obj,
            before=before,
            after=_snapshot(obj),
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        audit.record(
            actor=request.user,  # type: ignore[arg-type]
            action="admin.delete",
            obj=obj,
            before=_snapshot(obj),
        )
        super().delete_model(request, obj)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        super().save_formset(request, form, formset, change)
        audit.record(
            actor=request.user,  # type: ignore[arg-type]
            action="admin.change_related",
            obj=form.instance,
            after={formset.model._meta.label_lower: [str(o) for o in formset.get_queryset()]},
        )


class UserRoleInline(admin.TabularInline):
    model = UserRole
    extra = 0


@admin.register(User)
class StaffAdmin(AuditedAdmin, UserAdmin):
    inlines = [UserRoleInline]
    list_display = ("username", "full_name", "department", "division", "is_active")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("机关与处室", {"fields": ("full_name", "department", "division", "title")}),
    )


admin.site.register(Department, AuditedAdmin)
admin.site.register(Division, AuditedAdmin)
admin.site.register(CalendarYear, AuditedAdmin)
admin.site.register(CalendarDay, AuditedAdmin)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("id", "created_at", "actor_name", "action", "object_repr")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
