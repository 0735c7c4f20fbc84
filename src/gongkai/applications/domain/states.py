"""The states of an application and the transitions between them. Pure: no Django.

The table `TRANSITIONS` is the whole state machine: every service looks its action up here and
refuses anything not listed, with a Chinese message naming the current state.
"""

from dataclasses import dataclass
from enum import StrEnum

from gongkai.core.errors import InvalidTransition


class Status(StrEnum):
    AWAITING_CONFIRMATION = "awaiting_confirmation"
    IN_PROGRESS = "in_progress"
    AWAITING_CORRECTION = "awaiting_correction"
    CONSULTING = "consulting"
    AWAITING_FEE = "awaiting_fee"
    REPLIED = "replied"
    WITHDRAWN = "withdrawn"
    ABANDONED = "abandoned"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, str] = {
    Status.AWAITING_CONFIRMATION: "待确认收到",
    Status.IN_PROGRESS: "办理中",
    Status.AWAITING_CORRECTION: "待申请人补正",
    Status.CONSULTING: "征求意见中（暂停计时）",
    Status.AWAITING_FEE: "待缴纳信息处理费",
    Status.REPLIED: "已答复",
    Status.WITHDRAWN: "申请人已撤回",
    Status.ABANDONED: "视为放弃申请",
}
STATUS_CHOICES: list[tuple[str, str]] = [(s.value, s.label) for s in Status]

OPEN_STATUSES: frozenset[Status] = frozenset(
    {
        Status.IN_PROGRESS,
        Status.AWAITING_CORRECTION,
        Status.CONSULTING,
        Status.AWAITING_FEE,
    }
)
CLOSED_STATUSES: frozenset[Status] = frozenset({Status.REPLIED, Status.WITHDRAWN, Status.ABANDONED})
# States in which the 20-working-day reply clock runs (条例第三十三条; the time between a fee
# notice and payment is not counted, 国办函〔2020〕109号).
CLOCK_RUNNING: frozenset[Status] = frozenset({Status.IN_PROGRESS})


class Action(StrEnum):
    CONFIRM = "confirm"
    REQUEST_CORRECTION = "request_correction"
    RECEIVE_CORRECTION = "receive_correction"
    CORRECTION_LAPSED = "correction_lapsed"
    START_CONSULTATION = "start_consultation"
    END_CONSULTATION = "end_consultation"
    EXTEND = "extend"
    ISSUE_FEE_NOTICE = "issue_fee_notice"
    FEE_PAID = "fee_paid"
    FEE_LAPSED = "fee_lapsed"
    REPLY = "reply"
    WITHDRAW = "withdraw"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS: dict[Action, str] = {
    Action.CONFIRM: "确认收到申请",
    Action.REQUEST_CORRECTION: "要求补正",
    Action.RECEIVE_CORRECTION: "收到补正",
    Action.CORRECTION_LAPSED: "逾期未补正，视为放弃",
    Action.START_CONSULTATION: "征求第三方或其他机关意见",
    Action.END_CONSULTATION: "征求意见结束",
    Action.EXTEND: "延长答复期限",
    Action.ISSUE_FEE_NOTICE: "发出收费通知",
    Action.FEE_PAID: "已缴费",
    Action.FEE_LAPSED: "逾期未缴费，视为放弃",
    Action.REPLY: "作出答复",
    Action.WITHDRAW: "申请人撤回",
}


@dataclass(frozen=True)
class Transition:
    sources: frozenset[Status]
    # None: the state does not change (an extension is a fact, not a state).
    target: Status | None


def _t(sources: set[Status], target: Status | None) -> Transition:
    return Transition(frozenset(sources), target)


TRANSITIONS: dict[Action, Transition] = {
    # 条例第三十一条: online/fax applications count from the day both sides confirm.
    Action.CONFIRM: _t({Status.AWAITING_CONFIRMATION}, Status.IN_PROGRESS),
    # 条例第三十条: once, within 7 working days of receipt.
    Action.REQUEST_CORRECTION: _t({Status.IN_PROGRESS}, Status.AWAITING_CORRECTION),
    Action.RECEIVE_CORRECTION: _t({Status.AWAITING_CORRECTION}, Status.IN_PROGRESS),
    Action.CORRECTION_LAPSED: _t({Status.AWAITING_CORRECTION}, Status.ABANDONED),
    # 条例第三十二条、第三十四条、第三十三条第三款: consultation time is not counted.
    Action.START_CONSULTATION: _t({Status.IN_PROGRESS}, Status.CONSULTING),
    Action.END_CONSULTATION: _t({Status.CONSULTING}, Status.IN_PROGRESS),
    # 条例第三十三条第二款
    Action.EXTEND: _t({Status.IN_PROGRESS, Status.CONSULTING}, None),
    # 条例第四十二条
    Action.ISSUE_FEE_NOTICE: _t({Status.IN_PROGRESS}, Status.AWAITING_FEE),
    Action.FEE_PAID: _t({Status.AWAITING_FEE}, Status.IN_PROGRESS),
    Action.FEE_LAPSED: _t({Status.AWAITING_FEE}, Status.ABANDONED),
    # 条例第三十六条
    Action.REPLY: _t({Status.IN_PROGRESS}, Status.REPLIED),
    Action.WITHDRAW: _t({Status.AWAITING_CONFIRMATION, *OPEN_STATUSES}, Status.WITHDRAWN),
}


def next_status(current: str, action: Action) -> Status:
    """The state after `action`, or InvalidTransition naming what is possible instead."""
    status = Status(current)
    transition = TRANSITIONS[action]
    if status not in transition.sources:
        allowed = "、".join(a.label for a in allowed_actions(status)) or "无（办理已结束）"
        raise InvalidTransition(
            f"申请当前状态为“{status.label}”，不能执行“{action.label}”。当前可执行的操作：{allowed}。"
        )
    return transition.target or status


def allowed_actions(current: str) -> list[Action]:
    status = Status(current)
    return [a for a, t in TRANSITIONS.items() if status in t.sources]
