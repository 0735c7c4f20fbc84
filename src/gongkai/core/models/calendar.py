"""The State Council's yearly holiday notice as data: days off and make-up working days."""

from django.conf import settings
from django.db import models


class CalendarYear(models.Model):
    class Source(models.TextChoices):
        PACKAGE = "package", "随软件提供（chinesecalendar）"
        ENTERED = "entered", "工作人员录入"

    year = models.PositiveSmallIntegerField("年份", unique=True)
    source = models.CharField("来源", max_length=10, choices=Source)
    notice = models.CharField("通知文号或标题", max_length=200, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    entered_at = models.DateTimeField("录入时间", auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "节假日安排年度"
        ordering = ["-year"]

    def __str__(self) -> str:
        return f"{self.year}年"


class CalendarDay(models.Model):
    class Kind(models.TextChoices):
        OFF = "off", "放假"
        WORK = "work", "调休上班"

    year = models.ForeignKey(CalendarYear, models.CASCADE, related_name="days")
    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=4, choices=Kind)
    name = models.CharField("节日", max_length=20)

    class Meta:
        verbose_name = verbose_name_plural = "节假日与调休日"
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date} {self.get_kind_display()}（{self.name}）"
