"""The review chain of an official document as an explicit state machine.

draft → 处室负责人审核 → 合法性审查 (normative documents and major decisions only) → 保密审查 →
办公室签发 → 已公开 (主动公开) or 已办结 (依申请公开 / 不予公开, not on the portal).
Every review step can return the document to the drafter with a reason (退文).
"""

from dataclasses import dataclass
from enum import StrEnum

from gongkai.core.errors import InvalidTransition


class Status(StrEnum):
    DRAFT = "draft"
    RETURNED = "returned"
    DIVISION_REVIEW = "division_review"
    LEGALITY_REVIEW = "legality_review"
    CONFIDENTIALITY_REVIEW = "confidentiality_review"
    OFFICE_SIGNOFF = "office_signoff"
    PUBLISHED = "published"
    FILED = "filed"
    WITHDRAWN = "withdrawn"


STATUS_LABELS: dict[Status, str] = {
    Status.DRAFT: "起草中",
    Status.RETURNED: "已退文待修改",
    Status.DIVISION_REVIEW: "待处室负责人审核",
    Status.LEGALITY_REVIEW: "待合法性审查",
    Status.CONFIDENTIALITY_REVIEW: "待保密审查",
    Status.OFFICE_SIGNOFF: "待办公室签发",
    Status.PUBLISHED: "已公开",
    Status.FILED: "已办结（不主动公开）",
    Status.WITHDRAWN: "已撤回",
}

EDITABLE = frozenset({Status.DRAFT, Status.RETURNED})
IN_REVIEW = frozenset(
    {
        Status.DIVISION_REVIEW,
        Status.LEGALITY_REVIEW,
        Status.CONFIDENTIALITY_REVIEW,
        Status.OFFICE_SIGNOFF,
    }
)

# Role values as stored by gongkai.core.models.Role (kept as plain strings: no Django here).
DRAFTER = "drafter"
DIVISION_HEAD = "division_head"
LEGALITY_REVIEWER = "legality_reviewer"
CONFIDENTIALITY_REVIEWER = "confidentiality_reviewer"
PUBLISHER = "publisher"
DISCLOSURE_HEAD = "disclosure_head"

# Who acts on a document in each review state (also: who may return it from there).
REVIEWER_OF: dict[Status, tuple[str, ...]] = {
    Status.DIVISION_REVIEW: (DIVISION_HEAD,),
    Status.LEGALITY_REVIEW: (LEGALITY_REVIEWER,),
    Status.CONFIDENTIALITY_REVIEW: (CONFIDENTIALITY_REVIEWER,),
    Status.OFFICE_SIGNOFF: (PUBLISHER, DISCLOSURE_HEAD),
}


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[Status]
    roles: tuple[str, ...]
    # Division heads and drafters act only on their own division's documents.
    own_division_only: bool = False
    needs_reason: bool = False


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition(
            "submit", "提交审核", frozenset({Status.DRAFT, Status.RETURNED}), (DRAFTER,), True
        ),
        Transition(
            "head_approve",
            "处室负责人审核通过",
            frozenset({Status.DIVISION_REVIEW}),
            (DIVISION_HEAD,),
            True,
        ),
        Transition(
            "legality_approve",
            "合法性审查通过",
            frozenset({Status.LEGALITY_REVIEW}),
            (LEGALITY_REVIEWER,),
        ),
        Transition(
            "confidentiality_approve",
            "保密审查通过",
            frozenset({Status.CONFIDENTIALITY_REVIEW}),
            (CONFIDENTIALITY_REVIEWER,),
        ),
        Transition(
            "sign_off",
            "办公室签发",
            frozenset({Status.OFFICE_SIGNOFF}),
            (PUBLISHER, DISCLOSURE_HEAD),
        ),
        Transition(
            "return",
            "退文",
            frozenset(IN_REVIEW),
            (
                DIVISION_HEAD,
                LEGALITY_REVIEWER,
                CONFIDENTIALITY_REVIEWER,
                PUBLISHER,
                DISCLOSURE_HEAD,
            ),
            needs_reason=True,
        ),
        Transition(
            "withdraw",
            "撤回公开",
            frozenset({Status.PUBLISHED}),
            (PUBLISHER, DISCLOSURE_HEAD),
            needs_reason=True,
        ),
        # 年度复查 (docs/documents.md): a non-public document converted to proactive disclosure
        # goes through the normal chain again.
        Transition(
            "reopen",
            "转为主动公开，重新审核",
            frozenset({Status.FILED}),
            (DIVISION_HEAD, PUBLISHER, DISCLOSURE_HEAD),
        ),
    )
}


def check_source(name: str, status: Status) -> Transition:
    transition = TRANSITIONS[name]
    if status not in transition.sources:
        raise InvalidTransition(
            f"公文当前状态为“{STATUS_LABELS[status]}”，不能执行“{transition.label}”。"
        )
    return transition


def after_division_review(*, is_normative: bool, is_major_decision: bool) -> Status:
    """Legality review is mandatory for normative documents and major decisions
    (重大行政决策程序暂行条例第二十五条; 规范性文件合法性审核)."""
    if is_normative or is_major_decision:
        return Status.LEGALITY_REVIEW
    return Status.CONFIDENTIALITY_REVIEW


def after_sign_off(*, proactive: bool) -> Status:
    """主动公开 documents go live on the portal; the others are filed, not published."""
    return Status.PUBLISHED if proactive else Status.FILED


def reviewer_may_return(status: Status, roles: frozenset[str]) -> bool:
    return bool(set(REVIEWER_OF.get(status, ())) & roles)


def available(status: Status, roles: frozenset[str]) -> list[Transition]:
    """Transitions the holder of `roles` may attempt from `status` (division scope aside)."""
    result = []
    for t in TRANSITIONS.values():
        if status not in t.sources or not set(t.roles) & roles:
            continue
        if t.name == "return" and not reviewer_may_return(status, roles):
            continue
        if t.name == "reopen":
            continue  # only through the yearly review
        result.append(t)
    return result
