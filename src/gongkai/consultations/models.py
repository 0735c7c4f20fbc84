"""A draft opened for comment (征求意见), the comments on it and their dispositions."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.consultations.domain.feedback import CHANNEL_CHOICES, DISPOSITION_CHOICES, Disposition
from gongkai.consultations.domain.period import KIND_LABELS, Kind
from gongkai.consultations.domain.states import STATUS_CHOICES, Status
from gongkai.core.models import Department, Division
from gongkai.core.participation import MODERATION_LABELS, WITHHOLD_REASONS, Moderation

KIND_CHOICES = [(k.value, KIND_LABELS[k]) for k in Kind]
MODERATION_CHOICES = [(m.value, label) for m, label in MODERATION_LABELS.items()]


class Consultation(models.Model):
    department = models.ForeignKey(Department, models.PROTECT, related_name="consultations")
    division = models.ForeignKey(
        Division, models.PROTECT, related_name="consultations", verbose_name="起草处室"
    )
    title = models.CharField("征求意见稿名称", max_length=200)
    kind = models.CharField("文件类别", max_length=20, choices=KIND_CHOICES)
    background = models.TextField("起草背景")
    legal_basis = models.TextField("制定依据")
    explanation = models.TextField("起草说明（主要内容）")
    draft_text = models.TextField("征求意见稿全文")
    opens_on = models.DateField("开始日期")
    closes_on = models.DateField("截止日期")
    short_reason = models.TextField("缩短期限的理由", blank=True)
    contact = models.CharField(
        "其他提交方式", max_length=300, blank=True, help_text="信函地址、电子邮箱、联系电话等"
    )
    status = models.CharField("状态", max_length=20, choices=STATUS_CHOICES, default=Status.DRAFT)
    withdraw_reason = models.TextField("终止理由", blank=True)
    feedback_summary = models.TextField("意见采纳情况综述", blank=True)
    feedback_published_on = models.DateField("反馈公布日期", null=True, blank=True)
    final_document = models.ForeignKey(
        "documents.Document",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="正式文件",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "征求意见"
        ordering = ["-opens_on", "-id"]
        indexes = [models.Index(fields=["department", "status", "closes_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gt=models.F("opens_on")), name="consultation_period_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label

    @property
    def public_path(self) -> str:
        return f"/hdjl/zjyj/{self.pk}.html"

    @property
    def feedback_path(self) -> str:
        return f"/hdjl/zjyj/{self.pk}-fk.html"

    @property
    def is_public(self) -> bool:
        return self.status != Status.DRAFT

    @property
    def has_feedback(self) -> bool:
        return self.status == Status.FEEDBACK_PUBLISHED


class Comment(models.Model):
    consultation = models.ForeignKey(Consultation, models.CASCADE, related_name="comments")
    number = models.PositiveIntegerField("序号")
    channel = models.CharField("渠道", max_length=20, choices=CHANNEL_CHOICES)
    # A double click or a retried POST carries the same token: at most one comment.
    submit_token = models.CharField(max_length=64, null=True, blank=True, editable=False)
    received_on = models.DateField("收到日期")
    submitted_at = models.DateTimeField("提交时间", auto_now_add=True)
    author = models.CharField("提出人（姓名或单位）", max_length=100, blank=True)
    contact = models.CharField("联系方式（不公开）", max_length=100, blank=True)
    consent = models.BooleanField("同意公开姓名或单位名称", default=False)
    article = models.CharField("涉及条款", max_length=100, blank=True)
    body = models.TextField("意见内容")
    flags = models.JSONField("自动提示", default=list, blank=True)
    moderation = models.CharField(
        "审核", max_length=20, choices=MODERATION_CHOICES, default=Moderation.PENDING
    )
    withhold_reason = models.CharField(
        "不予公开原因", max_length=20, choices=list(WITHHOLD_REASONS.items()), blank=True
    )
    withhold_note = models.CharField("不予公开说明", max_length=300, blank=True)
    same_as = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name="与该条意见相同",
    )
    disposition = models.CharField(
        "处理结果", max_length=20, choices=DISPOSITION_CHOICES, blank=True
    )
    reason = models.TextField("理由", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "意见"
        ordering = ["consultation", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "number"], name="consultation_comment_number"
            ),
            models.UniqueConstraint(
                fields=["consultation", "submit_token"], name="consultation_comment_token"
            ),
        ]

    def __str__(self) -> str:
        return f"第{self.number}条意见"

    @property
    def effective_disposition(self) -> str:
        return self.same_as.disposition if self.same_as_id and self.same_as else self.disposition

    @property
    def effective_reason(self) -> str:
        return self.same_as.reason if self.same_as_id and self.same_as else self.reason

    @property
    def disposition_label(self) -> str:
        value = self.effective_disposition
        return Disposition(value).label if value else "待处理"
