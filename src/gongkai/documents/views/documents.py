"""Staff pages for document records: list, create/edit, detail with the chain, actions."""

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.core.models import Division
from gongkai.core.permissions import scope_to_division, sees_all_divisions
from gongkai.core.web import attempt
from gongkai.documents import evidence
from gongkai.documents.domain import workflow
from gongkai.documents.domain.workflow import Status
from gongkai.documents.forms import (
    AttachmentForm,
    DocumentForm,
    ReasonForm,
    ValidityForm,
    initial_from,
)
from gongkai.documents.models import Attachment, Document, DocumentStatus
from gongkai.documents.portal import doc_path
from gongkai.documents.services import chain, publication, records
from gongkai.documents.todos import waiting_for

PAGE_SIZE = 30


def _visible(request: HttpRequest) -> QuerySet[Document]:
    return scope_to_division(request.user, Document.objects.all())  # type: ignore[arg-type]


def _get(request: HttpRequest, pk: int) -> Document:
    doc = _visible(request).filter(pk=pk).first()
    if doc is None:
        raise Http404("没有这份公文，或您无权查看。")
    return doc


@login_required
def index(request: HttpRequest) -> HttpResponse:
    qs = _visible(request).select_related("division", "category")
    f = request.GET
    if f.get("mine"):
        qs = waiting_for(request.user)  # type: ignore[arg-type]
    if f.get("status"):
        qs = qs.filter(status=f["status"])
    if f.get("late"):
        qs = qs.filter(published_late=True)
    if f.get("normative"):
        qs = qs.filter(is_normative=True)
    if f.get("division", "").isdigit():
        qs = qs.filter(division_id=int(f["division"]))
    if f.get("q"):
        q = f["q"].strip()
        qs = qs.filter(
            Q(title__icontains=q) | Q(doc_number__icontains=q) | Q(index_number__icontains=q)
        )
    qs = qs.order_by("-updated_at", "-id")
    page = Paginator(qs, PAGE_SIZE).get_page(f.get("page"))
    params = f.copy()
    params.pop("page", None)
    return render(
        request,
        "documents/index.html",
        {
            "page": page,
            "statuses": DocumentStatus.choices,
            "f": f,
            "query": params.urlencode(),
            "waiting": waiting_for(request.user).count(),  # type: ignore[arg-type]
            "divisions": Division.objects.filter(department_id=request.user.department_id)  # type: ignore[union-attr,misc]
            if sees_all_divisions(request.user)  # type: ignore[arg-type]
            else [],
        },
    )


