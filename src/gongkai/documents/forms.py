"""Staff forms. They only shape input; every rule is checked again in the services."""

from typing import Any

from django import forms
from django.db.models import QuerySet

from gongkai.core.models import User
from gongkai.documents.models import (
    CatalogueColumn,
    CleanupItem,
    Disclosure,
    Document,
    DocumentStatus,
    Genre,
    NondisclosureReason,
    SubjectCategory,
    Validity,
    YearlyReviewItem,
)
from gongkai.documents.services.records import DocumentData


def _choices(form: forms.Form, name: str, queryset: QuerySet[Any]) -> None:
    field = form.fields[name]
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(name)
    field.queryset = queryset


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class DocumentForm(forms.Form):
    title = forms.CharField(label="标题", max_length=300)
    doc_number = forms.CharField(
        label="发文字号",
        required=False,
        max_length=60,
        help_text="如：筑科发〔2017〕12号；[ ]、（ ）、【 】会自动规范为六角括号〔 〕。无文号的可留空。",
    )
    issuers = forms.CharField(
        label="发文机关", max_length=300, help_text="联合发文时用“、”分隔，主办机关在前。"
    )
    genre = forms.ChoiceField(label="体裁", choices=Genre.choices)
    category = forms.ModelChoiceField(
        label="主题分类",
        queryset=SubjectCategory.objects.none(),
        required=False,
        empty_label="（请选择）",
    )
    written_date = forms.DateField(label="成文日期", required=False, widget=DATE)
    publish_date = forms.DateField(
        label="发布日期",
        required=False,
        widget=DATE,
        help_text="留空则在办公室签发当日自动填写（当日公开）。仅补录已通过其他渠道发布的公文时填写；超期与否按实际上网日计算。",
    )
    formed_date = forms.DateField(
        label="信息形成或变更日期",
        required=False,
        widget=DATE,
        help_text="用于计算条例第二十六条的20个工作日；留空按成文日期计。",
    )
    keywords = forms.CharField(
        label="主题词", required=False, max_length=200, help_text="用空格分隔，如：科技 项目 管理"
    )
    body = forms.CharField(
        label="正文",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "data-rich-text": ""}),
        help_text="可直接粘贴 Word 中的文字，格式会保留；脚本、样式和事件属性会被清除并提示。",
    )
    disclosure = forms.ChoiceField(
        label="公开属性",
        required=False,
        choices=[("", "（未选择，不能提交审核）"), *Disclosure.choices],
    )
    nondisclosure_reason = forms.ChoiceField(
        label="不公开理由",
        required=False,
        choices=[("", "（请选择）"), *NondisclosureReason.choices],
        help_text="公开属性为依申请公开或不予公开时必填。",
    )
    nondisclosure_note = forms.CharField(
        label="理由说明（法律依据）", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    columns = forms.ModelMultipleChoiceField(
        label="所属栏目（主动公开目录）",
        required=False,
        queryset=CatalogueColumn.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    is_normative = forms.BooleanField(
        label="规范性文件（须经合法性审查，定期清理）", required=False
    )
    is_major_decision = forms.BooleanField(label="重大行政决策（须经合法性审查）", required=False)
    cleanup_due = forms.DateField(
        label="下次清理日期",
        required=False,
        widget=DATE,
        help_text="规范性文件留空则按发布日期后两年自动计算。",
    )
    needs_interpretation = forms.BooleanField(label="需要解读（与解读同步发布）", required=False)
    interprets = forms.ModelChoiceField(
        label="解读的政策文件（体裁为“解读”时必填）",
        required=False,
        queryset=Document.objects.none(),
        empty_label="（无）",
    )
    is_repost = forms.BooleanField(label="转载上级文件", required=False)
    repost_source = forms.CharField(label="转载来源", required=False, max_length=200)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        dep = user.department_id or 0
        _choices(self, "category", SubjectCategory.objects.filter(department_id=dep))
        _choices(self, "columns", CatalogueColumn.objects.filter(department_id=dep))
        _choices(
            self,
            "interprets",
            Document.objects.filter(department_id=dep, needs_interpretation=True)
            .exclude(status__in=[DocumentStatus.WITHDRAWN])
            .order_by("-id"),
        )

    def to_data(self) -> DocumentData:
        c = self.cleaned_data
        return DocumentData(
            title=c["title"],
            issuers=c["issuers"],
            genre=c["genre"],
            doc_number=c["doc_number"],
            written_date=c["written_date"],
            publish_date=c["publish_date"],
            category_id=c["category"].pk if c["category"] else None,
            keywords=c["keywords"],
            body=c["body"],
            disclosure=c["disclosure"],
            nondisclosure_reason=c["nondisclosure_reason"],
            nondisclosure_note=c["nondisclosure_note"],
            is_normative=c["is_normative"],
            is_major_decision=c["is_major_decision"],
            cleanup_due=c["cleanup_due"],
            formed_date=c["formed_date"],
            is_repost=c["is_repost"],
            repost_source=c["repost_source"],
            needs_interpretation=c["needs_interpretation"],
            interprets_id=c["interprets"].pk if c["interprets"] else None,
            column_ids=[col.pk for col in c["columns"]],
        )


def initial_from(document: Document) -> dict[str, object]:
    return {
        "title": document.title,
        "doc_number": document.doc_number,
        "issuers": document.issuers,
        "genre": document.genre,
        "category": document.category_id,
        "written_date": document.written_date,
        "publish_date": document.publish_date,
        "formed_date": document.formed_date,
        "keywords": document.keywords,
        "body": document.body,
        "disclosure": document.disclosure,
        "nondisclosure_reason": document.nondisclosure_reason,
        "nondisclosure_note": document.nondisclosure_note,
        "columns": list(document.columns.values_list("pk", flat=True)),
        "is_normative": document.is_normative,
        "is_major_decision": document.is_major_decision,
        "cleanup_due": document.cleanup_due,
        "needs_interpretation": document.needs_interpretation,
        "interprets": document.interprets_id,
        "is_repost": document.is_repost,
        "repost_source": document.repost_source,
    }


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label="附件", help_text="PDF、DOCX、OFD、图片、音频或视频；按文件内容识别类型。"
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 3}))


