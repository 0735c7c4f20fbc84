"""The official document (公文) record, its attachments and its chain history.

Field names are read by the applications and reports modules (annual report 表二, statistics):
- `is_normative` + `status`/`publish_date`/`validity`/`validity_date`: 本年制发 / 本年废止 / 现行有效;
- `disclosure`: 主动公开 / 依申请公开 / 不予公开;
- `disclosure_working_days`, `published_late`: 条例第二十六条 (20 working days).
"""

from django.db import models
from django.db.models import Q

from gongkai.core.models import Department, Division, User
from gongkai.documents.domain.workflow import STATUS_LABELS, Status
from gongkai.documents.models.catalogue import CatalogueColumn, SubjectCategory


class DocumentStatus(models.TextChoices):
    """Mirrors gongkai.documents.domain.workflow.Status (a test keeps them identical)."""

    DRAFT = Status.DRAFT.value, STATUS_LABELS[Status.DRAFT]
    RETURNED = Status.RETURNED.value, STATUS_LABELS[Status.RETURNED]
    DIVISION_REVIEW = Status.DIVISION_REVIEW.value, STATUS_LABELS[Status.DIVISION_REVIEW]
    LEGALITY_REVIEW = Status.LEGALITY_REVIEW.value, STATUS_LABELS[Status.LEGALITY_REVIEW]
    CONFIDENTIALITY_REVIEW = (
        Status.CONFIDENTIALITY_REVIEW.value,
        STATUS_LABELS[Status.CONFIDENTIALITY_REVIEW],
    )
    OFFICE_SIGNOFF = Status.OFFICE_SIGNOFF.value, STATUS_LABELS[Status.OFFICE_SIGNOFF]
    PUBLISHED = Status.PUBLISHED.value, STATUS_LABELS[Status.PUBLISHED]
    FILED = Status.FILED.value, STATUS_LABELS[Status.FILED]
    WITHDRAWN = Status.WITHDRAWN.value, STATUS_LABELS[Status.WITHDRAWN]


class Disclosure(models.TextChoices):
    PROACTIVE = "proactive", "主动公开"
    ON_REQUEST = "on_request", "依申请公开"
    NOT_PUBLIC = "not_public", "不予公开"


class NondisclosureReason(models.TextChoices):
    """The 不予公开 categories of the annual report 表三 (三) (国办公开办函〔2021〕30号)."""

    STATE_SECRET = "state_secret", "属于国家秘密"
    LAW_FORBIDS = "law_forbids", "其他法律行政法规禁止公开"
    THREE_SAFETIES = "three_safeties", "危及“三安全一稳定”"
    THIRD_PARTY = "third_party", "保护第三方合法权益"
    INTERNAL_AFFAIRS = "internal_affairs", "属于三类内部事务信息"
    PROCESS_INFO = "process_info", "属于四类过程性信息"
    ENFORCEMENT_FILE = "enforcement_file", "属于行政执法案卷"
    QUERY_ITEM = "query_item", "属于行政查询事项"
    OTHER = "other", "其他（须在说明中写明法律依据）"


class Validity(models.TextChoices):
    VALID = "valid", "有效"
    EXPIRED = "expired", "失效"
    REPEALED = "repealed", "废止"
    AMENDED = "amended", "已修改"


class Genre(models.TextChoices):
    NOTICE = "通知", "通知"
    OPINION = "意见", "意见"
    MEASURES = "办法", "办法"
    PROVISIONS = "规定", "规定"
    PLAN = "方案", "方案"
    PROGRAMME = "规划", "规划"
    ANNOUNCEMENT = "公告", "公告"
    BULLETIN = "通告", "通告"
    REPORT = "报告", "报告"
    DECISION = "决定", "决定"
    CIRCULAR = "通报", "通报"
    REPLY = "批复", "批复"
    LETTER = "函", "函"
    RULES = "细则", "细则"
    GUIDE = "指南", "指南"
    INTERPRETATION = "解读", "解读"
    NEWS = "工作动态", "工作动态"
    OTHER = "其他", "其他"


