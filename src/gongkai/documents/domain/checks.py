"""Automatic pre-publication checks (发布前自动检查). One detector per kind, all registered in
DETECTORS below — the confidentiality reviewer sees every finding, and approval is blocked until
the findings are resolved (the text fixed) or overridden with a written reason.

Detectors deliberately over-report: a word like 秘密 inside "保守国家秘密" is flagged as
*possible* (certain=False) so a person decides; nothing is silently ignored except the
department's own published contact details (the allow list).
"""

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from gongkai.core.identifiers import luhn_valid, resident_id_error


@dataclass(frozen=True)
class Finding:
    kind: str
    label: str
    text: str
    start: int
    context: str
    certain: bool
    note: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "label": self.label,
            "text": self.text,
            "start": self.start,
            "context": self.context,
            "certain": self.certain,
            "note": self.note,
        }


DetectorFunc = Callable[[str, frozenset[str]], Iterable[Finding]]


@dataclass(frozen=True)
class Detector:
    kind: str
    label: str
    func: DetectorFunc


DETECTORS: list[Detector] = []


def detector(kind: str, label: str) -> Callable[[DetectorFunc], DetectorFunc]:
    """Register a detector; the built-ins below use the same mechanism an extension would."""

    def register(func: DetectorFunc) -> DetectorFunc:
        if all(d.kind != kind for d in DETECTORS):
            DETECTORS.append(Detector(kind, label, func))
        return func

    return register


def _context(text: str, start: int, end: int, width: int = 12) -> str:
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    return f"{left}【{text[start:end]}】{right}".replace("\n", " ")


def _finding(
    kind: str,
    label: str,
    text: str,
    m: re.Match[str],
    *,
    certain: bool,
    note: str = "",
    group: int = 0,
) -> Finding:
    start, end = m.span(group)
    return Finding(kind, label, m.group(group), start, _context(text, start, end), certain, note)


# --- 密级标志 --------------------------------------------------------------------------------
# GB/T 9704-2012 7.2.2: 密级和保密期限 such as "秘密★1年", "机密★", "绝密".
_MARK_RE = re.compile(r"(绝密|机密|秘密)\s*(★|☆|\*)\s*(\d+\s*年|长期)?|★\s*(\d+\s*年|长期)")
_WORD_RE = re.compile(r"绝密|机密|秘密")
_INTERNAL_RE = re.compile(
    r"内部(资料|文件|使用|发行|明电|★|刊物)|内部\s*[★☆]|(?<![\u4e00-\u9fff])内部(?![\u4e00-\u9fff])"
)
# Phrases in which 秘密/机密 are ordinary vocabulary, not a mark on this document.
_BENIGN = ("国家秘密", "商业秘密", "工作秘密", "技术秘密", "保密", "泄露", "泄密", "涉密")


@detector("classification", "密级标志")
def classification_marks(text: str, allow: frozenset[str]) -> Iterator[Finding]:
    marked: set[int] = set()
    for m in _MARK_RE.finditer(text):
        marked.update(range(*m.span()))
        yield _finding(
            "classification",
            "密级标志",
            text,
            m,
            certain=True,
            note="带★的密级和保密期限标志，涉密公文不得公开。",
        )
    for m in _WORD_RE.finditer(text):
        if m.start() in marked:
            continue
        window = text[max(0, m.start() - 4) : m.end() + 4]
        benign = any(b in window for b in _BENIGN)
        standalone = _is_line_alone(text, m.start(), m.end())
        yield _finding(
            "classification",
            "密级标志",
            text,
            m,
            certain=standalone and not benign,
            note="疑似正文用语（如“保守国家秘密”），请审查人判断。"
            if benign
            else "出现密级字样，请确认本文件是否涉密。",
        )
    for m in _INTERNAL_RE.finditer(text):
        yield _finding(
            "classification",
            "密级标志",
            text,
            m,
            certain=False,
            note="“内部”字样，请确认是否为内部资料。",
        )


def _is_line_alone(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line.strip()) <= 8


# --- 居民身份证号码 --------------------------------------------------------------------------
_ID_RE = re.compile(r"(?<![\dA-Za-z])(\d{17}[\dXx])(?![\dA-Za-z])")


@detector("id_number", "居民身份证号码")
def id_numbers(text: str, allow: frozenset[str]) -> Iterator[Finding]:
    for m in _ID_RE.finditer(text):
        if resident_id_error(m.group(1)) is None:
            yield _finding(
                "id_number",
                "居民身份证号码",
                text,
                m,
                certain=True,
                group=1,
                note="校验位正确的身份证号码，属于个人信息。",
            )


