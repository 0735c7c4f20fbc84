"""Monitoring records: what was checked, what it found, and the incidents staff must handle."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.core.models import Department
from gongkai.monitoring import todos as _todos  # noqa: F401 — registers the workbench to-dos


class MonitoredPage(models.Model):
    """A page of the department's site (or a copy elsewhere) that jobs probe and inspect."""

    department = models.ForeignKey(Department, models.CASCADE, related_name="monitored_pages")
    url = models.URLField("网址", max_length=500)
    label = models.CharField("名称", max_length=100, blank=True)
    is_home = models.BooleanField("是否首页（可用性指标）", default=False)
    # A clone domain that copies the site: inspected for injected content, not probed.
    is_copy = models.BooleanField("是否仿冒/镜像站点", default=False)
    active = models.BooleanField("是否监测", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "监测页面"
        constraints = [
            models.UniqueConstraint(fields=["department", "url"], name="monitoring_page_unique_url")
        ]

    def __str__(self) -> str:
        return self.label or self.url


class Probe(models.Model):
    """One availability probe (国办发〔2019〕19号: ≥ 20 a day; failing = not open within 15 s)."""

    page = models.ForeignKey(MonitoredPage, models.CASCADE, related_name="probes")
    checked_at = models.DateTimeField("监测时间", db_index=True)
    opened = models.BooleanField("是否打开")
    elapsed_ms = models.PositiveIntegerField("耗时（毫秒）")
    status_code = models.PositiveSmallIntegerField("HTTP 状态码", null=True, blank=True)
    error = models.CharField("错误", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "可用性监测记录"
        ordering = ["-checked_at"]
        indexes = [models.Index(fields=["page", "checked_at"], name="monitoring_probe_page_time")]

    def __str__(self) -> str:
        return f"{self.page} {self.checked_at:%Y-%m-%d %H:%M} {'正常' if self.opened else '失败'}"


class Verdict(models.TextChoices):
    CLEAN = "clean", "正常"
    SUSPICIOUS = "suspicious", "可疑"
    TAMPERED = "tampered", "被篡改"


class InspectionCheck(models.Model):
    """One run of the injection detector on one page (with or without the canonical copy)."""

    department = models.ForeignKey(Department, models.CASCADE, related_name="inspection_checks")
    page = models.ForeignKey(
        MonitoredPage, models.SET_NULL, null=True, blank=True, related_name="checks"
    )
    url = models.CharField("网址或文件", max_length=500)
    checked_at = models.DateTimeField("检查时间", db_index=True)
    verdict = models.CharField("结论", max_length=20, choices=Verdict)
    score = models.FloatField("评分")
    findings = models.JSONField("发现", default=list)
    notes = models.JSONField("说明", default=list)
    compared_with_canonical = models.BooleanField("是否与规范副本比对", default=False)
    content_sha256 = models.CharField("内容 SHA-256", max_length=64, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "篡改与注入检查"
        ordering = ["-checked_at"]

    def __str__(self) -> str:
        return f"{self.url} {self.get_verdict_display()}"


class Incident(models.Model):
    """A suspected or confirmed tampering that staff must handle, with its evidence."""

    class Status(models.TextChoices):
        OPEN = "open", "待处置"
        CONFIRMED = "confirmed", "已确认"
        RESOLVED = "resolved", "已处置"
        FALSE_ALARM = "false_alarm", "误报"

    department = models.ForeignKey(Department, models.CASCADE, related_name="incidents")
    inspection = models.ForeignKey(InspectionCheck, models.PROTECT, related_name="incidents")
    url = models.CharField("网址", max_length=500)
    opened_at = models.DateTimeField("发现时间")
    verdict = models.CharField("结论", max_length=20, choices=Verdict)
    score = models.FloatField("评分")
    summary = models.CharField("摘要", max_length=300)
    evidence = models.JSONField("证据", default=list)
    diff = models.TextField("与规范副本的差异", blank=True)
    status = models.CharField("状态", max_length=20, choices=Status, default=Status.OPEN)
    closed_at = models.DateTimeField("关闭时间", null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    resolution = models.TextField("处置说明", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "篡改事件"
        ordering = ["-opened_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status__in=["resolved", "false_alarm"])
                | models.Q(closed_at__isnull=False),
                name="monitoring_incident_closed_has_time",
            )
        ]

    def __str__(self) -> str:
        return f"{self.url} {self.get_status_display()}"
