"""Receiving applications: the public online form, applications entered by staff, and the
confirmation that fixes the receipt date (条例第二十九条、第三十一条)."""

import datetime as dt
import secrets
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from gongkai.applications.domain import clock, similarity, states
from gongkai.applications.domain.outcomes import ApplicantType
from gongkai.applications.models import Application, ApplicationFile, Channel
from gongkai.applications.models.application import IdType
from gongkai.applications.services.common import (
    ApplicationError,
    event,
    refresh_clock,
    require_handler,
    snapshot,
    transition,
)
from gongkai.core import audit
from gongkai.core.dates import cn_date
from gongkai.core.identifiers import credit_code_error, mobile_error, resident_id_error
from gongkai.core.models import Department, Role, User
from gongkai.core.permissions import require_can_change_content, require_role

_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
MAX_DESCRIPTION = 2000
MIN_DESCRIPTION = 5


@dataclass
class Applicant:
    applicant_type: str
    name: str
    phone: str
    id_type: str = ""
    id_number: str = ""
    credit_code: str = ""
    legal_representative: str = ""
    contact_person: str = ""
    address: str = ""
    postcode: str = ""
    email: str = ""


@dataclass
class Request:
    description: str
    preferred_form: str
    delivery: str
    files: list[tuple[str, bytes, str]] = field(default_factory=list)  # (name, content, mime)


def applicant_errors(a: Applicant) -> dict[str, str]:
    """Every problem with the applicant's identity, keyed by field (条例第二十九条)."""
    try:
        kind = ApplicantType(a.applicant_type)
    except ValueError:
        return {"applicant_type": "请选择申请人类型：自然人或法人/其他组织的类别。"}
    errors = _contact_errors(a, kind)
    errors.update(_organisation_errors(a) if kind.is_organisation else _person_errors(a))
    return errors


def _contact_errors(a: Applicant, kind: ApplicantType) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not a.name.strip():
        errors["name"] = "请填写单位名称。" if kind.is_organisation else "请填写申请人姓名。"
    phone_error = mobile_error(a.phone) if a.phone.strip().startswith("1") else None
    if not a.phone.strip():
        errors["phone"] = "请填写联系电话，以便工作人员与您确认申请。"
    elif phone_error:
        errors["phone"] = phone_error
    elif len("".join(c for c in a.phone if c.isdigit())) < 7:
        errors["phone"] = "联系电话至少应有7位数字（固定电话请加区号）。"
    return errors


def _organisation_errors(a: Applicant) -> dict[str, str]:
    errors: dict[str, str] = {}
    code_error = (
        credit_code_error(a.credit_code)
        if a.credit_code.strip()
        else ("请填写统一社会信用代码（18位）。")
    )
    if code_error:
        errors["credit_code"] = code_error
    if not a.legal_representative.strip():
        errors["legal_representative"] = "请填写法定代表人或负责人姓名。"
    if not a.contact_person.strip():
        errors["contact_person"] = "请填写联系人姓名。"
    return errors


def _person_errors(a: Applicant) -> dict[str, str]:
    errors: dict[str, str] = {}
    if a.id_type not in IdType.values:
        errors["id_type"] = "请选择证件类型。"
    elif not a.id_number.strip():
        errors["id_number"] = "请填写证件号码。"
    elif a.id_type == IdType.RESIDENT_ID:
        id_error = resident_id_error(a.id_number)
        if id_error:
            errors["id_number"] = id_error
    return errors


def request_errors(r: Request) -> dict[str, str]:
    errors: dict[str, str] = {}
    text = r.description.strip()
    if len(text) < MIN_DESCRIPTION:
        errors["description"] = (
            f"请具体描述您需要的政府信息（至少{MIN_DESCRIPTION}个字），如文件名称、文号或便于查询的特征。"
        )
    elif len(text) > MAX_DESCRIPTION:
        errors["description"] = (
            f"内容描述不超过{MAX_DESCRIPTION}字，当前{len(text)}字；如需申请多项信息，请分别提交。"
        )
    from gongkai.applications.models.application import Delivery, PreferredForm

    if r.preferred_form not in PreferredForm.values:
        errors["preferred_form"] = "请选择提供形式：纸质或电子文档。"
    if r.delivery not in Delivery.values:
        errors["delivery"] = "请选择获取方式。"
    return errors


def _new_code() -> str:
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(10))


