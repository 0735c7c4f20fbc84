from django import forms

from gongkai.search.types import SearchQuery


class SearchForm(forms.Form):
    q = forms.CharField(
        label="关键词",
        required=False,
        max_length=100,
        strip=True,
        error_messages={"max_length": "关键词不能超过 %(limit_value)d 个字。"},
    )
    year = forms.IntegerField(
        label="年份",
        required=False,
        min_value=1949,
        max_value=2100,
        error_messages={
            "invalid": "年份应为四位数字，如 2026。",
            "min_value": "年份不能早于 %(limit_value)s 年。",
            "max_value": "年份不能晚于 %(limit_value)s 年。",
        },
    )
    issuer = forms.CharField(label="发文机关", required=False, max_length=200)
    topic = forms.CharField(label="主题分类", required=False, max_length=100)
    genre = forms.CharField(label="体裁", required=False, max_length=100)
    validity = forms.CharField(label="有效性", required=False, max_length=20)
    order = forms.ChoiceField(
        label="排序",
        required=False,
        choices=[("relevance", "按相关度"), ("date", "按发布日期")],
        error_messages={"invalid_choice": "排序只能选“按相关度”或“按发布日期”。"},
    )
    page = forms.IntegerField(
        label="页码",
        required=False,
        min_value=1,
        max_value=10_000,
        error_messages={
            "invalid": "页码应为正整数。",
            "min_value": "页码从 1 开始。",
            "max_value": "页码过大。",
        },
    )

    FILTERS = ("year", "issuer", "topic", "genre", "validity")

    def has_criteria(self) -> bool:
        data = self.cleaned_data
        return bool(data.get("q")) or any(data.get(f) for f in self.FILTERS)

    def to_query(self, department_id: int, page_size: int = 20) -> SearchQuery:
        data = self.cleaned_data
        return SearchQuery(
            department_id=department_id,
            text=data.get("q") or "",
            year=data.get("year"),
            issuer=data.get("issuer") or "",
            topic=data.get("topic") or "",
            genre=data.get("genre") or "",
            validity=data.get("validity") or "",
            order=data.get("order") or "relevance",
            page=data.get("page") or 1,
            page_size=page_size,
        )

    def page_params(self, page: int) -> dict[str, str]:
        """This form's own parameters with another page number (the pagination links)."""
        data = self.cleaned_data
        params = {k: str(data[k]) for k in ("q", *self.FILTERS, "order") if data.get(k)}
        params["page"] = str(page)
        return params
