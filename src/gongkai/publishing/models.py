"""Per-department settings of the public site and the record of every publication."""

from django.db import models

from gongkai.core.models import Department


class PortalSite(models.Model):
    """How one department's public site is reached and labelled (集约化: one per department)."""

    department = models.OneToOneField(Department, models.CASCADE, related_name="portal_site")
    hosts = models.CharField(
        "域名",
        max_length=300,
        blank=True,
        help_text="本站点响应的主机名，多个用逗号分隔，如 kjj.example.gov.cn",
    )
    base_url = models.URLField(
        "对外地址", blank=True, help_text="规范链接、订阅和站点地图使用的地址；留空则用系统设置"
    )
    is_default = models.BooleanField("默认站点", default=False)
    site_code = models.CharField("网站标识码", max_length=20, blank=True)
    icp = models.CharField("ICP备案号", max_length=40, blank=True)
    police_record = models.CharField("公安机关备案号", max_length=60, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "门户站点设置"

    def __str__(self) -> str:
        return f"{self.department} 门户"

    def host_list(self) -> list[str]:
        return [h.strip().lower() for h in self.hosts.split(",") if h.strip()]


class Publication(models.Model):
    """One switch of the served tree: a publish of some changes or a full rebuild."""

    class Kind(models.TextChoices):
        PUBLISH = "publish", "增量发布"
        REBUILD = "rebuild", "全站重建"
        RESTORE = "restore", "恢复"

    department = models.ForeignKey(Department, models.CASCADE, related_name="publications")
    serial = models.PositiveIntegerField("发布序号")
    kind = models.CharField("类型", max_length=10, choices=Kind)
    created_at = models.DateTimeField("时间", auto_now_add=True)
    changes = models.JSONField("变更", default=list, blank=True)
    written = models.PositiveIntegerField("写入文件数", default=0)
    removed = models.PositiveIntegerField("删除文件数", default=0)
    total = models.PositiveIntegerField("站点文件总数", default=0)
    duration_ms = models.FloatField("耗时（毫秒）", default=0)
    checked_dirs = models.PositiveIntegerField("发布前校验的目录数", default=0)
    repaired = models.JSONField("发布前修复的文件", default=list, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "发布记录"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["department", "serial"], name="publication_serial"),
        ]

    def __str__(self) -> str:
        return f"{self.department} #{self.serial}"


class PublicationRequest(models.Model):
    """The publication queue: any app server files a request; whichever holds the department's
    publication lock works through the queue in order (docs/publishing.md, 多台应用服务器)."""

    class Kind(models.TextChoices):
        PUBLISH = "publish", "增量发布"
        REBUILD = "rebuild", "全站重建"

    class Status(models.TextChoices):
        QUEUED = "queued", "排队中"
        DONE = "done", "已发布"
        FAILED = "failed", "发布失败"

    department = models.ForeignKey(Department, models.CASCADE, related_name="+")
    kind = models.CharField("类型", max_length=10, choices=Kind, default=Kind.PUBLISH)
    changes = models.JSONField("变更", default=list, blank=True)
    requested_at = models.DateTimeField("提交时间", auto_now_add=True)
    host = models.CharField("提交的服务器", max_length=100, blank=True)
    status = models.CharField("状态", max_length=10, choices=Status, default=Status.QUEUED)
    publication = models.ForeignKey(
        Publication, models.SET_NULL, null=True, blank=True, related_name="requests"
    )
    error = models.TextField("错误", blank=True)
    done_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "发布队列"
        ordering = ["id"]
        indexes = [models.Index(fields=["department", "status", "id"], name="pubrequest_queue")]

    def __str__(self) -> str:
        return f"{self.department} {self.get_kind_display()} #{self.pk}"


class TargetState(models.Model):
    """Where a web root (分发目标) stands: the last publication it serves, and its failures."""

    department = models.ForeignKey(Department, models.CASCADE, related_name="+")
    target = models.CharField("分发目标", max_length=300)
    serial = models.PositiveIntegerField("已分发的发布序号", default=0)
    ok = models.BooleanField("是否正常", default=True)
    failures = models.PositiveIntegerField("连续失败次数", default=0)
    last_error = models.TextField("最近的错误", blank=True)
    checked_at = models.DateTimeField("最近分发时间", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "分发目标状态"
        constraints = [
            models.UniqueConstraint(fields=["department", "target"], name="target_state_unique")
        ]

    def __str__(self) -> str:
        return f"{self.department} → {self.target}"
