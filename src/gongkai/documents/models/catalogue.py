"""主动公开基本目录 (the proactive-disclosure catalogue) and the subject taxonomy (主题分类)."""

from django.db import models

from gongkai.core.models import Department, Division


class CatalogueColumn(models.Model):
    """One entry of the catalogue, which is also a column (栏目) of the 政府信息公开专栏.

    Each entry states subject, content, time limit and channel (实施方案 第15项 动态目录).
    """

    department = models.ForeignKey(Department, models.CASCADE, related_name="catalogue")
    parent = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="children"
    )
    slug = models.SlugField("栏目标识", max_length=40)
    name = models.CharField("信息类别（栏目）", max_length=60)
    subject = models.CharField("公开主体", max_length=100, blank=True)
    content = models.TextField("公开内容", blank=True)
    basis = models.CharField("公开依据", max_length=200, blank=True)
    time_limit = models.CharField("公开时限", max_length=100, blank=True)
    channel = models.CharField("公开渠道", max_length=100, blank=True)
    responsible = models.ForeignKey(
        Division,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="责任处室",
    )
    statutory = models.BooleanField("法定主动公开内容", default=True)
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "主动公开目录栏目"
        ordering = ["department", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["department", "slug"], name="doc_column_slug_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.parent.name} / {self.name}" if self.parent_id and self.parent else self.name


class SubjectCategory(models.Model):
    """主题分类: a configurable taxonomy (two levels are enough for a bureau)."""

    department = models.ForeignKey(Department, models.CASCADE, related_name="subject_categories")
    parent = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="children"
    )
    code = models.SlugField("代码", max_length=30)
    name = models.CharField("名称", max_length=40)
    order = models.PositiveSmallIntegerField("排序", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "主题分类"
        ordering = ["department", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["department", "code"], name="doc_subject_code_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.parent.name}/{self.name}" if self.parent_id and self.parent else self.name
