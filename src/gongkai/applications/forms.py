"""Forms: parse input; the rules themselves live in the services (one source of every message)."""

from django import forms

from gongkai.applications.domain.outcomes import (
    APPLICANT_TYPE_CHOICES,
    OUTCOME_CHOICES,
    REPLY_TYPE_CHOICES,
    REVIEW_KIND_CHOICES,
    REVIEW_RESULT_CHOICES,
)
from gongkai.applications.models import Channel, Consultation
from gongkai.applications.models.application import Delivery, FeeMode, IdType, PreferredForm
from gongkai.applications.services.intake import Applicant, Request


class DateWidget(forms.DateInput):
    """<input type=date> needs ISO values whatever the locale."""

    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


STAFF_CHANNELS = [(c.value, c.label) for c in Channel if c != Channel.ONLINE]


class ApplicationForm(forms.Form):
    """The fields of an application; used by the public form and the staff entry form."""

    applicant_type = forms.ChoiceField(
        label="申请人类型", choices=APPLICANT_TYPE_CHOICES, required=False
    )
    name = forms.CharField(label="姓名/单位名称", max_length=100, required=False)
    id_type = forms.ChoiceField(
        label="证件类型", choices=[("", "请选择"), *IdType.choices], required=False
    )
    id_number = forms.CharField(label="证件号码", max_length=40, required=False)
    credit_code = forms.CharField(label="统一社会信用代码", max_length=18, required=False)
    legal_representative = forms.CharField(label="法定代表人/负责人", max_length=40, required=False)
    contact_person = forms.CharField(label="联系人", max_length=40, required=False)
    phone = forms.CharField(label="联系电话", max_length=30, required=False)
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    postcode = forms.CharField(label="邮政编码", max_length=6, required=False)
    email = forms.EmailField(
        label="电子邮箱",
        required=False,
        error_messages={"invalid": "电子邮箱格式不正确，如 name@example.com。"},
    )
    description = forms.CharField(
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述",
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=4000,
    )
    preferred_form = forms.ChoiceField(
        label="提供形式", choices=PreferredForm.choices, required=False
    )
    delivery = forms.ChoiceField(label="获取方式", choices=Delivery.choices, required=False)

    def applicant(self) -> Applicant:
        d = self.cleaned_data
        return Applicant(**{k: d.get(k) or "" for k in Applicant.__dataclass_fields__})

    def request(self, files: list[tuple[str, bytes, str]]) -> Request:
        d = self.cleaned_data
        return Request(
            description=d.get("description") or "",
            preferred_form=d.get("preferred_form") or "",
            delivery=d.get("delivery") or "",
            files=files,
        )


class StaffEntryForm(ApplicationForm):
    channel = forms.ChoiceField(label="申请渠道", choices=STAFF_CHANNELS)
    submitted_on = forms.DateField(label="提交/收件日期", widget=DateWidget())
    signed_for = forms.DateField(
        label="挂号信签收日期",
        required=False,
        widget=DateWidget(),
        help_text="挂号信以本机关签收之日为收到申请之日（条例第三十一条）。",
    )


class StatusQueryForm(forms.Form):
    code = forms.CharField(label="查询码", max_length=12)
    factor = forms.CharField(label="手机号码或证件号码的后4位", max_length=4, min_length=4)


def _date(label: str) -> forms.DateField:
    return forms.DateField(label=label, widget=DateWidget())


class ConfirmForm(forms.Form):
    confirmed_on = _date("确认日期")


class CorrectionForm(forms.Form):
    note = forms.CharField(label="需补正的全部内容", widget=forms.Textarea(attrs={"rows": 3}))
    due_on = forms.DateField(label="补正期限", required=False, widget=DateWidget())


class ReceiveCorrectionForm(forms.Form):
    received_on = _date("收到补正日期")


class ConsultForm(forms.Form):
    party = forms.CharField(label="征求意见对象", max_length=100)
    kind = forms.ChoiceField(label="类别", choices=Consultation.Kind.choices)


class EndConsultForm(forms.Form):
    answer = forms.ChoiceField(
        label="意见", choices=[c for c in Consultation.Answer.choices if c[0] != "pending"]
    )


class ExtendForm(forms.Form):
    days = forms.IntegerField(label="延长工作日数", min_value=1, max_value=20)
    reason = forms.CharField(label="延长理由", max_length=300)


class FeeForm(forms.Form):
    mode = forms.ChoiceField(label="收费方式", choices=FeeMode.choices)
    pages = forms.IntegerField(label="页数（按量计收时填写）", min_value=0, required=False)


class FeePaidForm(forms.Form):
    paid_on = _date("缴费日期")


class ReplyForm(forms.Form):
    reply_type = forms.ChoiceField(label="答复类型（条例第三十六条）", choices=REPLY_TYPE_CHOICES)
    outcome = forms.ChoiceField(label="办理结果（年度报告表三）", choices=OUTCOME_CHOICES)
    text = forms.CharField(label="答复正文", widget=forms.Textarea(attrs={"rows": 5}))


class DeliveryForm(forms.Form):
    how = forms.CharField(label="送达方式", max_length=60)
    on = _date("送达日期")


class ReviewForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=REVIEW_KIND_CHOICES)
    case_number = forms.CharField(label="案号", max_length=60, required=False)
    body = forms.CharField(label="复议机关/受理法院", max_length=100, required=False)
    filed_on = _date("申请/立案日期")
    result = forms.ChoiceField(label="结果", choices=REVIEW_RESULT_CHOICES)
    concluded_on = forms.DateField(label="审结日期", required=False, widget=DateWidget())
    note = forms.CharField(label="备注", widget=forms.Textarea(attrs={"rows": 2}), required=False)


class TemplateForm(forms.Form):
    title = forms.CharField(label="标题", max_length=100)
    number_prefix = forms.CharField(label="文号前缀", max_length=20)
    body = forms.CharField(label="正文", widget=forms.Textarea(attrs={"rows": 14}))


class UploadForm(forms.Form):
    file = forms.FileField(label="公开的信息文件")
