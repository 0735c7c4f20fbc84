"""Monitoring records: what was checked, what it found, and the incidents staff must handle."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from gongkai.core.models import Department


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
        return f"{self.page} {timezone.localtime(self.checked_at):%Y-%m-%d %H:%M} {'正常' if self.opened else '失败'}"


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
    run = models.ForeignKey(
        "MonitorRun", models.SET_NULL, null=True, blank=True, related_name="incident_set"
    )
    restore = models.JSONField("自动恢复记录", default=dict, blank=True)
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


class MonitorRun(models.Model):
    """One integrity run of the department's own site (`monitor_site`): the manifest check,
    the fetches as several clients, the incidents opened and the automatic restore."""

    department = models.ForeignKey(Department, models.CASCADE, related_name="monitor_runs")
    started_at = models.DateTimeField("开始时间", db_index=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    base_url = models.CharField("抓取的网站地址", max_length=300, blank=True)
    files = models.PositiveIntegerField("清单文件数", default=0)
    problems = models.JSONField("文件校验问题", default=list)
    fetches = models.JSONField("多客户端抓取结果", default=list)
    restored = models.JSONField("自动恢复", default=dict)
    ok_after = models.BooleanField("恢复后校验通过", null=True)
    incidents = models.PositiveIntegerField("新发现", default=0)
    summary = models.CharField("摘要", max_length=300, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "网站完整性监测"
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.department} {timezone.localtime(self.started_at):%Y-%m-%d %H:%M}"


class VetoItem(models.TextChoices):
    """The single-veto items of 国办发〔2019〕19号 附件《政府网站与政务新媒体检查指标》."""

    UNREACHABLE = "unreachable", "站点无法访问"
    HOME_STALE = "home_stale", "首页不更新"
    COLUMNS_STALE = "columns_stale", "栏目不更新"
    EMPTY_COLUMNS = "empty_columns", "空白栏目"
    INTERACTION = "interaction", "互动回应差"
    LEADER_NAMES = "leader_names", "严重表述错误（领导姓名职务）"
    SECURITY = "security", "信息安全（篡改/暗链/博彩）"
    LINKS = "links", "链接可用性（非单项否决）"


class VetoStatus(models.TextChoices):
    PASS = "pass", "合格"
    RISK = "risk", "有风险"
    FAIL = "fail", "不合格（单项否决）"


class VetoCheck(models.Model):
    """One evaluation of one single-veto item, kept as history with its evidence."""

    department = models.ForeignKey(Department, models.CASCADE, related_name="veto_checks")
    item = models.CharField("检查项", max_length=20, choices=VetoItem)
    status = models.CharField("结论", max_length=10, choices=VetoStatus)
    summary = models.CharField("说明", max_length=300)
    evidence = models.JSONField("证据", default=list)
    checked_at = models.DateTimeField("检查时间", db_index=True)

    class Meta:
        verbose_name = verbose_name_plural = "单项否决指标检查"
        ordering = ["-checked_at", "item"]
        indexes = [
            models.Index(fields=["department", "item", "checked_at"], name="monitoring_veto_item")
        ]

    def __str__(self) -> str:
        return f"{self.get_item_display()} {self.get_status_display()}"


class Leader(models.Model):
    """A leader's correct name and title, with common typos, for the 严重表述错误 check."""

    department = models.ForeignKey(Department, models.CASCADE, related_name="leaders")
    name = models.CharField("姓名", max_length=20)
    title = models.CharField("职务", max_length=60, help_text="如：局长；多个职务用“、”分隔")
    typos = models.CharField(
        "常见错误写法", max_length=300, blank=True, help_text="姓名的错别字写法，用“、”分隔"
    )
    order = models.PositiveSmallIntegerField("排序", default=0)
    active = models.BooleanField("在任", default=True)

    class Meta:
        verbose_name = verbose_name_plural = "领导姓名职务"
        ordering = ["department", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["department", "name"], name="monitoring_leader_name")
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.name}"

    def titles(self) -> list[str]:
        return [t.strip() for t in self.title.replace(",", "、").split("、") if t.strip()]

    def typo_list(self) -> list[str]:
        return [t.strip() for t in self.typos.replace(",", "、").split("、") if t.strip()]
