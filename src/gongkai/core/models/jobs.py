"""The outcome of each periodic job run, so staff can see the nightly checks ran and passed."""

from django.db import models


class JobRun(models.Model):
    name = models.CharField("任务", max_length=80, db_index=True)
    ran_at = models.DateTimeField("运行时间", auto_now_add=True)
    ok = models.BooleanField("是否正常")
    message = models.TextField("结果")

    class Meta:
        verbose_name = verbose_name_plural = "定时任务记录"
        ordering = ["-ran_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} {'正常' if self.ok else '异常'}"
