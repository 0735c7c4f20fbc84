"""Reconsideration/litigation records (表四), disclosed files with expiring links, and the
export of one applicant's data."""

import datetime as dt
import io
import json
import zipfile
from typing import Any

from django.core import signing
from django.db import transaction

from gongkai.applications.domain.outcomes import ReviewKind, ReviewResult
from gongkai.applications.models import Application, ApplicationFile, ReviewCase
from gongkai.applications.services.common import (
    ApplicationError,
    require_department,
    require_handler,
)
from gongkai.applications.services.intake import _attach, same_applicant
from gongkai.core import audit
from gongkai.core.models import Role, User
from gongkai.core.permissions import require_role

DOWNLOAD_SALT = "gongkai.applications.download"
DOWNLOAD_DAYS = 30


@transaction.atomic
def review_case_save(
    *,
    actor: User,
    application: Application,
    kind: str,
    filed_on: dt.date,
    result: str,
    case_number: str = "",
    body: str = "",
    concluded_on: dt.date | None = None,
    note: str = "",
    case: ReviewCase | None = None,
) -> ReviewCase:
    require_handler(actor, application)
    try:
        ReviewKind(kind)
        outcome = ReviewResult(result)
    except ValueError:
        raise ApplicationError("请选择复议/诉讼类型和结果。") from None
    if application.received_on and filed_on < application.received_on:
        raise ApplicationError("复议或起诉日期不能早于收到申请的日期。")
    if outcome != ReviewResult.PENDING and concluded_on is None:
        raise ApplicationError("已审结的案件请填写审结日期；尚未审结的请选择“尚未审结”。")
    if outcome == ReviewResult.PENDING:
        concluded_on = None
    if concluded_on and concluded_on < filed_on:
        raise ApplicationError("审结日期不能早于申请/立案日期。")
    before = None
    if case is None:
        case = ReviewCase(application=application, department_id=application.department_id)
    else:
        before = {"result": case.result, "concluded_on": case.concluded_on}
    case.kind, case.filed_on, case.result = kind, filed_on, outcome.value
    case.case_number, case.body, case.concluded_on, case.note = (
        case_number.strip(),
        body.strip(),
        concluded_on,
        note.strip(),
    )
    case.save()
    audit.record(
        actor=actor,
        action="applications.review_save",
        obj=case,
        before=before,
        after={
            "kind": kind,
            "result": case.result,
            "filed_on": filed_on,
            "concluded_on": concluded_on,
        },
    )
    return case


@transaction.atomic
def disclosed_file_add(
    *, actor: User, application: Application, name: str, content: bytes
) -> ApplicationFile:
    require_handler(actor, application)
    f = _attach(application, name, content, "", kind=ApplicationFile.Kind.DISCLOSED)
    audit.record(
        actor=actor,
        action="applications.file_add",
        obj=application,
        after={"file": f.name, "size": f.size},
    )
    return f


def download_token(f: ApplicationFile) -> str:
    """A signed link token for one disclosed file; expires after DOWNLOAD_DAYS days."""
    return signing.dumps({"f": f.pk, "a": f.application_id}, salt=DOWNLOAD_SALT)


def file_for_token(token: str) -> ApplicationFile:
    try:
        data = signing.loads(token, salt=DOWNLOAD_SALT, max_age=dt.timedelta(days=DOWNLOAD_DAYS))
    except signing.SignatureExpired:
        raise ApplicationError(
            f"下载链接已超过{DOWNLOAD_DAYS}日有效期，请联系本机关重新提供。"
        ) from None
    except signing.BadSignature:
        raise ApplicationError("下载链接无效，请核对链接是否完整。") from None
    f = ApplicationFile.objects.filter(
        pk=data.get("f"), application_id=data.get("a"), kind=ApplicationFile.Kind.DISCLOSED
    ).first()
    if f is None:
        raise ApplicationError("该文件已不存在，请联系本机关。")
    return f


_EXPORT_FIELDS = (
    "number",
    "channel",
    "status",
    "applicant_type",
    "name",
    "id_type",
    "id_number",
    "credit_code",
    "legal_representative",
    "contact_person",
    "phone",
    "address",
    "postcode",
    "email",
    "description",
    "preferred_form",
    "delivery",
    "submitted_at",
    "received_on",
    "reply_type",
    "outcome",
    "replied_on",
    "closed_on",
)


@transaction.atomic
def applicant_export(*, actor: User, application: Application) -> bytes:
    """Everything held about the applicant of `application` (all their applications), as a zip
    with data.json and the letters. Only the disclosure head; audited."""
    require_role(actor, Role.DISCLOSURE_HEAD)
    require_department(actor, application)
    from gongkai.applications.services.letters import letter_docx

    apps = [application, *same_applicant(application).order_by("submitted_at")]
    data: list[dict[str, Any]] = []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for app in apps:
            row = {f: getattr(app, f) for f in _EXPORT_FIELDS}
            row["events"] = [{"on": e.on, "text": e.text} for e in app.events.all()]
            row["letters"] = [l.number for l in app.letters.all()]  # noqa: E741
            data.append(row)
            for letter in app.letters.all():
                z.writestr(f"{app.number}/{letter.number}.docx", letter_docx(letter))
        z.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2, default=str))
    audit.record(
        actor=actor,
        action="applications.export_applicant",
        obj=application,
        after={"applications": [a.number for a in apps]},
    )
    return out.getvalue()
