"""An application for disclosure (依申请公开) and what hangs off it."""

from django.conf import settings
from django.db import models

from gongkai.applications.domain.outcomes import (
    APPLICANT_TYPE_CHOICES,
    OUTCOME_BY_CODE,
    OUTCOME_CHOICES,
    REPLY_TYPE_CHOICES,
    ApplicantType,
)
from gongkai.applications.domain.states import OPEN_STATUSES, STATUS_CHOICES, Status
from gongkai.core.models import Department


class Channel(models.TextChoices):
    # 条例第三十一条: the receipt date depends on the channel.
    ONLINE = "online", "网上申请"
    WINDOW = "window", "当面提交（窗口）"
    REGISTERED_POST = "registered_post", "邮寄（挂号信/EMS）"
    ORDINARY_POST = "ordinary_post", "邮寄（平信）"
    FAX = "fax", "传真"
    EMAIL = "email", "电子邮件"


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAU = "hk_macau", "港澳居民来往内地通行证"
    TAIWAN = "taiwan", "台湾居民来往大陆通行证"
    OTHER = "other", "其他有效身份证件"


class PreferredForm(models.TextChoices):
    PAPER = "paper", "纸质"
    ELECTRONIC = "electronic", "电子文档"


class Delivery(models.TextChoices):
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    IN_PERSON = "in_person", "当面领取"
    ONLINE = "online", "网上查看下载"


class FeeMode(models.TextChoices):
    PER_APPLICATION = "per_application", "按件计收"
    PER_PAGE = "per_page", "按量计收"


