"""Open meetings (会议公开): director's meetings with invited public, experts and media."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.core.models import Department
from gongkai.meetings.domain.states import STATUS_CHOICES, Status


class Meeting(models.Model):
    class Kind(models.TextChoices):
        DIRECTOR = "director", "局长办公会"
        BUREAU = "bureau", "局务会议"
        TOPIC = "topic", "专题会议"

    department = models.ForeignKey(Department, models.PROTECT, related_name="meetings")
    code = models.CharField("会议编号", max_length=30)
    title = models.CharField("会议名称", max_length=200)
    kind = models.CharField("会议类型", max_length=20, choices=Kind, default=Kind.DIRECTOR)
    held_on = models.DateField("会议日期")
    starts_at = models.TimeField("开始时间")
    place = models.CharField("地点", max_length=200)
    agenda = models.TextField("公开议题")
    invitees = models.CharField(
        "邀请范围", max_length=300, help_text="如：公众代表、专家、新闻媒体"
    )
    seats = models.PositiveSmallIntegerField("公众列席名额")
    registration_closes_on = models.DateField("报名截止日期")
    live_url = models.URLField("直播地址", blank=True)
    recording_url = models.URLField("录像回放地址", blank=True)
    status = models.CharField("状态", max_length=30, choices=STATUS_CHOICES, default=Status.DRAFT)
    draw_seed = models.CharField("抽签种子", max_length=64, blank=True)
    drawn = models.BooleanField("经抽签确定", default=False)
    minutes = models.TextField("会议纪要（公开部分）", blank=True)
    minutes_published_on = models.DateField("纪要公开日期", null=True, blank=True)
    attendance_note = models.CharField("出席情况说明", max_length=300, blank=True)
    cancel_reason = models.TextField("取消理由", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "公开会议"
        ordering = ["-held_on", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["department", "code"], name="meeting_code_unique"),
            models.CheckConstraint(
                condition=Q(registration_closes_on__lte=models.F("held_on")),
                name="meeting_registration_before",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def public_path(self) -> str:
        return f"/hdjl/hy/{self.pk}.html"


class Registration(models.Model):
    class Kind(models.TextChoices):
        PUBLIC = "public", "公众代表"
        EXPERT = "expert", "专家"
        MEDIA = "media", "新闻媒体"

    class State(models.TextChoices):
        REGISTERED = "registered", "已报名"
        SELECTED = "selected", "确定列席"
        WAITING = "waiting", "未抽中（候补）"
        INVITED = "invited", "特邀"

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="registrations")
    number = models.CharField("报名序号", max_length=10)
    kind = models.CharField("类别", max_length=10, choices=Kind, default=Kind.PUBLIC)
    name = models.CharField("姓名", max_length=50)
    organisation = models.CharField("工作单位或身份", max_length=100, blank=True)
    phone = models.CharField("手机号码（不公开）", max_length=20)
    consent = models.BooleanField("同意公开姓名", default=False)
    wish = models.CharField("拟发言内容", max_length=500, blank=True)
    submit_token = models.CharField(max_length=64, null=True, blank=True, editable=False)
    state = models.CharField("结果", max_length=20, choices=State, default=State.REGISTERED)
    waiting_rank = models.PositiveSmallIntegerField("候补顺序", null=True, blank=True)
    attended = models.BooleanField("出席", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "报名"
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="registration_number"),
            models.UniqueConstraint(fields=["meeting", "submit_token"], name="registration_token"),
            models.UniqueConstraint(fields=["meeting", "phone"], name="registration_phone"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"
