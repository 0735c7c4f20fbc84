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
_URLISH = frozenset("./@:_-=&?%#\\")


def _is_code_like(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return before in _URLISH or after in _URLISH


@register
def pinyin_runs(ctx: Context) -> Iterator[Finding]:
    """Runs of toneless pinyin inside Chinese text (jujiguangechu(shi)、jushugedanwei)."""
    text = ctx.body.text
    if not _CJK.search(text):
        return  # an English or pinyin-only page is not Chinese text rewritten
    tokens = 0
    latin_words = 0
    syllables = 0
    longest = 0
    samples: list[str] = []
    for m in _LATIN.finditer(text):
        word = m.group(0)
        if len(word) < 4:
            continue
        latin_words += 1
        if _is_code_like(text, m.start(), m.end()):
            continue
        lower = word.lower()
        # Proper names are capitalised once (Beijing, Shili Kejiju); rewritten text is not.
        if word != lower and not word.isupper():
            continue
        pieces = segment(lower)
        if not pieces or len(pieces) < 3:
            continue
        tokens += 1
        syllables += len(pieces)
        longest = max(longest, len(pieces))
        if len(samples) < 3:
            samples.append(text[max(0, m.start() - 12) : m.end() + 12])
    if not tokens or tokens < 0.6 * latin_words:
        return
    if longest >= 8 or (syllables >= 15 and tokens >= 3):
        weight = 80.0 if syllables >= 20 else 65.0
    elif syllables >= 9 and tokens >= 2:
        weight = 40.0
    else:
        return
    yield Finding(
        "pinyin_run", excerpt(" … ".join(samples)), "visible text", weight,
        f"{tokens} pinyin runs, {syllables} syllables, longest {longest}",
    )


@lru_cache(maxsize=8192)
def _readings(char: str) -> frozenset[str]:
    from pypinyin import Style, pinyin

    return frozenset(p.replace("ü", "v") for p in pinyin(char, style=Style.NORMAL, heteronym=True)[0])


@register
def char_pinyin_pairs(ctx: Context) -> Iterator[Finding]:
    """Characters followed by their own reading in brackets: 局(ju)机(ji)关(guan)."""
    pairs = ctx.body.char_pinyin or []
    if len(pairs) < 3:
        return
    matching = [(c, p) for c, p in pairs if p.replace("u:", "v") in _readings(c)
                or p.replace("v", "u") in _readings(c)]
    if len(matching) < 3:
        return
    weight = 85.0 if len(matching) >= 6 else 60.0
    evidence = "".join(f"{c}({p})" for c, p in matching[:12])
    yield Finding("char_pinyin", excerpt(evidence), "visible text", weight,
                  f"{len(matching)} of {len(pairs)} character(pinyin) pairs match the reading")
