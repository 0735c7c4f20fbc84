from django import forms

from gongkai.meetings.models import Meeting
from gongkai.meetings.services.meetings import MeetingData

DATE_ERRORS = {
    "invalid": "日期格式不正确，请按“2027-03-01”的格式填写。",
    "required": "请填写日期。",
}


class DateWidget(forms.DateInput):
    input_type = "date"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%d")


class MeetingForm(forms.Form):
    title = forms.CharField(label="会议名称", max_length=200, required=False)
    kind = forms.ChoiceField(label="会议类型", choices=Meeting.Kind.choices)
    held_on = forms.DateField(label="会议日期", widget=DateWidget(), error_messages=DATE_ERRORS)
    starts_at = forms.TimeField(
        label="开始时间",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": "时间格式不正确，如 09:30。", "required": "请填写开始时间。"},
    )
    place = forms.CharField(label="地点", max_length=200, required=False)
    agenda = forms.CharField(
        label="公开议题", widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    invitees = forms.CharField(
        label="邀请范围", max_length=300, required=False, initial="公众代表、专家、新闻媒体"
    )
    seats = forms.IntegerField(
        label="公众列席名额",
        min_value=0,
        max_value=500,
        initial=10,
        error_messages={
            "invalid": "请填写整数。",
            "required": "请填写公众列席名额。",
            "min_value": "名额不能为负数。",
            "max_value": "名额不超过500。",
        },
    )
    registration_closes_on = forms.DateField(
        label="报名截止日期", widget=DateWidget(), error_messages=DATE_ERRORS
    )
    live_url = forms.URLField(
        label="直播地址（选填）",
        required=False,
        assume_scheme="https",
        error_messages={"invalid": "请填写有效的网址，如 https://live.example.gov.cn/1。"},
    )

    def to_data(self) -> MeetingData:
        return MeetingData(**{name: self.cleaned_data[name] for name in self.fields})


class InviteForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=[("expert", "专家"), ("media", "新闻媒体")])
    name = forms.CharField(label="姓名", max_length=50, required=False)
    organisation = forms.CharField(label="单位", max_length=100, required=False)
    phone = forms.CharField(label="手机号码", max_length=20, required=False)
    consent = forms.BooleanField(label="同意公开姓名和单位", required=False, initial=True)


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label="会议纪要（公开部分）", widget=forms.Textarea(attrs={"rows": 8}), required=False
    )
    recording_url = forms.CharField(label="录像回放地址（选填）", max_length=200, required=False)


class CancelForm(forms.Form):
    reason = forms.CharField(
        label="取消理由（将公布）", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
