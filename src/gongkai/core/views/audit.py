import csv
import datetime as dt
from collections.abc import Iterator

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpForbidden
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone

from gongkai.core.forms import AuditFilterForm
from gongkai.core.models import AuditEntry, Role


def _allowed(request: HttpRequest) -> None:
    if not request.user.has_role(Role.AUDITOR, Role.SYSADMIN):  # type: ignore[union-attr]
        raise HttpForbidden("只有审计员和系统管理员可以查阅审计日志。")


def _filtered(form: AuditFilterForm) -> QuerySet[AuditEntry]:
    qs = AuditEntry.objects.order_by("-id")
    if not form.is_valid():
        return qs.none()
    data = form.cleaned_data
    if data["actor"]:
        qs = qs.filter(actor_name__icontains=data["actor"])
    if data["action"]:
        qs = qs.filter(action__icontains=data["action"])
    if data["object_type"]:
        qs = qs.filter(object_type__icontains=data["object_type"])
    tz = timezone.get_current_timezone()
    if data["date_from"]:
        qs = qs.filter(created_at__gte=dt.datetime.combine(data["date_from"], dt.time.min, tz))
    if data["date_to"]:
        qs = qs.filter(
            created_at__lt=dt.datetime.combine(
                data["date_to"] + dt.timedelta(days=1), dt.time.min, tz
            )
        )
    return qs


@login_required
def audit_index(request: HttpRequest) -> HttpResponse:
    _allowed(request)
    form = AuditFilterForm(request.GET or None)
    qs = _filtered(form) if request.GET else AuditEntry.objects.order_by("-id")
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "core/audit.html", {"form": form, "page": page, "query": query.urlencode()}
    )


class _Echo:
    def write(self, value: str) -> str:
        return value


@login_required
def audit_export(request: HttpRequest) -> StreamingHttpResponse:
    _allowed(request)
    qs = _filtered(AuditFilterForm(request.GET))
    writer = csv.writer(_Echo())
    header = [
        "编号",
        "时间",
        "操作人",
        "来源地址",
        "对象类型",
        "对象编号",
        "对象",
        "操作",
        "变更前",
        "变更后",
        "哈希",
    ]

    def rows() -> Iterator[str]:
        yield "\ufeff" + writer.writerow(header)
        for e in qs.iterator(chunk_size=2000):
            yield writer.writerow(
                [
                    e.pk,
                    timezone.localtime(e.created_at).isoformat(),
                    e.actor_name,
                    e.ip,
                    e.object_type,
                    e.object_id,
                    e.object_repr,
                    e.action,
                    e.before,
                    e.after,
                    e.hash,
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-log.csv"'
    return response