def _normalise(a: Applicant) -> Applicant:
    a.name = a.name.strip()
    a.id_number = a.id_number.strip().upper()
    a.credit_code = a.credit_code.strip().upper()
    a.phone = a.phone.strip()
    if ApplicantType(a.applicant_type).is_organisation:
        a.id_type, a.id_number = "", ""
    else:
        a.credit_code, a.legal_representative = "", ""
    return a


def _create(
    *,
    department: Department,
    channel: str,
    applicant: Applicant,
    request: Request,
    submitted_at: dt.datetime,
    token: str | None,
) -> Application:
    errors = applicant_errors(applicant) | request_errors(request)
    if errors:
        raise ApplicationValidationError(errors)
    applicant = _normalise(applicant)
    fields = {k: getattr(applicant, k) for k in Applicant.__dataclass_fields__}
    app = Application(
        department=department,
        channel=channel,
        number=_new_code(),  # replaced below, once the row has its id
        query_code=_new_code(),
        submit_token=token or None,
        description=request.description.strip(),
        preferred_form=request.preferred_form,
        delivery=request.delivery,
        submitted_at=submitted_at,
        status=states.Status.AWAITING_CONFIRMATION,
        **fields,
    )
    app.save()
    # The id is race-free under concurrent submissions; the year makes it readable.
    app.number = f"{timezone.localtime(submitted_at).year}-{app.pk:06d}"
    app.save(update_fields=["number"])
    for name, content, mime in request.files:
        _attach(app, name, content, mime)
    flag_repeats(app)
    return app


