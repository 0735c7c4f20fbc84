"""Administrative reconsideration and litigation (表四) and the quarterly analysis."""

from django.conf import settings
from django.db import models

from gongkai.applications.domain.outcomes import (
    REVIEW_KIND_CHOICES,
    REVIEW_RESULT_CHOICES,
    ReviewResult,
)
from gongkai.applications.models.application import Application
from gongkai.core.models import Department


class ReviewCase(models.Model):
    application = models.ForeignKey(Application, models.PROTECT, related_name="reviews")
    department = models.ForeignKey(Department, models.PROTECT, related_name="+")
    kind = models.CharField("类型", max_length=30, choices=REVIEW_KIND_CHOICES)
    case_number = models.CharField("案号", max_length=60, blank=True)
    body = models.CharField("复议机关/受理法院", max_length=100, blank=True)
    filed_on = models.DateField("申请/立案日期")
    result = models.CharField(
        "结果", max_length=20, choices=REVIEW_RESULT_CHOICES, default=ReviewResult.PENDING.value
    )
    concluded_on = models.DateField("审结日期", null=True, blank=True)
    note = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "行政复议与行政诉讼"
        ordering = ["filed_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.case_number}"


class QuarterlyAnalysis(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", "草稿"
        REVIEWED = "reviewed", "办公室已审核"
        PUBLISHED = "published", "已在门户发布"

    department = models.ForeignKey(Department, models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    state = models.CharField(max_length=20, choices=State, default=State.DRAFT)
    summary = models.TextField("分析说明", blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "year", "quarter"], name="quarterly_analysis_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year}年第{self.quarter}季度"
