"""发文字号 (document number): 机关代字〔年份〕序号号, e.g. 筑科发〔2017〕12号.

The national standard for official documents (GB/T 9704-2012 党政机关公文格式 7.2.4) writes the
year in hexagonal brackets 〔〕 and the sequence without leading zeros and without 第. Staff paste
numbers with [], (), （）, 【】, ［］ or 〔 〕 and stray spaces; those are normalised before
validation, anything else is refused with a message saying what is wrong.
"""

import re
from dataclasses import dataclass

from gongkai.core.errors import DomainError

_OPEN = "[(（【［〔﹝"
_CLOSE = "])）】］〕﹞"
_PATTERN = re.compile(
    r"(?P<code>[\u4e00-\u9fffA-Za-z]{1,20}?)〔(?P<year>\d{4})〕第?(?P<seq>\d{1,5})号"
)


@dataclass(frozen=True)
class DocNumber:
    code: str
    year: int
    seq: int

    def __str__(self) -> str:
        return f"{self.code}〔{self.year}〕{self.seq}号"


class DocNumberError(DomainError, ValueError):
    """A malformed 发文字号; the message (Chinese) says how to write it."""


def normalise(raw: str) -> str:
    """Full-width/half-width brackets to 〔〕, spaces removed."""
    text = re.sub(r"\s+", "", raw)
    for ch in _OPEN:
        text = text.replace(ch, "〔")
    for ch in _CLOSE:
        text = text.replace(ch, "〕")
    return text


def parse(raw: str, *, max_year: int | None = None) -> DocNumber:
    text = normalise(raw)
    if not text:
        raise DocNumberError("发文字号为空。")
    match = _PATTERN.fullmatch(text)
    if match is None:
        raise DocNumberError(
            f"发文字号“{raw.strip()}”格式不正确，应为“机关代字〔年份〕序号号”，"
            "如：筑科发〔2017〕12号（年份用六角括号〔〕，序号后加“号”）。"
        )
    year, seq = int(match["year"]), int(match["seq"])
    if year < 1949 or (max_year is not None and year > max_year):
        raise DocNumberError(f"发文字号中的年份 {year} 不合理，请核对。")
    if seq == 0:
        raise DocNumberError("发文字号的序号不能为 0。")
    return DocNumber(code=match["code"], year=year, seq=seq)
