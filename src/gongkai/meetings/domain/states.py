"""PURE  The states of an open meeting.

draft ─announce─▶ announced ─close_registration (draw)─▶ registration_closed ─hold─▶ held
                      │                                     │                      │
                      └────────────cancel──────────────────┴─▶ cancelled           publish_minutes
                                                                                    ▼
                                                                             minutes_published
"""

from dataclasses import dataclass
from enum import StrEnum

from gongkai.core.errors import InvalidTransition


class Status(StrEnum):
    DRAFT = "draft"
    ANNOUNCED = "announced"
    REGISTRATION_CLOSED = "registration_closed"
    HELD = "held"
    MINUTES_PUBLISHED = "minutes_published"
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.DRAFT: "筹备中",
    Status.ANNOUNCED: "已发布公告，接受报名",
    Status.REGISTRATION_CLOSED: "报名已截止",
    Status.HELD: "已召开",
    Status.MINUTES_PUBLISHED: "已公开会议纪要",
    Status.CANCELLED: "已取消",
}
STATUS_CHOICES = [(s.value, s.label) for s in Status]
PUBLIC_STATUSES = frozenset(set(Status) - {Status.DRAFT})
HELD_STATUSES = frozenset({Status.HELD, Status.MINUTES_PUBLISHED})


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: frozenset[Status]
    target: Status


TRANSITIONS = {
    t.name: t
    for t in (
        Transition("announce", "发布会议公告", frozenset({Status.DRAFT}), Status.ANNOUNCED),
        Transition(
            "close_registration",
            "截止报名并确定列席人员",
            frozenset({Status.ANNOUNCED}),
            Status.REGISTRATION_CLOSED,
        ),
        Transition(
            "hold", "登记会议召开和出席情况", frozenset({Status.REGISTRATION_CLOSED}), Status.HELD
        ),
        Transition(
            "publish_minutes", "公开会议纪要", frozenset({Status.HELD}), Status.MINUTES_PUBLISHED
        ),
        Transition(
            "cancel",
            "取消会议",
            frozenset({Status.ANNOUNCED, Status.REGISTRATION_CLOSED}),
            Status.CANCELLED,
        ),
    )
}


def check(name: str, current: str) -> Transition:
    transition = TRANSITIONS[name]
    if Status(current) not in transition.sources:
        raise InvalidTransition(f"当前状态为“{Status(current).label}”，不能{transition.label}。")
    return transition


def allowed(current: str) -> list[str]:
    return [t.name for t in TRANSITIONS.values() if Status(current) in t.sources]
