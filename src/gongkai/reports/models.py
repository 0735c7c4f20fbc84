"""The annual report per department and year, its published versions, imported past years and
entered counts (表二 items no other module records yet)."""

from typing import Any

from django.conf import settings
from django.db import models

from gongkai.core.models import Department
from gongkai.reports.domain.annual import AnnualReport


class ReportStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    CHECKED = "checked", "已校验"
    APPROVED = "approved", "已审定"
    PUBLISHED = "published", "已发布"


class Report(models.Model):
    """条例第四十九条: one report per department and year, published by 31 January."""

    department = models.ForeignKey(Department, models.CASCADE, related_name="annual_reports")
    year = models.PositiveSmallIntegerField("年度")
    status = models.CharField("状态", max_length=10, choices=ReportStatus, default="draft")
    section_general = models.TextField("一、总体情况", blank=True)
    section_problems = models.TextField("五、存在的主要问题及改进情况", blank=True)
    section_other = models.TextField("六、其他需要报告的事项", blank=True)
    # 表二 counts entered by staff (keys of tables.TABLE2_KEYS; money as text).
    entered = models.JSONField("录入的表二数据", default=dict, blank=True)
    # The tables as last gathered from the records (AnnualReport.to_data()).
    data = models.JSONField("统计数据", default=dict, blank=True)
    gathered_at = models.DateTimeField("数据生成时间", null=True, blank=True)
    correcting = models.BooleanField("更正中", default=False)
    correction_note = models.TextField("更正说明", blank=True)
    checked_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开工作年度报告"
        ordering = ["department", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["department", "year"], name="report_once_per_year"),
        ]

    def __str__(self) -> str:
        return f"{self.department.name}{self.year}年政府信息公开工作年度报告"

    @property
    def locked(self) -> bool:
        return self.status == ReportStatus.PUBLISHED

    def sections(self) -> dict[str, str]:
        return {
            "一": self.section_general,
            "五": self.section_problems,
            "六": self.section_other,
        }

    def as_domain(self) -> AnnualReport:
        base: dict[str, Any] = dict(self.data) if self.data else {"year": self.year}
        base.setdefault("table2", {})
        base["table2"] = {**base["table2"], **self.entered}
        base["department"] = self.department.name
        base["year"] = self.year
        base["sections"] = self.sections()
        return AnnualReport.from_data(base)


class ReportVersion(models.Model):
    """What was published. A correction adds a version; earlier ones stay visible."""

    report = models.ForeignKey(Report, models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField("版本")
    data = models.JSONField("发布内容")
    correction_note = models.TextField("更正说明", blank=True)
    published_at = models.DateTimeField("发布时间")
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "年度报告发布版本"
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.report} 第{self.number}版"

    def as_domain(self) -> AnnualReport:
        return AnnualReport.from_data(self.data)


class ImportedYear(models.Model):
    """A past year's published numbers, entered or imported, for carry-over and comparison."""

    class Source(models.TextChoices):
        FORM = "form", "表单录入"
        XLSX = "xlsx", "Excel 导入"

    department = models.ForeignKey(Department, models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("年度")
    data = models.JSONField("报告数据")
    source = models.CharField("来源", max_length=10, choices=Source)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "往年报告数据"
        ordering = ["department", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["department", "year"], name="imported_year_once"),
        ]

    def __str__(self) -> str:
        return f"{self.year}年（{self.get_source_display()}）"

    def as_domain(self) -> AnnualReport:
        return AnnualReport.from_data({**self.data, "year": self.year})