class ValidityForm(forms.Form):
    validity = forms.ChoiceField(label="有效性", choices=Validity.choices)
    date = forms.DateField(label="变更日期", required=False, widget=DATE)
    replaced_by = forms.ModelChoiceField(
        label="替代文件", required=False, queryset=Document.objects.none(), empty_label="（无）"
    )
    note = forms.CharField(label="说明", required=False, max_length=300)

    def __init__(self, *args: Any, document: Document, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(
            self,
            "replaced_by",
            Document.objects.filter(
                department_id=document.department_id, status=DocumentStatus.PUBLISHED
            )
            .exclude(pk=document.pk)
            .order_by("-publish_date"),
        )


class CleanupCampaignForm(forms.Form):
    name = forms.CharField(label="清理名称", max_length=120)
    cutoff = forms.DateField(
        label="清理截止日期",
        widget=DATE,
        help_text="下次清理日期不晚于此日的有效规范性文件纳入本次清理。",
    )
    interval_years = forms.IntegerField(
        label="清理周期（年）", min_value=1, max_value=10, initial=2
    )


class CleanupDecisionForm(forms.Form):
    conclusion = forms.ChoiceField(label="清理结论", choices=CleanupItem.Conclusion.choices)
    note = forms.CharField(label="说明", required=False, max_length=300)
    replacement = forms.ModelChoiceField(
        label="修改后的文件", required=False, queryset=Document.objects.none(), empty_label="（无）"
    )

    def __init__(self, *args: Any, department_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _choices(
            self,
            "replacement",
            Document.objects.filter(
                department_id=department_id, status=DocumentStatus.PUBLISHED
            ).order_by("-publish_date"),
        )


class ReviewDecisionForm(forms.Form):
    conclusion = forms.ChoiceField(label="复查结论", choices=YearlyReviewItem.Conclusion.choices)
    note = forms.CharField(label="说明", required=False, max_length=300)
