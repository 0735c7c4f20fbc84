"""Normative-document cleanup campaigns (规范性文件清理) and the yearly review of non-public
information (非公开信息年度复查, docs/documents.md)."""

from django.db import models

from gongkai.core.models import Department, Division, User
from gongkai.documents.models.document import Document


class CleanupCampaign(models.Model):
    class State(models.TextChoices):
        OPEN = "open", "清理中"
        APPLIED = "applied", "结论已执行"
        PUBLISHED = "published", "结果已公布"

    department = models.ForeignKey(Department, models.CASCADE, related_name="cleanup_campaigns")
    name = models.CharField("清理名称", max_length=120)
    cutoff = models.DateField(
        "清理截止日期", help_text="下次清理日期不晚于此日的规范性文件纳入清理"
    )
    interval_years = models.PositiveSmallIntegerField("清理周期（年）", default=2)
    state = models.CharField(max_length=20, choices=State, default=State.OPEN)
    created_by = models.ForeignKey(User, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "规范性文件清理"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def public_path(self) -> str:
        return f"/xxgk/gfxwj/ql/{self.pk}.html"


class CleanupItem(models.Model):
    class Conclusion(models.TextChoices):
        KEEP = "keep", "继续有效"
        AMEND = "amend", "修改"
        REPEAL = "repeal", "废止"
        INVALID = "invalid", "宣布失效"

    campaign = models.ForeignKey(CleanupCampaign, models.CASCADE, related_name="items")
    document = models.ForeignKey(Document, models.PROTECT, related_name="cleanup_items")
    division = models.ForeignKey(Division, models.PROTECT, related_name="+")
    conclusion = models.CharField("清理结论", max_length=10, choices=Conclusion, blank=True)
    note = models.CharField("说明", max_length=300, blank=True)
    replacement = models.ForeignKey(
        Document,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="修改后的文件",
    )
    decided_by = models.ForeignKey(User, models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    applied = models.BooleanField(default=False)

    class Meta:
        ordering = ["campaign", "division__order", "document__written_date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "document"], name="cleanup_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}:{self.document_id}"


class YearlyReview(models.Model):
    department = models.ForeignKey(Department, models.CASCADE, related_name="yearly_reviews")
    year = models.PositiveSmallIntegerField("年度")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "非公开信息年度复查"
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["department", "year"], name="yearly_review_unique")
        ]

    def __str__(self) -> str:
        return f"{self.year}年度非公开信息复查"


class YearlyReviewItem(models.Model):
    class Conclusion(models.TextChoices):
        KEEP = "keep", "维持原公开属性"
        TO_PROACTIVE = "to_proactive", "转为主动公开"
        TO_ON_REQUEST = "to_on_request", "转为依申请公开"

    review = models.ForeignKey(YearlyReview, models.CASCADE, related_name="items")
    document = models.ForeignKey(Document, models.CASCADE, related_name="review_items")
    division = models.ForeignKey(Division, models.PROTECT, related_name="+")
    disclosure_before = models.CharField(max_length=20)
    conclusion = models.CharField("复查结论", max_length=20, choices=Conclusion, blank=True)
    note = models.CharField("说明", max_length=300, blank=True)
    decided_by = models.ForeignKey(User, models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["review", "division__order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "document"], name="yearly_review_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.review_id}:{self.document_id}"
