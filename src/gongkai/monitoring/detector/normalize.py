"""Undo the disguises injected text uses before matching it against anything.

Steps, in order: HTML entities (including double-escaped ones), zero-width and bidi control
characters, full-width and compatibility forms (NFKC), traditional → simplified (OpenCC, phrase
level so that 著作权 stays 著作权), and character(pinyin) pairs such as 局(ju)机(ji) → 局机.
Each step counts what it undid: the counts are evidence for the rules.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

ZERO_WIDTH = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u180e\u200e\u200f"
_ZW_TABLE = dict.fromkeys(map(ord, ZERO_WIDTH + "\u202a\u202b\u202c\u202d\u202e"), None)
_ZW_RE = re.compile(f"[{ZERO_WIDTH}\u202a-\u202e]")
# Compatibility forms (full-width, enclosed, Kangxi radicals, compatibility ideographs, math
# letters): NFKC only these runs, because NFKC over a whole page costs more than the rest.
_COMPAT = re.compile(
    "[\u00a0\u2000-\u200a\u2460-\u24ff\u2f00-\u2fdf\u3000\u3200-\u33ff\uf900-\ufaff"
    "\ufe30-\ufe6f\uff01-\uffef\U0001d400-\U0001d7ff]+"
)
_FULLWIDTH_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A Han character followed by its reading in brackets: 局(ju) / 局（jú）/ 局 (ju).
CHAR_PINYIN = re.compile(
    r"([\u4e00-\u9fff])\s?[(（]\s?([a-zA-Zāáǎàōóǒòēéěèīíǐìūúǔùüǖǘǚǜ]{1,6})\s?[)）]"
)
_TONES = str.maketrans("āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜü", "aaaaooooeeeeiiiiuuuuvvvvv")


@lru_cache(maxsize=2)
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return str(_converter("t2s").convert(text))


def to_traditional(text: str) -> str:
    return str(_converter("s2t").convert(text))


@dataclass
class Normalized:
    """Normalised text and what normalisation had to undo to get there."""

    text: str
    zero_width: int = 0
    fullwidth: int = 0
    traditional: int = 0
    convertible: int = 0
    char_pinyin: list[tuple[str, str]] | None = None
    double_escaped: int = 0

    @property
    def trad_ratio(self) -> float:
        """Share of traditional forms among the characters that differ between the scripts."""
        total = self.traditional + self.convertible
        return self.traditional / total if total else 0.0


@lru_cache(maxsize=1)
def convertible() -> re.Pattern[str]:
    """Every simplified character that has a distinct traditional form, as one character class."""
    chars = "".join(chr(c) for c in range(0x4E00, 0x9FA6))
    traditional = to_traditional(chars)
    pairs = zip(chars, traditional, strict=True) if len(traditional) == len(chars) else ()
    return re.compile("[" + "".join(s for s, t in pairs if s != t) + "]")


def _count_convertible(text: str) -> int:
    return convertible().subn("", text)[1]


def _nfkc(m: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", m.group(0))


def _count_changed(before: str, after: str) -> int:
    if before == after:
        return 0
    if len(before) == len(after):
        return sum(1 for a, b in zip(before, after, strict=True) if a != b)
    return sum(1 for c in before if to_simplified(c) != c)  # rare: phrase changed length


def normalize(text: str, *, count_scripts: bool = True) -> Normalized:
    """Return the normalised form of *text* with counts of each disguise undone."""
    result = Normalized(text="")
    if "&" in text:
        unescaped = html.unescape(text)
        if unescaped != text:
            result.double_escaped = text.count("&")
            text = unescaped
    zw = len(_ZW_RE.findall(text))
    if zw:
        result.zero_width = zw
        text = text.translate(_ZW_TABLE)
    result.fullwidth = len(_FULLWIDTH_ALNUM.findall(text))
    text = _COMPAT.sub(_nfkc, text)
    pairs = CHAR_PINYIN.findall(text)
    if pairs:
        result.char_pinyin = [(c, p.lower().translate(_TONES)) for c, p in pairs]
        text = CHAR_PINYIN.sub(r"\1", text)
    if _CJK.search(text):
        simplified = to_simplified(text)
        if count_scripts:
            result.traditional = _count_changed(text, simplified)
            # Characters that have a distinct traditional form but are written simplified: the
            # denominator that tells "interleaved" from "a 繁體 page".
            result.convertible = _count_convertible(text)
        text = simplified
    result.text = text
    return result


_COMPACT = re.compile(r"[\s·•★☆▲△◆◇■□●○※→←↑↓|_\-—–~^*#@\"'`“”‘’.,，。、:：;；!！?？]+")


def compact(text: str) -> str:
    """Lower-case *text* and drop spacing and decorative separators (百 家.乐 → 百家乐)."""
    return _COMPACT.sub("", text).lower()
