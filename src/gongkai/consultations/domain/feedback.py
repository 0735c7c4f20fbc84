"""PURE  The feedback report (意见采纳情况反馈): what it counts and when it is complete.

Every accepted comment gets a disposition — 采纳, 部分采纳 or 未采纳 — and every one not fully
adopted a reason (DESIGN: "publish how comments were used, with a reason for each one not
adopted"; 《重大行政决策程序暂行条例》第十五条、国办发〔2018〕37号 ask for the adoption to be fed
back or explained). Identical comments may be grouped: the group's first comment carries the
disposition for all of them, and each is still counted by its own channel.

Withheld messages (abuse, never dissent: gongkai.core.participation) are not comments on the
draft, but the report says how many there were and why, so that nothing disappears silently.
"""

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Disposition(StrEnum):
    ADOPTED = "adopted"
    PARTLY = "partly"
    NOT_ADOPTED = "not_adopted"

    @property
    def label(self) -> str:
        return DISPOSITION_LABELS[self]

    @property
    def needs_reason(self) -> bool:
        return self != Disposition.ADOPTED


DISPOSITION_LABELS = {
    Disposition.ADOPTED: "采纳",
    Disposition.PARTLY: "部分采纳",
    Disposition.NOT_ADOPTED: "未采纳",
}
DISPOSITION_CHOICES = [(d.value, d.label) for d in Disposition]
MIN_REASON = 6


class Channel(StrEnum):
    ONLINE = "online"
    LETTER = "letter"
    EMAIL = "email"
    HEARING = "hearing"
    EXPERT = "expert"
    SYMPOSIUM = "symposium"
    SURVEY = "survey"
    OTHER = "other"

    @property
    def label(self) -> str:
        return CHANNEL_LABELS[self]


CHANNEL_LABELS = {
    Channel.ONLINE: "网上征集",
    Channel.LETTER: "信函",
    Channel.EMAIL: "电子邮件",
    Channel.HEARING: "听证会",
    Channel.EXPERT: "专家论证会",
    Channel.SYMPOSIUM: "座谈会",
    Channel.SURVEY: "问卷调查",
    Channel.OTHER: "其他方式",
}
CHANNEL_CHOICES = [(c.value, c.label) for c in Channel]
STAFF_CHANNELS = [(c.value, c.label) for c in Channel if c != Channel.ONLINE]


def reason_error(disposition: str, reason: str) -> str | None:
    try:
        d = Disposition(disposition)
    except ValueError:
        return "请选择处理结果：采纳、部分采纳或未采纳。"
    if d.needs_reason and len(reason.strip()) < MIN_REASON:
        return f"“{d.label}”的意见须说明理由（至少{MIN_REASON}个字），理由将在反馈中公布。"
    return None


@dataclass(frozen=True)
class Item:
    """One comment as the report sees it."""

    number: int
    channel: str
    disposition: str  # "" = not yet decided
    reason: str
    group_of: int | None = None  # the number of the comment whose disposition it shares


@dataclass(frozen=True)
class Summary:
    total: int
    by_channel: dict[str, int]
    by_disposition: dict[str, int]
    undecided: list[int] = field(default_factory=list)
    missing_reason: list[int] = field(default_factory=list)
    withheld: dict[str, int] = field(default_factory=dict)

    @property
    def complete(self) -> bool:
        return not self.undecided and not self.missing_reason

    def problems(self) -> list[str]:
        out = []
        if self.undecided:
            out.append(f"尚有{len(self.undecided)}条意见未作处理（第{_nums(self.undecided)}条）。")
        if self.missing_reason:
            out.append(
                f"{len(self.missing_reason)}条未采纳或部分采纳的意见未说明理由"
                f"（第{_nums(self.missing_reason)}条）。"
            )
        return out


def _nums(numbers: Sequence[int]) -> str:
    shown = "、".join(str(n) for n in numbers[:10])
    return shown + ("等" if len(numbers) > 10 else "")


def effective(items: Iterable[Item]) -> list[Item]:
    """Each item with the disposition it has in effect (its group's, when grouped)."""
    items = list(items)
    by_number = {i.number: i for i in items}
    out = []
    for item in items:
        lead = by_number.get(item.group_of) if item.group_of else None
        if lead is not None:
            item = Item(item.number, item.channel, lead.disposition, lead.reason, item.group_of)
        out.append(item)
    return out


def summarise(items: Iterable[Item], withheld: Iterable[str] = ()) -> Summary:
    items = effective(items)
    by_channel = Counter(i.channel for i in items)
    by_disposition = Counter(i.disposition for i in items if i.disposition)
    undecided = sorted(i.number for i in items if not i.disposition)
    missing = sorted(
        i.number
        for i in items
        if i.disposition
        and Disposition(i.disposition).needs_reason
        and len(i.reason.strip()) < MIN_REASON
    )
    return Summary(
        total=len(items),
        by_channel={c.value: by_channel[c.value] for c in Channel if by_channel[c.value]},
        by_disposition={d.value: by_disposition[d.value] for d in Disposition},
        undecided=undecided,
        missing_reason=missing,
        withheld=dict(Counter(withheld)),
    )