class Application(models.Model):
    department = models.ForeignKey(Department, models.PROTECT, related_name="applications")
    number = models.CharField("申请编号", max_length=20)
    query_code = models.CharField("查询码", max_length=12, unique=True)
    # A double click or a retried POST carries the same token: at most one application.
    submit_token = models.CharField(max_length=64, null=True, blank=True, editable=False)
    channel = models.CharField("申请渠道", max_length=20, choices=Channel)
    status = models.CharField(
        "状态", max_length=30, choices=STATUS_CHOICES, default=Status.AWAITING_CONFIRMATION.value
    )

    applicant_type = models.CharField("申请人类型", max_length=20, choices=APPLICANT_TYPE_CHOICES)
    name = models.CharField("申请人姓名/名称", max_length=100)
    id_type = models.CharField("证件类型", max_length=20, choices=IdType, blank=True)
    id_number = models.CharField("证件号码", max_length=40, blank=True)
    credit_code = models.CharField("统一社会信用代码", max_length=18, blank=True)
    legal_representative = models.CharField("法定代表人", max_length=40, blank=True)
    contact_person = models.CharField("联系人", max_length=40, blank=True)
    phone = models.CharField("联系电话", max_length=30)
    address = models.CharField("通信地址", max_length=200, blank=True)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)
    email = models.EmailField("电子邮箱", blank=True)

    description = models.TextField("所需信息内容描述")
    preferred_form = models.CharField("提供形式", max_length=20, choices=PreferredForm)
    delivery = models.CharField("获取方式", max_length=20, choices=Delivery)

    submitted_at = models.DateTimeField("提交时间")
    received_on = models.DateField("收到申请日期", null=True, blank=True)
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="handled_applications",
        verbose_name="承办人",
    )

    correction_requested_on = models.DateField("要求补正日期", null=True, blank=True)
    correction_due_on = models.DateField("补正期限", null=True, blank=True)
    correction_note = models.TextField("补正要求", blank=True)
    correction_received_on = models.DateField("收到补正日期", null=True, blank=True)

    extension_days = models.PositiveSmallIntegerField("延长工作日数", default=0)
    extension_reason = models.TextField("延长理由", blank=True)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="延期批准人",
    )

    fee_mode = models.CharField("收费方式", max_length=20, choices=FeeMode, blank=True)
    fee_pages = models.PositiveIntegerField("页数", default=0)
    fee_amount = models.PositiveIntegerField("收费金额（元）", default=0)
    fee_notice_on = models.DateField("收费通知日期", null=True, blank=True)
    fee_due_on = models.DateField("缴费期限", null=True, blank=True)
    fee_paid_on = models.DateField("缴费日期", null=True, blank=True)

    # The reply clock as last computed (recomputed on every change and when the calendar changes).
    deadline = models.DateField("答复期限", null=True, blank=True, db_index=True)
    deadline_provisional = models.BooleanField("期限为暂定", default=False)

    reply_type = models.CharField("答复类型", max_length=30, choices=REPLY_TYPE_CHOICES, blank=True)
    outcome = models.CharField(
        "办理结果（年报表三）", max_length=40, choices=OUTCOME_CHOICES, blank=True
    )
    replied_on = models.DateField("答复日期", null=True, blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)
    delivered_on = models.DateField("送达日期", null=True, blank=True)
    delivered_how = models.CharField("送达方式", max_length=60, blank=True)

    # 条例第三十五条: flags for staff; the decision stays with them.
    repeat_of = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="疑似重复申请",
    )
    repeat_score = models.FloatField("相似度", null=True, blank=True)
    high_volume = models.BooleanField("同一申请人申请量较大", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开申请"
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "number"], name="application_number_unique"
            ),
            models.UniqueConstraint(
                fields=["department", "submit_token"], name="application_submit_token_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["department", "status", "deadline"], name="application_open_idx"),
            models.Index(fields=["department", "name"], name="application_applicant_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.description[:30]}"

    @property
    def status_enum(self) -> Status:
        return Status(self.status)

    @property
    def status_label(self) -> str:
        return Status(self.status).label

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_organisation(self) -> bool:
        return ApplicantType(self.applicant_type).is_organisation

    @property
    def applicant_type_label(self) -> str:
        return ApplicantType(self.applicant_type).label

    @property
    def outcome_label(self) -> str:
        return OUTCOME_BY_CODE[self.outcome].full_label if self.outcome else ""

    def second_factors(self) -> set[str]:
        """What the applicant can type to prove the query code is theirs: the last 4 digits of
        the phone or of the ID number / credit code."""
        digits = "".join(c for c in self.phone if c.isdigit())
        found = {digits[-4:]} if len(digits) >= 4 else set()
        for ident in (self.id_number, self.credit_code):
            if len(ident) >= 4:
                found.add(ident[-4:].upper())
        return found


class ApplicationEvent(models.Model):
    """The application's history as the applicant and staff read it (the audit log holds the
    tamper-evident record)."""

    application = models.ForeignKey(Application, models.CASCADE, related_name="events")
    created_at = models.DateTimeField(auto_now_add=True)
    on = models.DateField("日期")
    text = models.CharField("事项", max_length=300)
    public = models.BooleanField("申请人可见", default=True)

    class Meta:
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return self.text


class Consultation(models.Model):
    """条例第三十二条、第三十四条: asking a third party or another agency."""

    class Kind(models.TextChoices):
        THIRD_PARTY = "third_party", "第三方"
        AGENCY = "agency", "其他机关"

    class Answer(models.TextChoices):
        PENDING = "pending", "等待答复"
        CONSENT = "consent", "同意公开"
        OBJECTION = "objection", "不同意公开"
        SILENCE = "silence", "逾期未提出意见"

    application = models.ForeignKey(Application, models.CASCADE, related_name="consultations")
    kind = models.CharField("对象类别", max_length=20, choices=Kind)
    party = models.CharField("征求意见对象", max_length=100)
    sent_on = models.DateField("发出日期")
    due_on = models.DateField("答复期限")
    answered_on = models.DateField("结束日期", null=True, blank=True)
    answer = models.CharField("意见", max_length=20, choices=Answer, default=Answer.PENDING)

    class Meta:
        ordering = ["sent_on", "id"]

    def __str__(self) -> str:
        return f"征求{self.party}意见"


class ApplicationFile(models.Model):
    class Kind(models.TextChoices):
        APPLICANT = "applicant", "申请人提交的材料"
        DISCLOSED = "disclosed", "公开的信息"

    application = models.ForeignKey(Application, models.CASCADE, related_name="files")
    kind = models.CharField(max_length=20, choices=Kind)
    file = models.FileField(upload_to="applications/%Y/%m/")
    name = models.CharField("文件名", max_length=200)
    mime = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


class Reminder(models.Model):
    """A reminder that was sent, so the periodic job never sends one twice."""

    class Kind(models.TextChoices):
        FIVE_DAYS = "5", "距期限5个工作日"
        TWO_DAYS = "2", "距期限2个工作日"
        OVERDUE = "overdue", "已超期，报告负责人"

    application = models.ForeignKey(Application, models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=Kind)
    deadline = models.DateField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind", "deadline"], name="reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application.number} {self.get_kind_display()}"
