"""Letters (告知书): numbered, filled from editable templates, rendered as .docx."""

import datetime as dt
import io
import re
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from gongkai.applications.models import Application, Letter, LetterKind, LetterTemplate
from gongkai.core import audit
from gongkai.core.dates import cn_date
from gongkai.core.models import Department, Role, User
from gongkai.core.permissions import (
    require_can_change_content,
    require_role,
    require_same_department,
)

# Placeholders a template may use, with what they mean (shown on the template page).
PLACEHOLDERS: dict[str, str] = {
    "applicant": "申请人姓名或名称",
    "number": "申请编号",
    "submitted": "提交申请日期",
    "received": "收到申请日期",
    "description": "申请内容",
    "deadline": "当前答复期限",
    "correction_note": "需补正的内容",
    "correction_due": "补正期限",
    "extension_days": "延长的工作日数",
    "extension_reason": "延长理由",
    "fee_amount": "收费金额（元）",
    "fee_mode": "收费方式",
    "fee_due": "缴费期限",
    "party": "征求意见对象",
    "party_due": "征求意见答复期限",
    "reply": "答复正文（答复时填写）",
    "office": "本机关名称",
    "office_address": "本机关地址",
    "office_phone": "本机关电话",
}

_PREFIX_SUFFIX = {
    LetterKind.CORRECTION: "依补",
    LetterKind.EXTENSION: "依延",
    LetterKind.CONSULTATION: "依征",
    LetterKind.FEE: "依费",
}

_REPLY_HEAD = (
    "{applicant}：\n本机关于{received}收到您（单位）提出的政府信息公开申请"
    "（申请编号{number}），申请获取“{description}”。"
)
_CONTACT = (
    "如对本答复不服，可以自收到本告知书之日起60日内依法申请行政复议，"
    "或者自收到本告知书之日起6个月内依法提起行政诉讼。\n"
    "联系电话：{office_phone}；地址：{office_address}。"
)

