"""Django admin: superuser configuration only. The audit log is read-only here too."""

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.http import HttpRequest

from gongkai.core.models import (
    AuditEntry,
    CalendarDay,
    CalendarYear,
    Department,
    Division,
    User,
    UserRole,
)


class UserRoleInline(admin.TabularInline):
    model = UserRole
    extra = 0


@admin.register(User)
class StaffAdmin(UserAdmin):
    inlines = [UserRoleInline]
    list_display = ("username", "full_name", "department", "division", "is_active")
    fieldsets = (
        *(UserAdmin.fieldsets or ()),
        ("机关与处室", {"fields": ("full_name", "department", "division", "title")}),
    )


admin.site.register(Department)
admin.site.register(Division)
admin.site.register(CalendarYear)
admin.site.register(CalendarDay)


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("id", "created_at", "actor_name", "action", "object_repr")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
