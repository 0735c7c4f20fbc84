"""Staff page of the public site: status, publication history, verify, rebuild, restore."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gongkai.core.errors import DomainError
from gongkai.core.models import Department, Role
from gongkai.publishing import services
from gongkai.publishing.models import Publication
from gongkai.publishing.site import site_info

VIEW_ROLES = (*services.PUBLISH_ROLES, Role.AUDITOR, Role.LEADER)


def _department(request: HttpRequest) -> Department:
    user = request.user
    if not user.has_role(*VIEW_ROLES) or user.department is None:  # type: ignore[union-attr]
        raise HttpForbidden("只有办公室、系统管理员、审计员和局领导可以查看门户发布。")
    return user.department  # type: ignore[union-attr]


@login_required
def index(request: HttpRequest) -> HttpResponse:
    department = _department(request)
    info = site_info(department)
    site = services.site_dir(info)
    manifest = site.manifest() if site.exists() else None
    return render(
        request,
        "publishing/index.html",
        {
            "info": info,
            "built": manifest is not None,
            "manifest": manifest.root if manifest else {},
            "served": site.served_tree() if manifest else None,
            "publications": Publication.objects.filter(department=department)[:30],
            "can_publish": request.user.has_role(*services.PUBLISH_ROLES),  # type: ignore[union-attr]
        },
    )


@login_required
@require_POST
def verify(request: HttpRequest) -> HttpResponse:
    department = _department(request)
    try:
        report = services.site_verify(department=department)
    except services.PublishError as exc:
        messages.error(request, str(exc))
        return redirect("publishing:index")
    return render(
        request,
        "publishing/verify.html",
        {"report": report, "can_publish": request.user.has_role(*services.PUBLISH_ROLES)},  # type: ignore[union-attr]
    )


@login_required
@require_POST
def rebuild(request: HttpRequest) -> HttpResponse:
    department = _department(request)
    try:
        pub = services.site_rebuild(department=department, actor=request.user)  # type: ignore[arg-type]
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            f"全站重建完成：第 {pub.serial} 版，写入 {pub.written} 个文件，删除 {pub.removed} 个。",
        )
    return redirect("publishing:index")


@login_required
@require_POST
def restore(request: HttpRequest) -> HttpResponse:
    department = _department(request)
    try:
        report = services.site_restore(department=department, actor=request.user)  # type: ignore[arg-type]
    except DomainError as exc:
        messages.error(request, str(exc))
    else:
        text = (
            f"已恢复 {len(report.restored)} 个文件，隔离 {len(report.quarantined)} 个清单外文件。"
        )
        if report.after.ok:
            messages.success(request, text + "全部文件与签名清单一致。")
        else:
            messages.error(
                request, text + f"仍有 {len(report.after.problems)} 处问题，请全站重建。"
            )
    return redirect("publishing:index")