class ApplicationValidationError(ApplicationError):
    """Public input that cannot be accepted; `fields` says what is wrong with each field."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(fields=errors)


def application_submit(
    *,
    department: Department,
    applicant: Applicant,
    request: Request,
    token: str,
    now: dt.datetime | None = None,
) -> tuple[Application, bool]:
    """The public online form. Returns (application, created). The same `token` never creates a
    second application: a double click or a retried POST gets the first one back."""
    if not token or len(token) > 64:
        raise ApplicationError("表单已失效，请刷新页面后重新填写提交。")
    existing = Application.objects.filter(department=department, submit_token=token).first()
    if existing:
        return existing, False
    now = now or timezone.now()
    try:
        with transaction.atomic():
            app = _create(
                department=department,
                channel=Channel.ONLINE,
                applicant=applicant,
                request=request,
                submitted_at=now,
                token=token,
            )
            audit.record(actor=None, action="applications.submit", obj=app, after=snapshot(app))
            event(
                app,
                timezone.localtime(now).date(),
                "网上提交申请，待工作人员与您确认后开始计算答复期限（条例第三十一条）。",
            )
    except IntegrityError:
        existing = Application.objects.filter(department=department, submit_token=token).first()
        if existing is None:
            raise
        return existing, False
    return app, True


@transaction.atomic
def application_register(
    *,
    actor: User,
    channel: str,
    applicant: Applicant,
    request: Request,
    submitted_on: dt.date,
    signed_for: dt.date | None = None,
    today: dt.date | None = None,
) -> Application:
    """An application received at the window, by post, fax or e-mail, entered by staff.

    条例第三十一条: window = received the day submitted; registered post = the day the office
    signed for it; ordinary letter, fax and e-mail wait for confirmation with the applicant.
    """
    require_role(actor, *(Role.PUBLISHER, Role.DISCLOSURE_HEAD))
    require_can_change_content(actor)
    today = today or timezone.localdate()
    if channel not in Channel.values or channel == Channel.ONLINE:
        raise ApplicationError("请选择申请渠道：当面、挂号信、平信、传真或电子邮件。")
    if submitted_on > today:
        raise ApplicationError("提交日期不能晚于今天。")
    if channel == Channel.REGISTERED_POST and signed_for is None:
        raise ApplicationError("挂号信以本机关签收之日为收到申请之日，请填写签收日期。")
    if signed_for and signed_for > today:
        raise ApplicationError("签收日期不能晚于今天。")
    if actor.department is None:
        raise ApplicationError("您的账号未分配机关，不能登记申请。")
    submitted_at = timezone.make_aware(dt.datetime.combine(submitted_on, dt.time(9)))
    app = _create(
        department=actor.department,
        channel=channel,
        applicant=applicant,
        request=request,
        submitted_at=submitted_at,
        token=None,
    )
    app.handler = actor
    received = clock.receipt_date(channel, submitted=submitted_on, signed_for=signed_for)
    if received:
        app.received_on = received
        app.status = states.Status.IN_PROGRESS
        refresh_clock(app, today)
    app.save()
    audit.record(actor=actor, action="applications.register", obj=app, after=snapshot(app))
    label = Channel(channel).label
    if received:
        event(
            app,
            received,
            f"收到申请（{label}），收到申请之日为{cn_date(received)}（条例第三十一条）。",
        )
    else:
        event(app, submitted_on, f"收到申请（{label}），待与申请人确认（条例第三十一条）。")
    return app


@transaction.atomic
def application_confirm(
    *, actor: User, application: Application, confirmed_on: dt.date, today: dt.date | None = None
) -> Application:
    """条例第三十一条: for online, fax, e-mail and ordinary letters the receipt date is the day
    both sides confirm."""
    require_handler(actor, application)
    today = today or timezone.localdate()
    if confirmed_on > today:
        raise ApplicationError("确认日期不能晚于今天。")
    if confirmed_on < timezone.localtime(application.submitted_at).date():
        raise ApplicationError("确认日期不能早于申请提交日期。")
    return transition(
        actor=actor,
        app=application,
        action=states.Action.CONFIRM,
        today=today,
        verb="confirm",
        update={"received_on": confirmed_on, "handler": application.handler or actor},
        text=f"工作人员已与您确认收到申请，收到申请之日为{cn_date(confirmed_on)}（条例第三十一条）。",
    )


# 条例第三十五条 ---------------------------------------------------------------------------


def same_applicant(app: Application) -> "QuerySet[Application]":
    qs = Application.objects.filter(department=app.department_id).exclude(pk=app.pk)
    if app.id_number:
        return qs.filter(id_number=app.id_number)
    if app.credit_code:
        return qs.filter(credit_code=app.credit_code)
    return qs.filter(name=app.name, phone=app.phone)


def flag_repeats(app: Application) -> None:
    """条例第三十五条: flag a probable repeat and high volume; staff decide."""
    since = app.submitted_at - dt.timedelta(days=365)
    earlier = list(
        same_applicant(app).filter(submitted_at__gte=since).values_list("pk", "description")[:200]
    )
    found = similarity.similar_items(app.description, [(str(pk), d) for pk, d in earlier])
    if found:
        app.repeat_of_id = int(found[0].key)
        app.repeat_score = round(found[0].score, 3)
    month = app.submitted_at - dt.timedelta(days=30)
    app.high_volume = (
        same_applicant(app).filter(submitted_at__gte=month).count() + 1 > similarity.HIGH_VOLUME
    )
    app.save(update_fields=["repeat_of", "repeat_score", "high_volume"])


# Uploads ------------------------------------------------------------------------------------

ALLOWED_UPLOADS = {
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
}
MAX_UPLOAD = 10 * 1024 * 1024


def upload_error(name: str, content: bytes) -> str | None:
    """Files are judged by their content (magic bytes), not their name."""
    import filetype

    if len(content) > MAX_UPLOAD:
        return f"文件“{name}”超过10MB，请压缩或分成多个文件后上传。"
    kind = filetype.guess(content)
    if kind is None or kind.mime not in ALLOWED_UPLOADS:
        return f"文件“{name}”不是有效的 PDF、JPG、PNG 或 Word（docx）文件，请检查后重新上传。"
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if ext and ext not in {ALLOWED_UPLOADS[kind.mime], "jpeg"}:
        return f"文件“{name}”的扩展名与内容不符（实际为 {ALLOWED_UPLOADS[kind.mime]} 文件）。"
    return None


def _attach(
    app: Application,
    name: str,
    content: bytes,
    mime: str,
    kind: str = ApplicationFile.Kind.APPLICANT,
) -> ApplicationFile:
    import filetype
    from django.core.files.base import ContentFile

    error = upload_error(name, content)
    if error:
        raise ApplicationValidationError({"files": error})
    mime = filetype.guess(content).mime  # by content, never the browser's claim
    safe = f"{secrets.token_hex(8)}.{name.rsplit('.', 1)[-1].lower()[:5]}"
    f = ApplicationFile(application=app, kind=kind, name=name[:200], mime=mime, size=len(content))
    f.file.save(safe, ContentFile(content), save=False)
    f.save()
    return f