DEFAULTS: dict[str, tuple[str, str]] = {
    LetterKind.ALREADY_PUBLIC: (
        "政府信息公开申请答复告知书",
        _REPLY_HEAD + "经查，您申请获取的信息已经主动公开。根据《中华人民共和国政府信息公开条例》"
        "第三十六条第一项的规定，现告知您获取该信息的方式和途径：\n{reply}\n" + _CONTACT,
    ),
    LetterKind.DISCLOSED: (
        "政府信息公开申请答复告知书",
        _REPLY_HEAD + "经审查，根据《中华人民共和国政府信息公开条例》第三十六条第二项的规定，"
        "本机关决定向您公开该信息：\n{reply}\n" + _CONTACT,
    ),
    LetterKind.NOT_DISCLOSED: (
        "政府信息公开申请答复告知书",
        _REPLY_HEAD + "经审查，根据《中华人民共和国政府信息公开条例》第三十六条第三项的规定，"
        "本机关决定不予公开，理由如下：\n{reply}\n" + _CONTACT,
    ),
    LetterKind.NOT_EXIST: (
        "政府信息公开申请答复告知书",
        _REPLY_HEAD + "经检索查找，根据《中华人民共和国政府信息公开条例》第三十六条第四项的规定，"
        "现告知您：本机关未制作或获取您申请的政府信息，该政府信息不存在。\n{reply}\n" + _CONTACT,
    ),
    LetterKind.NOT_THIS_AGENCY: (
        "政府信息公开申请答复告知书",
        _REPLY_HEAD
        + "经审查，您申请的信息不属于本机关负责公开。根据《中华人民共和国政府信息公开条例》"
        "第三十六条第五项的规定，告知如下：\n{reply}\n" + _CONTACT,
    ),
    LetterKind.REPEATED: (
        "政府信息公开申请答复告知书",
        _REPLY_HEAD + "经审查，您的申请属于重复申请。根据《中华人民共和国政府信息公开条例》"
        "第三十六条第六项的规定，本机关不予重复处理。\n{reply}\n" + _CONTACT,
    ),
    LetterKind.SPECIAL_LAW: (
        "政府信息公开申请答复告知书",
        _REPLY_HEAD + "经审查，您申请获取的信息，有关法律、行政法规对信息的获取有特别规定。"
        "根据《中华人民共和国政府信息公开条例》第三十六条第七项的规定，告知如下：\n{reply}\n"
        + _CONTACT,
    ),
    LetterKind.CORRECTION: (
        "政府信息公开申请补正告知书",
        "{applicant}：\n本机关于{received}收到您（单位）提出的政府信息公开申请（申请编号{number}）。"
        "经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，"
        "请您对以下内容作出补正：\n{correction_note}\n请于{correction_due}前提交补正材料。"
        "答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。\n联系电话：{office_phone}。",
    ),
    LetterKind.EXTENSION: (
        "政府信息公开申请延期答复告知书",
        "{applicant}：\n本机关于{received}收到您（单位）提出的政府信息公开申请（申请编号{number}）。"
        "因{extension_reason}，不能在规定期限内作出答复。根据《中华人民共和国政府信息公开条例》"
        "第三十三条第二款的规定，经本机关政务公开工作机构负责人同意，答复期限延长{extension_days}"
        "个工作日，延长后的答复期限为{deadline}。\n联系电话：{office_phone}。",
    ),
    LetterKind.CONSULTATION: (
        "政府信息公开第三方意见征询函",
        "{party}：\n本机关收到政府信息公开申请（申请编号{number}），申请获取“{description}”。"
        "该信息可能涉及贵方合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，"
        "现书面征求贵方意见。请于{party_due}前（自收到本函之日起15个工作日内）提出书面意见；"
        "逾期未提出意见的，由本机关依照条例的规定决定是否公开。\n联系电话：{office_phone}。",
    ),
    LetterKind.FEE: (
        "政府信息公开信息处理费缴费通知书",
        "{applicant}：\n本机关于{received}收到您（单位）提出的政府信息公开申请（申请编号{number}）。"
        "因申请公开政府信息的数量、频次明显超过合理范围，根据《中华人民共和国政府信息公开条例》"
        "第四十二条和《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号），"
        "本机关依法收取信息处理费。收费方式：{fee_mode}；金额：人民币{fee_amount}元。"
        "请于{fee_due}前（自收到本通知之日起20个工作日内）缴纳。逾期未缴纳的，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。缴费期间不计算在答复期限内。\n联系电话：{office_phone}。",
    ),
}


def _abbr(department: Department) -> str:
    """示例市科技局 → 示科 (first character, then the first after 市)."""
    name = department.short_name or department.name
    rest = name.split("市", 1)[1] if "市" in name else name[1:]
    return name[:1] + rest[:1]


def default_prefix(department: Department, kind: str) -> str:
    return _abbr(department) + _PREFIX_SUFFIX.get(LetterKind(kind), "依复")


def ensure_templates(department: Department) -> None:
    for kind, (title, body) in DEFAULTS.items():
        LetterTemplate.objects.get_or_create(
            department=department,
            kind=kind,
            defaults={
                "title": title,
                "body": body,
                "number_prefix": default_prefix(department, kind),
            },
        )


