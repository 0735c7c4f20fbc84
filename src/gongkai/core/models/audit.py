"""The audit log: append-only, each entry sealed with the hash of the one before."""

from typing import Any

from django.conf import settings
from django.db import models


class AppendOnlyError(Exception):
    pass


class AuditEntry(models.Model):
    created_at = models.DateTimeField("时间", db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    actor_name = models.CharField("操作人", max_length=80)
    ip = models.CharField("来源地址", max_length=45, blank=True)
    department_id_value = models.BigIntegerField("机关", null=True, blank=True, db_index=True)
    object_type = models.CharField("对象类型", max_length=60, db_index=True)
    object_id = models.CharField("对象编号", max_length=60, db_index=True)
    object_repr = models.CharField("对象", max_length=200)
    action = models.CharField("操作", max_length=60, db_index=True)
    before = models.JSONField("变更前", null=True, blank=True)
    after = models.JSONField("变更后", null=True, blank=True)
    prev_hash = models.CharField("前一条哈希", max_length=64)
    hash = models.CharField("哈希", max_length=64, unique=True)

    class Meta:
        verbose_name = verbose_name_plural = "审计日志"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.actor_name} {self.action} {self.object_repr}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("审计日志只能追加，不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("审计日志只能追加，不能删除。")


class AuditHead(models.Model):
    """One row: the hash of the newest entry. Locking it serialises appends on every database."""

    last_hash = models.CharField(max_length=64)
    count = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = verbose_name_plural = "审计日志链头"

    def __str__(self) -> str:
        return f"{self.count} 条，最新哈希 {self.last_hash[:12]}"
