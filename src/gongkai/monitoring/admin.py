"""Superuser configuration: monitored pages; read-mostly views of checks, probes, incidents."""

from django.contrib import admin

from gongkai.monitoring.models import Incident, InspectionCheck, MonitoredPage, Probe


@admin.register(MonitoredPage)
class MonitoredPageAdmin(admin.ModelAdmin):
    list_display = ["url", "label", "department", "is_home", "is_copy", "active"]
    list_filter = ["department", "is_home", "is_copy", "active"]


@admin.register(Probe)
class ProbeAdmin(admin.ModelAdmin):
    list_display = ["page", "checked_at", "opened", "elapsed_ms", "status_code", "error"]
    list_filter = ["opened", "page"]
    date_hierarchy = "checked_at"


@admin.register(InspectionCheck)
class InspectionCheckAdmin(admin.ModelAdmin):
    list_display = ["url", "checked_at", "verdict", "score", "compared_with_canonical"]
    list_filter = ["verdict", "department"]
    readonly_fields = [f.name for f in InspectionCheck._meta.fields]


@admin.register(Incident)
class IncidentAdmin(admin.ModelAdmin):
    list_display = ["url", "opened_at", "verdict", "score", "status"]
    list_filter = ["status", "verdict", "department"]
    readonly_fields = [
        "department",
        "inspection",
        "url",
        "opened_at",
        "verdict",
        "score",
        "summary",
        "evidence",
        "diff",
        "closed_at",
        "closed_by",
    ]