def template_for(department: Department, kind: str) -> LetterTemplate:
    ensure_templates(department)
    return LetterTemplate.objects.get(department=department, kind=kind)


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(text: str, values: dict[str, str]) -> str:
    """Replace {name} placeholders; unknown ones stay visible so staff notice them. No format
    string features (attribute access, indexing) are interpreted."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def values_for(app: Application, extra: dict[str, str] | None = None) -> dict[str, str]:
    d = app.department
    values = {
        "applicant": app.name,
        "number": app.number,
        "submitted": cn_date(timezone.localdate(app.submitted_at)),
        "received": cn_date(app.received_on) if app.received_on else "",
        "description": app.description,
        "deadline": cn_date(app.deadline) if app.deadline else "",
        "correction_note": app.correction_note,
        "correction_due": cn_date(app.correction_due_on),
        "extension_days": str(app.extension_days),
        "extension_reason": app.extension_reason,
        "fee_amount": str(app.fee_amount),
        "fee_mode": app.get_fee_mode_display() if app.fee_mode else "",
        "fee_due": cn_date(app.fee_due_on),
        "office": d.name,
        "office_address": d.address,
        "office_phone": d.phone,
    }
    values.update(extra or {})
    return values


@transaction.atomic
def letter_issue(
    *,
    actor: User | None,
    application: Application,
    kind: str,
    today: dt.date,
    extra: dict[str, str] | None = None,
) -> Letter:
    """Number and store a letter. Numbers run per prefix and year: 示科依复〔2026〕12号."""
    department = Department.objects.select_for_update().get(pk=application.department_id)
    template = template_for(department, kind)
    prefix = template.number_prefix
    last = (
        Letter.objects.filter(department=department, prefix=prefix, year=today.year).aggregate(
            m=Max("seq")
        )["m"]
        or 0
    )
    seq = last + 1
    letter = Letter.objects.create(
        application=application,
        department=department,
        kind=kind,
        prefix=prefix,
        year=today.year,
        seq=seq,
        number=f"{prefix}〔{today.year}〕{seq}号",
        title=template.title,
        body=fill(template.body, values_for(application, extra)),
        issued_on=today,
        created_by=actor,
    )
    audit.record(
        actor=actor,
        action="applications.letter_issue",
        obj=application,
        after={"letter": letter.number, "kind": kind},
    )
    return letter


@transaction.atomic
def letter_template_update(
    *,
    actor: User,
    template: LetterTemplate,
    title: str,
    number_prefix: str,
    body: str,
) -> LetterTemplate:
    from gongkai.applications.services.common import ApplicationError

    require_role(actor, Role.DISCLOSURE_HEAD, Role.SYSADMIN)
    require_can_change_content(actor)
    require_same_department(actor, template.department_id, "答复模板")
    if not title.strip() or not body.strip() or not number_prefix.strip():
        raise ApplicationError("标题、文号前缀和正文都不能为空。")
    unknown = sorted(set(_PLACEHOLDER.findall(body)) - set(PLACEHOLDERS))
    if unknown:
        raise ApplicationError(
            "正文中有无法识别的占位符："
            + "、".join(f"{{{u}}}" for u in unknown)
            + "。可用的占位符见页面下方列表。"
        )
    before = {
        "title": template.title,
        "number_prefix": template.number_prefix,
        "body": template.body,
    }
    template.title, template.number_prefix, template.body = (
        title.strip(),
        number_prefix.strip(),
        body.strip(),
    )
    template.updated_by = actor
    template.save()
    audit.record(
        actor=actor,
        action="applications.template_update",
        obj=template,
        before=before,
        after={
            "title": template.title,
            "number_prefix": template.number_prefix,
            "body": template.body,
        },
    )
    return template


def letter_docx(letter: Letter) -> bytes:
    """The letter laid out as an official letter: title, number, addressee, body, issuing
    office, date and the seal area."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    style = doc.styles["Normal"]
    style.font.name = "FangSong"
    style.font.size = Pt(16)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")

    def para(
        text: str,
        *,
        align: Any = None,
        size: int = 16,
        bold: bool = False,
        font: str = "仿宋_GB2312",
        indent: bool = False,
    ) -> None:
        p = doc.add_paragraph()
        if align is not None:
            p.alignment = align
        if indent:
            p.paragraph_format.first_line_indent = Pt(size * 2)
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
        run.font.name = font
        run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)

    para(letter.department.name, align=WD_ALIGN_PARAGRAPH.CENTER, size=22, font="方正小标宋简体")
    para(letter.title, align=WD_ALIGN_PARAGRAPH.CENTER, size=22, font="方正小标宋简体")
    para(letter.number, align=WD_ALIGN_PARAGRAPH.CENTER)
    lines = letter.body.split("\n")
    if lines:
        para(lines[0])  # addressee, flush left
    for line in lines[1:]:
        if line.strip():
            para(line, indent=True)
    para("")
    para("（印章）", align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(letter.department.name, align=WD_ALIGN_PARAGRAPH.RIGHT)
    para(cn_date(letter.issued_on), align=WD_ALIGN_PARAGRAPH.RIGHT)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
