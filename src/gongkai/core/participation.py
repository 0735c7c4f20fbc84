"""PURE  What every public-participation form shares: comments on drafts, registrations for open
meetings, and (next) mailbox messages and suggestions.

- **Moderation is for abuse, never for dissent.** A message is withheld from publication only
  for one of `WITHHOLD_REASONS` (advertising, insults, unlawful content, someone else's personal
  data, flooding), chosen by staff and recorded with the audit log. Disagreeing with the bureau,
  however sharply, is not a reason, so there is no such choice. A withheld message is still
  counted in what is published ("另有 N 条因……未予公开"), so withholding cannot make opposition
  disappear. `screen()` only *flags* what staff should look at; it never withholds by itself.
- **Personal data is never published without consent.** `redact()` masks phone numbers, ID
  numbers and e-mail addresses inside free text (a commenter often signs with a phone number);
  `public_author()` shows a name only when its writer consented, otherwise the kind of writer.
  Masks follow common practice: 138****1234, 52*************12X.

Django adapters (rate limits per address, one-submission tokens) are in
`gongkai.core.public_forms`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Moderation(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    WITHHELD = "withheld"


MODERATION_LABELS = {
    Moderation.PENDING: "待审核",
    Moderation.ACCEPTED: "已受理",
    Moderation.WITHHELD: "不予公开（滥用）",
}

# The only reasons a message may be withheld. Opinion, criticism and opposition are not among
# them, by design.
WITHHOLD_REASONS = {
    "advertising": "商业广告或垃圾信息",
    "abuse": "侮辱、谩骂或人身攻击",
    "unlawful": "违法有害信息（赌博、色情、暴力、煽动等）",
    "privacy": "含有他人个人隐私",
    "flooding": "同一来源大量重复提交（灌水）",
}

MIN_TEXT = 5
MAX_TEXT = 5000

_LINK = re.compile(r"(https?://|www\.)\S+", re.I)
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})[\s-]?(\d{3,4})(\d{4})(?!\d)")
_ID = re.compile(r"(?<![0-9A-Za-z])(\d{2})\d{13}(\d{2}[0-9Xx])(?![0-9A-Za-z])")
_EMAIL = re.compile(r"([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})")
_REPEAT = re.compile(r"(.)\1{9,}")
# Words that mark gambling/advertising spam on government sites (docs/monitoring.md), not opinion.
_SPAM_WORDS = (
    "博彩",
    "赌场",
    "彩票平台",
    "娱乐城",
    "代开发票",
    "加微信",
    "威信",
    "贷款秒批",
    "刷单",
)


def redact(text: str) -> str:
    """Mask personal data inside free text before it is published."""
    text = _ID.sub(lambda m: f"{m.group(1)}{'*' * 13}{m.group(2)}", text)
    text = _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", text)
    text = _LANDLINE.sub(lambda m: f"{m.group(1)}-****{m.group(3)}", text)
    return _EMAIL.sub(lambda m: f"{m.group(1)}***@{m.group(2)}", text)


def public_author(name: str, consent: bool, fallback: str = "社会公众") -> str:
    """The name a published page shows: the writer's own, only with consent."""
    name = name.strip()
    return redact(name) if consent and name else fallback


@dataclass(frozen=True)
class Flag:
    code: str
    label: str


def screen(text: str) -> list[Flag]:
    """What staff should look at before accepting a message. Never a verdict: a flagged message
    stays pending until a person decides, and an unflagged one may still be withheld."""
    flags = []
    if len(_LINK.findall(text)) >= 2:
        flags.append(Flag("links", "含多个网址链接"))
    if any(word in text for word in _SPAM_WORDS):
        flags.append(Flag("spam_words", "含疑似广告或赌博推广用语"))
    if _REPEAT.search(text):
        flags.append(Flag("repeat", "含大量重复字符"))
    if redact(text) != text:
        flags.append(Flag("personal_data", "含电话、证件号或邮箱（公开时自动隐藏）"))
    return flags


def text_error(text: str, *, what: str = "意见", minimum: int = MIN_TEXT) -> str | None:
    """A clear Chinese message for text that cannot be accepted, or None."""
    stripped = text.strip()
    if len(stripped) < minimum:
        return f"请填写{what}内容（至少{minimum}个字）。"
    if len(stripped) > MAX_TEXT:
        return f"{what}内容不超过{MAX_TEXT}字，当前{len(stripped)}字；内容较多的，请分条提交或通过信函、电子邮件提交。"
    if _CONTROL.search(stripped):
        return f"{what}内容含有无法识别的控制字符，请删除后重新提交。"
    return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def control_error(**fields: str) -> dict[str, str]:
    """Fields holding control characters (NUL and the like, which no person types and PostgreSQL
    refuses to store), each with a clear message."""
    return {
        name: "内容含有无法识别的控制字符，请删除后重新提交。"
        for name, value in fields.items()
        if _CONTROL.search(value)
    }


def withhold_error(reason: str, note: str) -> str | None:
    if reason not in WITHHOLD_REASONS:
        choices = "、".join(WITHHOLD_REASONS.values())
        return f"只能因以下原因不予公开：{choices}。不同意见、批评意见必须受理。"
    if len(note.strip()) < 4:
        return "请简要说明不予公开的具体情况（至少4个字），以备核查。"
    return None