# --- 电话号码 --------------------------------------------------------------------------------
_MOBILE_RE = re.compile(r"(?<!\d)(?:\+?86[-\s]?)?(1[3-9]\d[-\s]?\d{4}[-\s]?\d{4})(?![\d])")
_LANDLINE_RE = re.compile(r"(?<![\d])(?:[(（]0\d{2,3}[)）]|0\d{2,3}[-－—\s])\s?\d{7,8}(?![\d])")


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)


def _allowed(value: str, allow: frozenset[str]) -> bool:
    digits = _digits(value)
    return value in allow or (bool(digits) and digits in {_digits(a) for a in allow})


@detector("phone", "电话号码")
def phone_numbers(text: str, allow: frozenset[str]) -> Iterator[Finding]:
    for m in _MOBILE_RE.finditer(text):
        if not _allowed(m.group(1), allow):
            yield _finding("phone", "电话号码", text, m, certain=True, group=1, note="手机号码。")
    for m in _LANDLINE_RE.finditer(text):
        if not _allowed(m.group(0), allow):
            yield _finding(
                "phone",
                "电话号码",
                text,
                m,
                certain=False,
                note="固定电话：若为单位公开的咨询电话可忽略，个人住宅电话须删除。",
            )


# --- 银行卡号 --------------------------------------------------------------------------------
_CARD_RE = re.compile(r"(?<![\d])(\d{4}(?:[\s-]?\d{4}){2,3}(?:[\s-]?\d{1,3})?)(?![\d])")


@detector("bank_card", "银行卡号")
def bank_cards(text: str, allow: frozenset[str]) -> Iterator[Finding]:
    for m in _CARD_RE.finditer(text):
        digits = _digits(m.group(1))
        if 16 <= len(digits) <= 19 and luhn_valid(digits) and resident_id_error(digits) is not None:
            yield _finding(
                "bank_card",
                "银行卡号",
                text,
                m,
                certain=True,
                group=1,
                note="符合 Luhn 校验的银行卡号。",
            )


# --- 电子邮箱 --------------------------------------------------------------------------------
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


@detector("email", "电子邮箱")
def emails(text: str, allow: frozenset[str]) -> Iterator[Finding]:
    for m in _EMAIL_RE.finditer(text):
        if m.group(0).lower() not in {a.lower() for a in allow}:
            official = m.group(0).lower().endswith(".gov.cn")
            yield _finding(
                "email",
                "电子邮箱",
                text,
                m,
                certain=not official,
                note="政府机关邮箱可公开，个人邮箱须删除。" if official else "个人电子邮箱。",
            )


# --- 家庭住址 --------------------------------------------------------------------------------
_CN = r"[\u4e00-\u9fff]"
_ADDRESS_RE = re.compile(
    rf"(?:{_CN}{{1,8}}(?:省|自治区))?(?:{_CN}{{1,8}}市)?(?:{_CN}{{1,8}}(?:区|县))?"
    rf"{_CN}{{1,12}}(?:路|街|巷|大道|胡同)\d+号"
    rf"(?:(?:{_CN}{{1,10}}(?:小区|花园|苑|公寓|大厦))?\s?\d+(?:栋|幢|号楼|单元|室|楼|层))*"
)
_HOME_PARTS = re.compile(r"\d+(?:栋|幢|号楼|单元|室)|小区|花园|苑|公寓")


@detector("address", "住址")
def addresses(text: str, allow: frozenset[str]) -> Iterator[Finding]:
    for m in _ADDRESS_RE.finditer(text):
        if any(m.group(0) in a or a in m.group(0) for a in allow if a):
            continue
        home = bool(_HOME_PARTS.search(m.group(0)))
        yield _finding(
            "address",
            "住址",
            text,
            m,
            certain=home,
            note="含楼栋、单元或房号，疑似个人住址。"
            if home
            else "门牌地址：若为单位办公地址可忽略。",
        )


def run_checks(text: str, allow: Iterable[str] = ()) -> list[Finding]:
    """All findings of every registered detector, in text order."""
    allowed = frozenset(a.strip() for a in allow if a and a.strip())
    found = [f for d in DETECTORS for f in d.func(text, allowed)]
    return sorted(found, key=lambda f: (f.start, f.kind))
