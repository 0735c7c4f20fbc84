"""Staff pages for cleanup campaigns and the yearly review of non-public information."""

from typing import TypeVar

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.core.permissions import sees_all_divisions
from gongkai.core.web import attempt
from gongkai.documents.domain import rules
from gongkai.documents.forms import CleanupCampaignForm, CleanupDecisionForm, ReviewDecisionForm
from gongkai.documents.models import CleanupCampaign, CleanupItem, YearlyReview, YearlyReviewItem
from gongkai.documents.services import campaigns

M = TypeVar("M", bound=Model)


@login_required
def cleanup_index(request: HttpRequest) -> HttpResponse:
    user = request.user
    today = timezone.localdate()
    form = CleanupCampaignForm(
        request.POST or None,
        initial={
            "name": f"{today.year}年规范性文件清理",
            "cutoff": rules.add_years(today, 0),
            "interval_years": rules.DEFAULT_CLEANUP_YEARS,
        },
    )
    if request.method == "POST" and form.is_valid():
        ok, campaign = attempt(
            request, campaigns.cleanup_campaign_create, form, actor=user, **form.cleaned_data
        )
        if ok:
            messages.success(request, f"已发起清理，纳入{campaign.items.count()}件规范性文件。")
            return redirect("documents:cleanup_detail", campaign.pk)
    items = CleanupCampaign.objects.filter(department_id=user.department_id)  # type: ignore[union-attr,misc]
    return render(request, "documents/cleanup_index.html", {"campaigns": items, "form": form})


def _division_items(request: HttpRequest, qs: QuerySet[M]) -> QuerySet[M]:
    user = request.user
    if sees_all_divisions(user):  # type: ignore[arg-type]
        return qs
    return qs.filter(division_id=user.division_id)  # type: ignore[union-attr]


@login_required
def cleanup_detail(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(CleanupCampaign, pk=pk, department_id=request.user.department_id)  # type: ignore[union-attr]
    items = _division_items(
        request, campaign.items.select_related("document", "division", "replacement")
    )
    rows = [
        (
            it,
            CleanupDecisionForm(
                department_id=campaign.department_id,
                prefix=f"i{it.pk}",
                initial={"conclusion": it.conclusion or "keep", "note": it.note},
            ),
        )
        for it in items
    ]
    return render(
        request,
        "documents/cleanup_detail.html",
        {
            "campaign": campaign,
            "rows": rows,
            "pending": campaign.items.filter(conclusion="").count(),
        },
    )


@require_POST
@login_required
def cleanup_decide(request: HttpRequest, item: int) -> HttpResponse:
    obj = get_object_or_404(
        CleanupItem,
        pk=item,
        campaign__department_id=request.user.department_id,  # type: ignore[union-attr]
    )
    form = CleanupDecisionForm(
        request.POST, department_id=obj.campaign.department_id, prefix=f"i{obj.pk}"
    )
    if form.is_valid():
        ok, _ = attempt(
            request,
            campaigns.cleanup_item_decide,
            actor=request.user,
            item=obj,
            **form.cleaned_data,
        )
        if ok:
            messages.success(request, f"已记录《{obj.document.title}》的清理结论。")
    return redirect("documents:cleanup_detail", obj.campaign_id)


@require_POST
@login_required
def cleanup_apply(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(CleanupCampaign, pk=pk, department_id=request.user.department_id)  # type: ignore[union-attr]
    ok, n = attempt(
        request, campaigns.cleanup_campaign_apply, actor=request.user, campaign=campaign
    )
    if ok:
        messages.success(request, f"已执行{n}件文件的清理结论，有效性变化已同步到门户。")
    return redirect("documents:cleanup_detail", campaign.pk)


@require_POST
@login_required
def cleanup_publish(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_object_or_404(CleanupCampaign, pk=pk, department_id=request.user.department_id)  # type: ignore[union-attr]
    ok, _ = attempt(
        request, campaigns.cleanup_campaign_publish, actor=request.user, campaign=campaign
    )
    if ok:
        messages.success(request, "清理结果已在门户公布。")
    return redirect("documents:cleanup_detail", campaign.pk)


@login_required
def review_index(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        ok, review = attempt(
            request,
            campaigns.yearly_review_open,
            actor=user,
            department=user.department,  # type: ignore[union-attr]
            year=timezone.localdate().year,
        )
        if ok:
            messages.success(request, f"已发起{review.year}年度复查，共{review.items.count()}件。")
            return redirect("documents:review_detail", review.pk)
    reviews = YearlyReview.objects.filter(department_id=user.department_id)  # type: ignore[union-attr,misc]
    return render(
        request,
        "documents/review_index.html",
        {"reviews": reviews, "year": timezone.localdate().year},
    )


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = get_object_or_404(YearlyReview, pk=pk, department_id=request.user.department_id)  # type: ignore[union-attr]
    items = _division_items(request, review.items.select_related("document", "division"))
    rows = [(it, ReviewDecisionForm(prefix=f"r{it.pk}")) for it in items]
    return render(request, "documents/review_detail.html", {"review": review, "rows": rows})


@require_POST
@login_required
def review_decide(request: HttpRequest, item: int) -> HttpResponse:
    obj = get_object_or_404(
        YearlyReviewItem,
        pk=item,
        review__department_id=request.user.department_id,  # type: ignore[union-attr]
    )
    form = ReviewDecisionForm(request.POST, prefix=f"r{obj.pk}")
    if form.is_valid():
        ok, _ = attempt(
            request,
            campaigns.yearly_review_decide,
            actor=request.user,
            item=obj,
            **form.cleaned_data,
        )
        if ok:
            messages.success(request, f"已记录《{obj.document.title}》的复查结论。")
    return redirect("documents:review_detail", obj.review_id)