@login_required
def create(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = DocumentForm(
        request.POST or None,
        user=user,  # type: ignore[arg-type]
        initial={"issuers": user.department.name if user.department else ""},  # type: ignore[union-attr]
    )
    if request.method == "POST" and form.is_valid():
        ok, result = attempt(
            request, records.document_create, form, actor=user, data=form.to_data()
        )
        if ok:
            _report_removed(request, result)
            messages.success(request, f"已保存草稿，索引号 {result.document.index_number}。")
            return redirect("documents:detail", result.document.pk)
    return render(request, "documents/form.html", {"form": form, "doc": None})


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _get(request, pk)
    form = DocumentForm(request.POST or None, user=request.user, initial=initial_from(doc))  # type: ignore[arg-type]
    if request.method == "POST" and form.is_valid():
        ok, result = attempt(
            request,
            records.document_update,
            form,
            actor=request.user,
            document=doc,
            data=form.to_data(),
        )
        if ok:
            _report_removed(request, result)
            messages.success(request, "已保存修改。")
            return redirect("documents:detail", doc.pk)
    return render(request, "documents/form.html", {"form": form, "doc": doc})


def _report_removed(request: HttpRequest, result: records.SaveResult) -> None:
    if result.removed:
        messages.warning(
            request,
            "正文中的以下内容不安全，已被清除："
            + "、".join(result.removed)
            + "。请检查正文显示是否正常。",
        )


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _get(request, pk)
    roles = request.user.role_set()  # type: ignore[union-attr]
    actions = [t for t in workflow.available(Status(doc.status), roles) if t.name != "withdraw"]
    return render(
        request,
        "documents/detail.html",
        {
            "doc": doc,
            "actions": actions,
            "events": doc.events.select_related("actor"),
            "attachments": doc.attachments.all(),
            "interpretations": doc.interpretations.all(),
            "editable": Status(doc.status) in workflow.EDITABLE,
            "can_withdraw": doc.status == DocumentStatus.PUBLISHED
            and request.user.has_role(  # type: ignore[union-attr]
                *workflow.TRANSITIONS["withdraw"].roles
            ),
            "attachment_form": AttachmentForm(),
            "reason_form": ReasonForm(),
            "validity_form": ValidityForm(document=doc, initial={"validity": doc.validity}),
            "public_url": settings.PUBLIC_BASE_URL + doc_path(doc.pk),
            "max_upload_mb": settings.MAX_UPLOAD_BYTES // 1048576,
            "is_confidentiality_step": doc.status == DocumentStatus.CONFIDENTIALITY_REVIEW,
            "evidence": evidence.collect(doc),
        },
    )


_ACTIONS: dict[str, tuple[Callable[..., Any], str]] = {
    "submit": (chain.document_submit, "已提交处室负责人审核。"),
    "head_approve": (chain.document_head_approve, "审核通过，已转下一环节。"),
    "legality_approve": (chain.document_legality_approve, "合法性审查通过，已转保密审查。"),
    "confidentiality_approve": (
        chain.document_confidentiality_approve,
        "保密审查通过，已转办公室签发。",
    ),
    "sign_off": (chain.document_sign_off, "已签发。"),
}


@require_POST
@login_required
def act(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    doc = _get(request, pk)
    reason = request.POST.get("reason", "")
    if name in _ACTIONS:
        func, done = _ACTIONS[name]
        ok, result = attempt(request, func, actor=request.user, document=doc)
        if ok:
            if name == "sign_off":
                done = _signed_message(doc, result)
            messages.success(request, done)
    elif name == "return":
        ok, _ = attempt(
            request, chain.document_return, actor=request.user, document=doc, reason=reason
        )
        if ok:
            messages.success(request, "已退文，经办人将在待办中看到退文理由。")
    elif name == "override":
        ok, _ = attempt(
            request, chain.document_override_checks, actor=request.user, document=doc, reason=reason
        )
        if ok:
            messages.success(request, "已记录放行理由，可以通过保密审查。")
    elif name == "withdraw":
        ok, _ = attempt(
            request, publication.document_withdraw, actor=request.user, document=doc, reason=reason
        )
        if ok:
            messages.success(request, "已撤回：门户上的页面已替换为撤回公告。")
    else:
        raise Http404("没有这个操作。")
    return redirect("documents:detail", doc.pk)


def _signed_message(doc: Document, published: list[Document]) -> str:
    if not published:
        return "已签发办结。该公文不属于主动公开，不在门户网站发布。"
    titles = "、".join(f"《{d.title}》" for d in published)
    return f"已签发并在门户网站公开：{titles}。"


@require_POST
@login_required
def set_validity(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _get(request, pk)
    form = ValidityForm(request.POST, document=doc)
    if form.is_valid():
        c = form.cleaned_data
        ok, _ = attempt(
            request,
            publication.document_set_validity,
            actor=request.user,
            document=doc,
            validity=c["validity"],
            date=c["date"],
            replaced_by=c["replaced_by"],
            note=c["note"],
        )
        if ok:
            messages.success(
                request,
                f"有效性已更新为“{dict(form.fields['validity'].choices)[c['validity']]}”，门户页面已同步。",  # type: ignore[attr-defined]
            )
    else:
        messages.error(
            request,
            "有效性表单填写有误："
            + "；".join(str(e) for errs in form.errors.values() for e in errs),
        )
    return redirect("documents:detail", doc.pk)


@require_POST
@login_required
def attachment_upload(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _get(request, pk)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "请选择要上传的文件。")
        return redirect("documents:detail", doc.pk)
    upload = form.cleaned_data["file"]
    if upload.size > settings.MAX_UPLOAD_BYTES:
        messages.error(
            request, f"附件“{upload.name}”超过大小上限 {settings.MAX_UPLOAD_BYTES // 1048576} MB。"
        )
        return redirect("documents:detail", doc.pk)
    ok, _ = attempt(
        request,
        records.attachment_add,
        actor=request.user,
        document=doc,
        name=upload.name,
        data=upload.read(),
    )
    if ok:
        messages.success(request, f"已添加附件“{upload.name}”。")
    return redirect("documents:detail", doc.pk)


@require_POST
@login_required
def attachment_delete(request: HttpRequest, pk: int, att: int) -> HttpResponse:
    doc = _get(request, pk)
    attachment = get_object_or_404(Attachment, pk=att, document=doc)
    ok, _ = attempt(request, records.attachment_remove, actor=request.user, attachment=attachment)
    if ok:
        messages.success(request, "已删除附件。")
    return redirect("documents:detail", doc.pk)


@login_required
def attachment_download(request: HttpRequest, pk: int, att: int) -> HttpResponseBase:
    doc = _get(request, pk)
    attachment = get_object_or_404(Attachment, pk=att, document=doc)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.name,
        content_type=attachment.mime,
    )
