"""Forms: parse input; the rules and their messages live in the services."""

from django import forms

from gongkai.consultations.domain.feedback import DISPOSITION_CHOICES, STAFF_CHANNELS
from gongkai.consultations.models import KIND_CHOICES, Consultation
from gongkai.consultations.services.comments import CommentData
from gongkai.consultations.services.consultations import ConsultationData
from gongkai.core.participation import WITHHOLD_REASONS

DATE_ERRORS = {
    "invalid": "日期格式不正确，请按“2027-03-01”的格式填写。",
    "required": "请填写日期。",
}


class DateWidget(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


def _date(label: str, **kw: object) -> forms.DateField:
    return forms.DateField(label=label, widget=DateWidget(), error_messages=DATE_ERRORS, **kw)  # type: ignore[arg-type]


def _text(label: str, rows: int = 5, help_text: str = "", **kw: object) -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        required=False,
        help_text=help_text,
        **kw,  # type: ignore[arg-type]
    )


class ConsultationForm(forms.Form):
    title = forms.CharField(label="征求意见稿名称", max_length=200, required=False)
    kind = forms.ChoiceField(label="文件类别", choices=KIND_CHOICES)
    division_id = forms.TypedChoiceField(
        label="起草处室", coerce=int, required=False, empty_value=None
    )
    opens_on = _date("开始日期")
    closes_on = _date(
        "截止日期", help_text="重大行政决策不少于30日；规范性文件一般不少于7个工作日。"
    )
    short_reason = _text("缩短期限的理由", 2, "仅当期限短于法定期限时填写，将随征求意见稿公布。")
    background = _text("起草背景", 4)
    legal_basis = _text("制定依据", 3)
    explanation = _text("起草说明（主要内容）", 5)
    draft_text = _text("征求意见稿全文", 14, "每段一行。")
    contact = forms.CharField(
        label="其他提交方式",
        max_length=300,
        required=False,
        help_text="如：信函寄至……（请注明“征求意见”）；电子邮箱……",
    )

    def __init__(
        self, *args: object, divisions: list[tuple[int, str]] | None = None, **kw: object
    ) -> None:
        super().__init__(*args, **kw)  # type: ignore[arg-type]
        if divisions:
            self.fields["division_id"].choices = divisions  # type: ignore[attr-defined]
        else:
            del self.fields["division_id"]

    def to_data(self) -> ConsultationData:
        c = self.cleaned_data
        return ConsultationData(
            title=c["title"],
            kind=c["kind"],
            background=c["background"],
            legal_basis=c["legal_basis"],
            explanation=c["explanation"],
            draft_text=c["draft_text"],
            opens_on=c["opens_on"],
            closes_on=c["closes_on"],
            short_reason=c["short_reason"],
            contact=c["contact"],
            division_id=c.get("division_id"),
        )

    @staticmethod
    def initial_for(c: Consultation) -> dict[str, object]:
        return {
            name: getattr(c, name)
            for name in (
                "title",
                "kind",
                "opens_on",
                "closes_on",
                "short_reason",
                "background",
                "legal_basis",
                "explanation",
                "draft_text",
                "contact",
            )
        } | {"division_id": c.division_id}


class StaffCommentForm(forms.Form):
    channel = forms.ChoiceField(label="意见来源", choices=STAFF_CHANNELS)
    received_on = _date("收到日期")
    author = forms.CharField(label="提出人（姓名或单位，选填）", max_length=100, required=False)
    consent = forms.BooleanField(label="提出人同意公开姓名或单位名称", required=False)
    contact = forms.CharField(label="联系方式（不公开）", max_length=100, required=False)
    article = forms.CharField(label="涉及条款", max_length=100, required=False)
    body = _text("意见内容", 5)

    def to_data(self) -> CommentData:
        c = self.cleaned_data
        return CommentData(
            body=c["body"],
            author=c["author"],
            contact=c["contact"],
            consent=c["consent"],
            article=c["article"],
        )


class DisposeForm(forms.Form):
    disposition = forms.ChoiceField(label="处理结果", choices=DISPOSITION_CHOICES)
    reason = _text("理由（部分采纳、未采纳须填写，将公布）", 2)


class WithholdForm(forms.Form):
    reason = forms.ChoiceField(label="不予受理原因", choices=list(WITHHOLD_REASONS.items()))
    note = forms.CharField(label="具体情况（不公开，记入审计日志）", max_length=300, required=False)


class GroupForm(forms.Form):
    lead_number = forms.IntegerField(label="与第几条意见相同", min_value=1, max_value=1_000_000)


class ExtendForm(forms.Form):
    closes_on = _date("新的截止日期")
    reason = forms.CharField(label="延长理由", max_length=300, required=False)


class ReasonForm(forms.Form):
    reason = _text("终止理由（将公布）", 2)


class FeedbackForm(forms.Form):
    summary = _text(
        "意见采纳情况综述",
        5,
        "简要说明征求意见的方式、收到意见的总体情况和主要采纳情况；逐条处理情况由系统列出。",
    )


class LinkForm(forms.Form):
    document_id = forms.TypedChoiceField(
        label="正式文件", coerce=int, required=False, empty_value=None
    )
