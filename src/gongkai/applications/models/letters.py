"""Letters (告知书) with numbers, from templates administrators can edit."""

from django.conf import settings
from django.db import models

from gongkai.applications.models.application import Application
from gongkai.core.models import Department


class LetterKind(models.TextChoices):
    # 条例第三十六条 reply types
    ALREADY_PUBLIC = "already_public", "已主动公开告知书"
    DISCLOSED = "disclosed", "予以公开告知书"
    NOT_DISCLOSED = "not_disclosed", "不予公开告知书"
    NOT_EXIST = "not_exist", "信息不存在告知书"
    NOT_THIS_AGENCY = "not_this_agency", "非本机关负责公开告知书"
    REPEATED = "repeated", "重复申请告知书"
    SPECIAL_LAW = "special_law", "按特别规定办理告知书"
    # procedure
    CORRECTION = "correction", "补正申请告知书"
    EXTENSION = "extension", "延期答复告知书"
    CONSULTATION = "consultation", "征求第三方意见函"
    FEE = "fee", "信息处理费缴费通知书"


class LetterTemplate(models.Model):
    department = models.ForeignKey(Department, models.CASCADE, related_name="letter_templates")
    kind = models.CharField("文书类型", max_length=30, choices=LetterKind)
    title = models.CharField("标题", max_length=100)
    number_prefix = models.CharField("文号前缀", max_length=20, help_text="如 示科依复")
    body = models.TextField("正文", help_text="可用占位符见页面说明，如 {applicant}、{received}")
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = verbose_name_plural = "文书模板"
        constraints = [
            models.UniqueConstraint(fields=["department", "kind"], name="letter_template_once")
        ]

    def __str__(self) -> str:
        return self.title


class Letter(models.Model):
    application = models.ForeignKey(Application, models.CASCADE, related_name="letters")
    department = models.ForeignKey(Department, models.PROTECT, related_name="+")
    kind = models.CharField("文书类型", max_length=30, choices=LetterKind)
    prefix = models.CharField(max_length=20)
    year = models.PositiveSmallIntegerField()
    seq = models.PositiveIntegerField()
    number = models.CharField("文号", max_length=40)
    title = models.CharField("标题", max_length=100)
    body = models.TextField("正文")
    issued_on = models.DateField("落款日期")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["issued_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "prefix", "year", "seq"], name="letter_number_unique"
            )
        ]

    def __str__(self) -> str:
        return self.number
