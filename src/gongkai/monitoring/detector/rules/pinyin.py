"""Chinese text rewritten as toneless pinyin, or as character(pinyin) pairs.

Gambling SEO rewrites body text so that search engines index it as new content:
局机关各处(室) becomes ``jujiguangechu(shi)`` or ``局(ju)机(ji)关(guan)``. Legitimate pinyin on a
government page is short (a site name ``Shili Kejiju``), capitalised, or part of a URL.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..context import Context
from ..pinyin import segment
from ..registry import register
from ..result import Finding, excerpt

_LATIN = re.compile(r"[A-Za-z]+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_BEFORE_CODE = frozenset("./@_-=&?%#\\")
_AFTER_CODE = frozenset("/@_=\\")


def _is_code_like(text: str, start: int, end: int) -> bool:
    """Part of a URL, e-mail address, file name or identifier rather than prose."""
    before = text[start - 1] if start else " "
    after = text[end : end + 2]
    if before in _BEFORE_CODE or (after[:1] in _AFTER_CODE):
        return True
    return (after[:1] in ".:" and after[1:2].isascii() and after[1:2].isalnum()) or after == ":/"


_RUN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def _word_syllables(word: str) -> int:
    """Syllables of a pinyin *word*; 0 if it is not pinyin or looks like a proper name."""
    lower = word.lower()
    pieces = segment(lower)
    if not pieces:
        return 0
    # Proper names are capitalised and short (Beijing, Zhongguancun); rewritten text is not.
    if word != lower and not word.isupper() and len(pieces) < 5:
        return 0
    return len(pieces)


@register
def pinyin_runs(ctx: Context) -> Iterator[Finding]:
    """Runs of toneless pinyin inside Chinese text (jujiguangechu(shi)、jushugedanwei)."""
    text = ctx.body.text
    if not _CJK.search(text):
        return  # an English or pinyin-only page is not Chinese text rewritten
    runs: list[tuple[int, int]] = []  # (syllables, start offset)
    latin_words = pinyin_words = 0
    for m in _RUN.finditer(text):
        if _is_code_like(text, m.start(), m.end()):
            continue
        words = m.group(0).split(" ")
        counts = [_word_syllables(w) for w in words]
        long_words = [c for w, c in zip(words, counts, strict=True) if len(w) >= 4]
        latin_words += len(long_words)
        pinyin_words += sum(1 for c in long_words if c)
        if len(words) >= 5 and all(counts) and m.group(0).islower():
            runs.append((sum(counts), m.start()))  # spaced syllables: "ju ji guan ge chu"
            continue
        runs.extend(
            (c, m.start() + len(" ".join(words[:i]))) for i, c in enumerate(counts) if c >= 3
        )
    if not runs or pinyin_words < 0.6 * latin_words:
        return
    tokens = len(runs)
    syllables = sum(c for c, _ in runs)
    longest = max(c for c, _ in runs)
    if longest >= 8 or (syllables >= 15 and tokens >= 3):
        weight = 80.0 if syllables >= 20 else 65.0
    elif syllables >= 9 and tokens >= 2:
        weight = 40.0
    else:
        return
    samples = [text[max(0, at - 8) : at + 40] for _, at in sorted(runs, reverse=True)[:3]]
    yield Finding(
        "pinyin_run",
        excerpt(" … ".join(samples)),
        "visible text",
        weight,
        f"{tokens} pinyin runs, {syllables} syllables, longest {longest}",
    )


@lru_cache(maxsize=8192)
def _readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    return frozenset(
        p.replace("ü", "v") for p in pinyin(char, style=Style.NORMAL, heteronym=True)[0]
    )


@register
def char_pinyin_pairs(ctx: Context) -> Iterator[Finding]:
    """Characters followed by their own reading in brackets: 局(ju)机(ji)关(guan)."""
    pairs = ctx.body.char_pinyin or []
    if len(pairs) < 3:
        return
    matching = [
        (c, p)
        for c, p in pairs
        if p.replace("u:", "v") in _readings(c) or p.replace("v", "u") in _readings(c)
    ]
    if len(matching) < 3:
        return
    weight = 85.0 if len(matching) >= 6 else 60.0
    evidence = "".join(f"{c}({p})" for c, p in matching[:12])
    yield Finding(
        "char_pinyin",
        excerpt(evidence),
        "visible text",
        weight,
        f"{len(matching)} of {len(pairs)} character(pinyin) pairs match the reading",
    )
