from typing import Any

from django import forms

from gongkai.reports.domain import tables as t
from gongkai.reports.services import ENTERED_KEYS

MAX_UPLOAD = 5 * 1024 * 1024


def field_name(key: str) -> str:
    return key.replace(".", "__")


class YearForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2008, max_value=2100)
    confirm_empty = forms.BooleanField(
        label="确认该年度无数据",
        required=False,
        help_text="仅当本机关该年度确实没有任何公文、申请和复议诉讼时勾选。",
    )


class ReportEditForm(forms.Form):
    section_general = forms.CharField(
        label=t.SECTION_HEADINGS["一"], widget=forms.Textarea(attrs={"rows": 10}), required=False
    )
    section_problems = forms.CharField(
        label=t.SECTION_HEADINGS["五"], widget=forms.Textarea(attrs={"rows": 5}), required=False
    )
    section_other = forms.CharField(
        label=t.SECTION_HEADINGS["六"], widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Plain text fields: the service validates counts and amounts with a Chinese message.
        for key in ENTERED_KEYS:
            help_text = "单位：万元，最多四位小数" if key in t.TABLE2_MONEY_KEYS else "件数"
            self.fields[field_name(key)] = forms.CharField(
                label=t.table2_label(key), required=False, help_text=help_text
            )

    def entered(self) -> dict[str, object]:
        return {key: self.cleaned_data.get(field_name(key), "") for key in ENTERED_KEYS}

    def sections(self) -> dict[str, str]:
        return {
            "一": self.cleaned_data["section_general"],
            "五": self.cleaned_data["section_problems"],
            "六": self.cleaned_data["section_other"],
        }


class CorrectionForm(forms.Form):
    reason = forms.CharField(
        label="更正说明",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="说明更正了什么、为什么更正；将与更正后的报告一并公开，原报告继续保留。",
    )


class ImportForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2008, max_value=2100)
    file = forms.FileField(
        label="Excel 文件（.xlsx）",
        required=False,
        help_text="使用本系统导出的 Excel 格式；不上传文件时，按下方表格录入。",
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload and upload.size > MAX_UPLOAD:
            raise forms.ValidationError(
                "文件超过 5 MB，请检查是否上传了正确的文件。", code="too_big"
            )
        return upload