class Document(models.Model):
    department = models.ForeignKey(Department, models.CASCADE, related_name="documents")
    division = models.ForeignKey(
        Division, models.PROTECT, related_name="documents", verbose_name="承办处室"
    )
    drafter = models.ForeignKey(
        User, models.PROTECT, related_name="drafted_documents", verbose_name="经办人"
    )
    index_number = models.CharField("索引号", max_length=80)
    title = models.CharField("标题", max_length=300)
    doc_number = models.CharField("发文字号", max_length=60, blank=True)
    issuers = models.CharField(
        "发文机关", max_length=300, help_text="联合发文时用“、”分隔，主办机关在前"
    )
    written_date = models.DateField("成文日期", null=True, blank=True)
    publish_date = models.DateField("发布日期", null=True, blank=True)
    category = models.ForeignKey(
        SubjectCategory,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name="主题分类",
    )
    genre = models.CharField("体裁", max_length=10, choices=Genre, default=Genre.NOTICE)
    keywords = models.CharField("主题词", max_length=200, blank=True)
    body = models.TextField("正文", blank=True)
    body_text = models.TextField("正文纯文本", blank=True, editable=False)
    columns = models.ManyToManyField(
        CatalogueColumn, related_name="documents", blank=True, verbose_name="所属栏目"
    )

    disclosure = models.CharField("公开属性", max_length=20, choices=Disclosure, blank=True)
    nondisclosure_reason = models.CharField(
        "不公开理由", max_length=30, choices=NondisclosureReason, blank=True
    )
    nondisclosure_note = models.TextField("不公开理由说明（法律依据）", blank=True)

    validity = models.CharField("有效性", max_length=10, choices=Validity, default=Validity.VALID)
    validity_date = models.DateField("有效性变更日期", null=True, blank=True)
    replaced_by = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name="替代文件",
    )
    validity_note = models.CharField("有效性说明", max_length=300, blank=True)

    is_normative = models.BooleanField("规范性文件", default=False)
    is_major_decision = models.BooleanField("重大行政决策", default=False)
    cleanup_due = models.DateField("下次清理日期", null=True, blank=True)

    formed_date = models.DateField(
        "信息形成或变更日期",
        null=True,
        blank=True,
        help_text="用于计算条例第二十六条20个工作日时限",
    )
    disclosure_working_days = models.PositiveSmallIntegerField(
        "形成至公开工作日数", null=True, blank=True
    )
    published_late = models.BooleanField("超过20个工作日公开", default=False)

    is_repost = models.BooleanField("转载上级文件", default=False)
    repost_source = models.CharField("转载来源", max_length=200, blank=True)

    needs_interpretation = models.BooleanField("需要解读", default=False)
    interprets = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="interpretations",
        verbose_name="解读的政策文件",
    )

    status = models.CharField(
        "状态", max_length=30, choices=DocumentStatus, default=DocumentStatus.DRAFT
    )
    return_reason = models.TextField("退文理由", blank=True)
    check_findings = models.JSONField("发布前检查结果", default=list, blank=True)
    checks_override_reason = models.TextField("检查结果放行理由", blank=True)
    checks_overridden_by = models.ForeignKey(
        User, models.SET_NULL, null=True, blank=True, related_name="+"
    )

    published_at = models.DateTimeField("公开时间", null=True, blank=True)
    withdrawn_at = models.DateTimeField("撤回时间", null=True, blank=True)
    withdraw_reason = models.TextField("撤回说明", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "公文"
        ordering = ["-publish_date", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "index_number"], name="doc_index_number_unique"
            ),
            models.UniqueConstraint(
                fields=["department", "doc_number"],
                condition=~Q(doc_number=""),
                name="doc_number_unique_per_department",
            ),
        ]
        indexes = [
            # The portal's lists (gongkai.documents.lists) count, page and order by
            # (publish_date, id) within these; with the id, PostgreSQL answers from the index.
            models.Index(fields=["department", "status", "publish_date", "id"]),
            models.Index(fields=["department", "status", "genre", "publish_date", "id"]),
            models.Index(fields=["department", "status", "validity", "publish_date", "id"]),
            models.Index(fields=["department", "status", "category", "publish_date", "id"]),
            models.Index(fields=["department", "status", "issuers"]),
            models.Index(fields=["department", "is_normative", "validity"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def issuer_list(self) -> list[str]:
        return [p.strip() for p in self.issuers.replace(",", "、").split("、") if p.strip()]

    @property
    def keyword_list(self) -> list[str]:
        return [k for k in self.keywords.replace("，", " ").replace(",", " ").split() if k]

    @property
    def is_public(self) -> bool:
        return self.status == DocumentStatus.PUBLISHED

    @property
    def is_interpretation(self) -> bool:
        return self.genre == Genre.INTERPRETATION

    @property
    def unresolved_findings(self) -> bool:
        return bool(self.check_findings) and not self.checks_override_reason

    @property
    def public_path(self) -> str:
        """Where the document page lives on the portal (stable: by id, never by position)."""
        return f"/xxgk/wj/{self.pk}.html"


class Attachment(models.Model):
    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word（DOCX）"
        OFD = "ofd", "OFD 版式文件"
        IMAGE = "image", "图片"
        AUDIO = "audio", "音频"
        VIDEO = "video", "视频"

    document = models.ForeignKey(Document, models.CASCADE, related_name="attachments")
    file = models.FileField("文件", upload_to="documents/%Y/")
    name = models.CharField("附件名称", max_length=200)
    kind = models.CharField("类型", max_length=10, choices=Kind)
    mime = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField("大小（字节）")
    sha256 = models.CharField(max_length=64)
    text = models.TextField("提取的文字", blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "附件"
        ordering = ["document", "order", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def public_path(self) -> str:
        suffix = {"pdf": "pdf", "docx": "docx", "ofd": "ofd"}.get(self.kind)
        ext = suffix or (self.file.name.rsplit(".", 1)[-1] if "." in self.file.name else "bin")
        return f"/xxgk/wj/files/{self.document_id}/{self.pk}.{ext}"


class DocumentEvent(models.Model):
    """The chain history shown on the detail page (the audit log holds the same facts)."""

    document = models.ForeignKey(Document, models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(User, models.SET_NULL, null=True, blank=True, related_name="+")
    action = models.CharField(max_length=40)
    label = models.CharField(max_length=60)
    from_status = models.CharField(max_length=30, blank=True)
    to_status = models.CharField(max_length=30, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["document", "at", "id"]

    def __str__(self) -> str:
        return f"{self.document_id} {self.label}"


class IndexCounter(models.Model):
    """Last 索引号 sequence per department and year (row-locked when a number is issued)."""

    department = models.ForeignKey(Department, models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["department", "year"], name="doc_index_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.department_id}:{self.year}:{self.last}"
