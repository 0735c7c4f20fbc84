import datetime as dt

from django import forms

from gongkai.core.holidays import YearNotice, validate_notice
from gongkai.core.notice_text import parse_days


class LoginForm(forms.Form):
    username = forms.CharField(label="用户名", max_length=150)
    password = forms.CharField(label="密码", widget=forms.PasswordInput, max_length=128)


class CalendarYearForm(forms.Form):
    year = forms.IntegerField(label="年份", min_value=2000, max_value=2100)
    notice = forms.CharField(
        label="通知文号或标题",
        max_length=200,
        required=False,
        help_text="如：国务院办公厅关于2027年部分节假日安排的通知",
    )
    off_days = forms.CharField(
        label="放假日期",
        widget=forms.Textarea,
        help_text="每行一个节日：节日 YYYY-MM-DD 至 YYYY-MM-DD；只放一天时写一个日期。",
    )
    work_days = forms.CharField(
        label="调休上班日期",
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="每行一天：节日 YYYY-MM-DD（只能是周六或周日）。",
    )

    def _days(self, field: str) -> dict[dt.date, str]:
        days, errors = parse_days(self.cleaned_data.get(field, ""))
        if errors:
            raise forms.ValidationError(errors, code="bad_line")
        return days

    def clean_off_days(self) -> dict[dt.date, str]:
        return self._days("off_days")

    def clean_work_days(self) -> dict[dt.date, str]:
        return self._days("work_days")

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if self.errors:
            return data
        notice = YearNotice(
            year=data["year"],
            off_days=data["off_days"],
            work_days=data["work_days"],
            notice=data.get("notice", ""),
        )
        errors = validate_notice(notice)
        if errors:
            raise forms.ValidationError(errors, code="invalid_notice")
        data["parsed"] = notice
        return data


class AuditFilterForm(forms.Form):
    actor = forms.CharField(label="操作人", required=False, max_length=80)
    action = forms.CharField(label="操作", required=False, max_length=60)
    object_type = forms.CharField(label="对象类型", required=False, max_length=60)
    date_from = forms.DateField(
        label="起始日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="截止日期", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            raise forms.ValidationError("起始日期不能晚于截止日期。", code="bad_range")
        return data
