"""Comments: from the public form, entered by staff, moderated (abuse only), decided, grouped."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gongkai.consultations.domain import feedback
from gongkai.consultations.domain.feedback import Channel, Disposition
from gongkai.consultations.domain.states import Status
from gongkai.consultations.models import Comment, Consultation
from gongkai.consultations.services.common import (
    ConsultationError,
    comment_snapshot,
    require_editor,
)
from gongkai.core import audit, participation
from gongkai.core.dates import cn_date
from gongkai.core.models import User
from gongkai.core.participation import Moderation
from gongkai.core.public_forms import check_token, create_once

MAX_AUTHOR = 100
MAX_CONTACT = 100
MAX_ARTICLE = 100


@dataclass
class CommentData:
    body: str
    author: str = ""
    contact: str = ""
    consent: bool = False
    article: str = ""


def _errors(data: CommentData) -> dict[str, str]:
    errors: dict[str, str] = {}
    problem = participation.text_error(data.body)
    if problem:
        errors["body"] = problem
    if len(data.author.strip()) > MAX_AUTHOR:
        errors["author"] = f"姓名或单位名称不超过{MAX_AUTHOR}字。"
    if len(data.contact.strip()) > MAX_CONTACT:
        errors["contact"] = f"联系方式不超过{MAX_CONTACT}字。"
    if len(data.article.strip()) > MAX_ARTICLE:
        errors["article"] = f"涉及条款不超过{MAX_ARTICLE}字。"
    errors = (
        participation.control_error(author=data.author, contact=data.contact, article=data.article)
        | errors
    )
    if data.consent and not data.author.strip():
        errors["consent"] = "您同意公开姓名或单位名称，但未填写；请填写，或取消勾选。"
    return errors


def _next_number(consultation: Consultation) -> int:
    # The consultation row is locked by the caller, so concurrent comments number in turn.
    top = consultation.comments.aggregate(top=Max("number"))["top"]
    return (top or 0) + 1


def _new(
    consultation: Consultation,
    data: CommentData,
    *,
    channel: str,
    received_on: dt.date,
    token: str | None,
    moderation: str,
    entered_by: User | None,
) -> Comment:
    Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
    return Comment.objects.create(
        consultation=consultation,
        number=_next_number(consultation),
        channel=channel,
        submit_token=token,
        received_on=received_on,
        author=data.author.strip(),
        contact=data.contact.strip(),
        consent=data.consent,
        article=data.article.strip(),
        body=data.body.strip(),
        flags=[f.label for f in participation.screen(data.body)],
        moderation=moderation,
        entered_by=entered_by,
    )


def comment_submit(
    *,
    consultation: Consultation,
    data: CommentData,
    token: str,
    today: dt.date | None = None,
) -> tuple[Comment, bool]:
    """The public form (no account, identity optional). Returns (comment, created); the same
    token never stores a second comment."""
    check_token(token)
    today = today or timezone.localdate()
    if consultation.status != Status.OPEN or not (
        consultation.opens_on <= today <= consultation.closes_on
    ):
        if consultation.status == Status.OPEN and today < consultation.opens_on:
            raise ConsultationError(
                f"征求意见将于{cn_date(consultation.opens_on)}开始，届时欢迎提出意见。"
            )
        raise ConsultationError(
            f"征求意见已于{cn_date(consultation.closes_on)}截止，感谢您的关注。"
            if consultation.status in (Status.OPEN, Status.CLOSED, Status.FEEDBACK_PUBLISHED)
            else "该征求意见不接受意见。"
        )
    errors = _errors(data)
    if errors:
        raise ConsultationError(fields=errors)

    def find() -> Comment | None:
        return Comment.objects.filter(consultation=consultation, submit_token=token).first()

    def create() -> Comment:
        comment = _new(
            consultation,
            data,
            channel=Channel.ONLINE,
            received_on=today,
            token=token,
            moderation=Moderation.PENDING,
            entered_by=None,
        )
        audit.record(
            actor=None,
            action="consultations.comment_submit",
            obj=comment,
            after=comment_snapshot(comment),
            department_id=consultation.department_id,
        )
        return comment

    with transaction.atomic():
        return create_once(find=find, create=create)


@transaction.atomic
def comment_enter(
    *,
    actor: User,
    consultation: Consultation,
    data: CommentData,
    channel: str,
    received_on: dt.date,
    today: dt.date | None = None,
) -> Comment:
    """A comment received by letter or e-mail, or heard at a hearing, an expert meeting, a
    symposium or in a survey, entered by staff (accepted at once: staff read it)."""
    require_editor(actor, consultation)
    today = today or timezone.localdate()
    if consultation.status not in (Status.OPEN, Status.CLOSED):
        raise ConsultationError("只有正在征求意见或意见处理中的征求意见可以登记意见。")
    errors = _errors(data)
    if channel not in Channel.__members__.values() or channel == Channel.ONLINE:
        errors["channel"] = (
            "请选择意见来源：信函、电子邮件、听证会、专家论证会、座谈会、问卷调查或其他。"
        )
    if received_on > today:
        errors["received_on"] = "收到日期不能晚于今天。"
    elif received_on < consultation.opens_on:
        errors["received_on"] = (
            f"收到日期不能早于征求意见开始日期{cn_date(consultation.opens_on)}。"
        )
    if errors:
        raise ConsultationError(fields=errors)
    comment = _new(
        consultation,
        data,
        channel=channel,
        received_on=received_on,
        token=None,
        moderation=Moderation.ACCEPTED,
        entered_by=actor,
    )
    audit.record(
        actor=actor,
        action="consultations.comment_enter",
        obj=comment,
        after=comment_snapshot(comment),
    )
    return comment


def _locked(comment: Comment) -> Comment:
    return Comment.objects.select_for_update().select_related("consultation").get(pk=comment.pk)


def _editable(actor: User, comment: Comment) -> None:
    require_editor(actor, comment.consultation)
    if comment.consultation.status not in (Status.OPEN, Status.CLOSED):
        raise ConsultationError("意见采纳情况已公布（或征求意见已终止），不能再修改意见的处理。")


def _save(actor: User, comment: Comment, verb: str, before: dict) -> Comment:
    comment.save()
    audit.record(
        actor=actor,
        action=f"consultations.comment_{verb}",
        obj=comment,
        before=before,
        after=comment_snapshot(comment),
    )
    return comment


@transaction.atomic
def comment_moderate(
    *, actor: User, comment: Comment, accept: bool, reason: str = "", note: str = ""
) -> Comment:
    """Accept a public comment, or withhold it for abuse — never for what it argues."""
    comment = _locked(comment)
    _editable(actor, comment)
    before = comment_snapshot(comment)
    if accept:
        comment.moderation = Moderation.ACCEPTED
        comment.withhold_reason = comment.withhold_note = ""
    else:
        problem = participation.withhold_error(reason, note)
        if problem:
            raise ConsultationError(problem, fields={"reason": problem})
        if comment.duplicates.exists():
            raise ConsultationError("该意见下归并了其他相同意见，请先取消归并。")
        comment.moderation = Moderation.WITHHELD
        comment.withhold_reason, comment.withhold_note = reason, note.strip()[:300]
        comment.disposition, comment.reason, comment.same_as = "", "", None
    return _save(actor, comment, "moderate", before)


@transaction.atomic
def comment_dispose(*, actor: User, comment: Comment, disposition: str, reason: str) -> Comment:
    comment = _locked(comment)
    _editable(actor, comment)
    if comment.moderation != Moderation.ACCEPTED:
        raise ConsultationError("请先审核受理该意见，再作处理。")
    if comment.same_as_id:
        raise ConsultationError(
            f"该意见已归并到第{comment.same_as.number if comment.same_as else ''}条，"
            "其处理结果随该条意见；如需单独处理，请先取消归并。"
        )
    problem = feedback.reason_error(disposition, reason)
    if problem:
        raise ConsultationError(problem, fields={"reason": problem})
    before = comment_snapshot(comment)
    comment.disposition = disposition
    comment.reason = reason.strip()
    return _save(actor, comment, "dispose", before)


@transaction.atomic
def comment_group(*, actor: User, comment: Comment, lead_number: int) -> Comment:
    """Mark a comment as identical to another: it takes that comment's disposition."""
    comment = _locked(comment)
    _editable(actor, comment)
    lead = Comment.objects.filter(consultation=comment.consultation, number=lead_number).first()
    if lead is None or lead.pk == comment.pk:
        raise ConsultationError(
            "请填写另一条意见的序号。", fields={"lead_number": "请填写另一条意见的序号。"}
        )
    if lead.same_as_id:
        lead = lead.same_as  # group onto the group's first comment
    if lead is None or {lead.moderation, comment.moderation} != {Moderation.ACCEPTED}:
        raise ConsultationError("只有已受理的意见可以归并。")
    if comment.duplicates.exists():
        raise ConsultationError("已有其他意见归并到这条意见，不能再将它归并到别处。")
    before = comment_snapshot(comment)
    comment.same_as = lead
    comment.disposition, comment.reason = "", ""
    return _save(actor, comment, "group", before)


@transaction.atomic
def comment_ungroup(*, actor: User, comment: Comment) -> Comment:
    comment = _locked(comment)
    _editable(actor, comment)
    before = comment_snapshot(comment)
    comment.same_as = None
    return _save(actor, comment, "ungroup", before)


def disposition_choices() -> list[tuple[str, str]]:
    return [(d.value, d.label) for d in Disposition]
