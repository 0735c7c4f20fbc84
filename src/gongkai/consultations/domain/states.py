"""PURE  The states of a consultation and the transitions between them.

    draft ──open──▶ open ──close──▶ closed ──publish_feedback──▶ feedback published
                     │  └─extend─┘
                     └─withdraw──▶ withdrawn

A consultation closes on its closing date (the daily job) or by staff once the date has come; it
cannot be closed early (that would shorten the period the public was promised).
"""

from dataclasses import dataclass
from enum import StrEnum

from gongkai.core.errors import InvalidTransition


class Status(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    FEEDBACK_PUBLISHED = "feedback_published"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.DRAFT: "草拟中",
    Status.OPEN: "正在征求意见",
    Status.CLOSED: "征求意见已结束，意见处理中",
    Status.FEEDBACK_PUBLISHED: "已公布意见采纳情况",
    Status.WITHDRAWN: "已终止征求意见",
}
STATUS_CHOICES = [(s.value, s.label) for s in Status]
PUBLIC_STATUSES = frozenset(
    {Status.OPEN, Status.CLOSED, Status.FEEDBACK_PUBLISHED, Status.WITHDRAWN}
)


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[Status]
    target: Status | None  # None: the state does not change (extend)


TRANSITIONS = {
    t.name: t
    for t in (
        Transition("open", "发布征求意见", frozenset({Status.DRAFT}), Status.OPEN),
        Transition("extend", "延长征求意见期限", frozenset({Status.OPEN}), None),
        Transition("close", "结束征求意见", frozenset({Status.OPEN}), Status.CLOSED),
        Transition(
            "publish_feedback",
            "公布意见采纳情况",
            frozenset({Status.CLOSED}),
            Status.FEEDBACK_PUBLISHED,
        ),
        Transition("withdraw", "终止征求意见", frozenset({Status.OPEN}), Status.WITHDRAWN),
    )
}


def check(name: str, current: str) -> Transition:
    transition = TRANSITIONS[name]
    if Status(current) not in transition.sources:
        raise InvalidTransition(f"当前状态为“{Status(current).label}”，不能{transition.label}。")
    return transition


def allowed(current: str) -> list[str]:
    return [t.name for t in TRANSITIONS.values() if Status(current) in t.sources]
