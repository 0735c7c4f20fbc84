"""Superuser configuration: monitored pages; read-mostly views of checks, probes, incidents."""

from django.contrib import admin

from gongkai.monitoring.models import (
    Incident,
    InspectionCheck,
    Leader,
    MonitoredPage,
    MonitorRun,
    Probe,
    VetoCheck,
)


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


@admin.register(Leader)
class LeaderAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "typos", "department", "order", "active"]
    list_filter = ["department", "active"]
    list_editable = ["order", "active"]


@admin.register(MonitorRun)
class MonitorRunAdmin(admin.ModelAdmin):
    list_display = ["started_at", "department", "summary", "ok_after", "incidents"]
    list_filter = ["department", "ok_after"]
    readonly_fields = [f.name for f in MonitorRun._meta.fields]


@admin.register(VetoCheck)
class VetoCheckAdmin(admin.ModelAdmin):
    list_display = ["checked_at", "department", "item", "status", "summary"]
    list_filter = ["department", "item", "status"]
    readonly_fields = [f.name for f in VetoCheck._meta.fields]
