"""Outcome codes, Art. 36 reply types and applicant categories — the single source of the labels
used by letters, statistics and the annual report (国办公开办函〔2021〕30号 表三、表四).

Pure module: no Django. The reports app imports these; keep codes stable (they are stored).

Every reply records exactly one `Outcome` (a 表三 row under 三、本年度办理结果), so the annual
report needs no re-keying. `OUTCOMES` lists them in table order; `OUTCOME_GROUPS` gives the
group headings （一）…（六）.
"""

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Outcome:
    code: str
    group: str  # "一" … "六"
    number: int  # 0 for a group without sub-rows (（一）予以公开, （二）部分公开)
    label: str  # the official row label, exactly as printed in 表三

    @property
    def full_label(self) -> str:
        """E.g. "（三）不予公开 · 1.属于国家秘密"."""
        head = OUTCOME_GROUPS[self.group]
        if self.number == 0:
            return head
        return f"{head} · {self.number}.{self.label}"


# 表三 三、本年度办理结果 — group headings, exactly as printed.
OUTCOME_GROUPS: dict[str, str] = {
    "一": "（一）予以公开",
    "二": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "三": "（三）不予公开",
    "四": "（四）无法提供",
    "五": "（五）不予处理",
    "六": "（六）其他处理",
}

OUTCOMES: tuple[Outcome, ...] = (
    Outcome("disclosed", "一", 0, "予以公开"),
    Outcome("partly_disclosed", "二", 0, "部分公开（区分处理的，只计这一情形，不计其他情形）"),
    Outcome("withheld_state_secret", "三", 1, "属于国家秘密"),
    Outcome("withheld_prohibited_by_law", "三", 2, "其他法律行政法规禁止公开"),
    Outcome("withheld_three_safeties", "三", 3, "危及“三安全一稳定”"),
    Outcome("withheld_third_party", "三", 4, "保护第三方合法权益"),
    Outcome("withheld_internal_affairs", "三", 5, "属于三类内部事务信息"),
    Outcome("withheld_process_info", "三", 6, "属于四类过程性信息"),
    Outcome("withheld_enforcement_file", "三", 7, "属于行政执法案卷"),
    Outcome("withheld_inquiry_matter", "三", 8, "属于行政查询事项"),
    Outcome("unavailable_not_held", "四", 1, "本机关不掌握相关政府信息"),
    Outcome("unavailable_needs_creation", "四", 2, "没有现成信息需要另行制作"),
    Outcome("unavailable_still_unclear", "四", 3, "补正后申请内容仍不明确"),
    Outcome("not_processed_petition", "五", 1, "信访举报投诉类申请"),
    Outcome("not_processed_repeated", "五", 2, "重复申请"),
    Outcome("not_processed_publication", "五", 3, "要求提供公开出版物"),
    Outcome("not_processed_mass_repeated", "五", 4, "无正当理由大量反复申请"),
    Outcome("not_processed_reconfirm", "五", 5, "要求行政机关确认或重新出具已获取信息"),
    Outcome(
        "other_no_correction",
        "六",
        1,
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    Outcome(
        "other_fee_unpaid",
        "六",
        2,
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    Outcome("other", "六", 3, "其他"),
)

OUTCOME_BY_CODE: dict[str, Outcome] = {o.code: o for o in OUTCOMES}
# For Django `choices=`: (code, full label).
OUTCOME_CHOICES: list[tuple[str, str]] = [(o.code, o.full_label) for o in OUTCOMES]

# Outcomes recorded automatically when the applicant drops out (条例第三十条、第四十二条).
OUTCOME_ABANDONED_NO_CORRECTION = "other_no_correction"
OUTCOME_ABANDONED_FEE_UNPAID = "other_fee_unpaid"


class ReplyType(StrEnum):
    """条例第三十六条 reply types (告知书), short labels as in docs/applications.md."""

    ALREADY_PUBLIC = "already_public"
    DISCLOSED = "disclosed"
    NOT_DISCLOSED = "not_disclosed"
    NOT_EXIST = "not_exist"
    NOT_THIS_AGENCY = "not_this_agency"
    REPEATED = "repeated"
    SPECIAL_LAW = "special_law"

    @property
    def label(self) -> str:
        return REPLY_TYPE_LABELS[self]


REPLY_TYPE_LABELS: dict[ReplyType, str] = {
    ReplyType.ALREADY_PUBLIC: "已主动公开（告知获取方式）",
    ReplyType.DISCLOSED: "予以公开",
    ReplyType.NOT_DISCLOSED: "不予公开（说明理由）",
    ReplyType.NOT_EXIST: "信息不存在",
    ReplyType.NOT_THIS_AGENCY: "非本机关负责公开（告知负责机关）",
    ReplyType.REPEATED: "重复申请不予重复处理",
    ReplyType.SPECIAL_LAW: "按特别规定办理（如工商、不动产登记资料）",
}
REPLY_TYPE_CHOICES: list[tuple[str, str]] = [(t.value, t.label) for t in ReplyType]

# 条例第三十六条 each reply type → the 表三 outcome(s) it may be counted under. The first is the
# default offered on the reply form. An already-public answer counts as 予以公开 (the information
# is provided by telling the way to get it); "not this agency" and "does not exist" are both
# 本机关不掌握; special-law information is 其他处理.
REPLY_TYPE_OUTCOMES: dict[ReplyType, tuple[str, ...]] = {
    ReplyType.ALREADY_PUBLIC: ("disclosed",),
    ReplyType.DISCLOSED: ("disclosed", "partly_disclosed"),
    ReplyType.NOT_DISCLOSED: (
        "withheld_state_secret",
        "withheld_prohibited_by_law",
        "withheld_three_safeties",
        "withheld_third_party",
        "withheld_internal_affairs",
        "withheld_process_info",
        "withheld_enforcement_file",
        "withheld_inquiry_matter",
        "partly_disclosed",
    ),
    ReplyType.NOT_EXIST: (
        "unavailable_not_held",
        "unavailable_needs_creation",
        "unavailable_still_unclear",
    ),
    ReplyType.NOT_THIS_AGENCY: ("unavailable_not_held",),
    ReplyType.REPEATED: ("not_processed_repeated", "not_processed_mass_repeated"),
    ReplyType.SPECIAL_LAW: (
        "other",
        "not_processed_publication",
        "not_processed_petition",
        "not_processed_reconfirm",
    ),
}


def outcome_allowed(reply_type: str, outcome: str) -> bool:
    try:
        return outcome in REPLY_TYPE_OUTCOMES[ReplyType(reply_type)]
    except ValueError:
        return False


class ApplicantType(StrEnum):
    """表三 申请人情况 columns (excluding 总计)."""

    NATURAL_PERSON = "natural_person"
    COMMERCIAL = "commercial"
    RESEARCH = "research"
    PUBLIC_INTEREST = "public_interest"
    LEGAL_SERVICE = "legal_service"
    OTHER_ORG = "other_org"

    @property
    def label(self) -> str:
        return APPLICANT_TYPE_LABELS[self]

    @property
    def is_organisation(self) -> bool:
        return self is not ApplicantType.NATURAL_PERSON


APPLICANT_TYPE_LABELS: dict[ApplicantType, str] = {
    ApplicantType.NATURAL_PERSON: "自然人",
    ApplicantType.COMMERCIAL: "商业企业",
    ApplicantType.RESEARCH: "科研机构",
    ApplicantType.PUBLIC_INTEREST: "社会公益组织",
    ApplicantType.LEGAL_SERVICE: "法律服务机构",
    ApplicantType.OTHER_ORG: "其他",
}
APPLICANT_TYPE_CHOICES: list[tuple[str, str]] = [(t.value, t.label) for t in ApplicantType]
ORGANISATION_TYPES: tuple[ApplicantType, ...] = tuple(t for t in ApplicantType if t.is_organisation)
# Column heading over the five organisation columns.
ORGANISATION_HEADING = "法人或其他组织"


# 表四 政府信息公开行政复议、行政诉讼情况
class ReviewKind(StrEnum):
    RECONSIDERATION = "reconsideration"
    LITIGATION_DIRECT = "litigation_direct"
    LITIGATION_AFTER = "litigation_after"

    @property
    def label(self) -> str:
        return REVIEW_KIND_LABELS[self]


REVIEW_KIND_LABELS: dict[ReviewKind, str] = {
    ReviewKind.RECONSIDERATION: "行政复议",
    ReviewKind.LITIGATION_DIRECT: "行政诉讼（未经复议直接起诉）",
    ReviewKind.LITIGATION_AFTER: "行政诉讼（复议后起诉）",
}
REVIEW_KIND_CHOICES: list[tuple[str, str]] = [(k.value, k.label) for k in ReviewKind]


class ReviewResult(StrEnum):
    UPHELD = "upheld"
    CORRECTED = "corrected"
    OTHER = "other"
    PENDING = "pending"

    @property
    def label(self) -> str:
        return REVIEW_RESULT_LABELS[self]


# 表四 column labels, exactly as printed.
REVIEW_RESULT_LABELS: dict[ReviewResult, str] = {
    ReviewResult.UPHELD: "结果维持",
    ReviewResult.CORRECTED: "结果纠正",
    ReviewResult.OTHER: "其他结果",
    ReviewResult.PENDING: "尚未审结",
}
REVIEW_RESULT_CHOICES: list[tuple[str, str]] = [(r.value, r.label) for r in ReviewResult]
