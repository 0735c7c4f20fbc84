"""Traces of the templates that spam sites wrap around copied pages.

Site farms that clone government news for search engines generate their pages: runs of empty
tags sharing one random id (``<tr id="yyy80"></tr><sup id="yyy80"></sup>``) to vary the markup,
a generated code in the 来源 field (``来源: sp20241124``), copied sentences cut apart by
inserted lines that begin with a comma, and emoji or symbols strewn between characters
(``辅导员沙龙活ㄨ动``, ``出席会议🏋️``) so that the text no longer matches its source.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..context import Context
from ..registry import register
from ..result import Finding, excerpt

_EMPTY_TAG = re.compile(r'<([a-z][a-z0-9]*)\s+id="([a-z0-9]{4,8})"\s*>\s*(?=</\1>|<[a-z])', re.I)
_SOURCE_CODE = re.compile(r"(?:来源|來源)\s*[::]\s*([a-z]{1,5}\d{6,10})(?![\w])", re.I)
_COMMA_LINE = re.compile(r"^[ \t]*[,，]", re.M)
_CJK = r"[\u4e00-\u9fff]"
_EMOJI = re.compile(r"[\U0001f300-\U0001faff\u2600-\u27bf\u2b00-\u2bff]")
# Symbols that belong in lists and headings, not between two characters of one word.
_SYMBOL_INSIDE = re.compile(rf"(?<={_CJK})[▼▲◥◤■□▂▆≡∩ㄨ々〗〖№←→「」★☆◆◇●○※](?={_CJK})")
_EMOJI_INSIDE = re.compile(
    r"(?<=[\u4e00-\u9fff，。、,])[\U0001f300-\U0001faff\u2600-\u27bf]+(?:\ufe0f|\u200d|[\U0001f3fb-\U0001f3ff\u2640\u2642])*"
)


@register
def generated_markup(ctx: Context) -> Iterator[Finding]:
    """Runs of empty tags that share one random id (spam-farm page templates)."""
    if 'id="' not in ctx.html:
        return
    ids = Counter(m.group(2).lower() for m in _EMPTY_TAG.finditer(ctx.html))
    if not ids:
        return
    top, count = ids.most_common(1)[0]
    if count < 3 or not re.search(r"\d", top):
        return
    yield Finding(
        "spam_template",
        f'{count} empty elements with id="{top}"',
        "markup",
        75.0,
        "empty tags repeating one random id: a generated page wrapped around copied text",
    )


@register
def generated_source(ctx: Context) -> Iterator[Finding]:
    """A generated code where the 来源 (source) field should name a publisher."""
    m = _SOURCE_CODE.search(ctx.body.text)
    if m:
        yield Finding(
            "spam_template",
            excerpt(m.group(0)),
            "visible text",
            60.0,
            "the source field holds a code, not a publisher's name",
        )


@register
def spliced_text(ctx: Context) -> Iterator[Finding]:
    """Copied sentences cut apart by inserted lines (many lines beginning with a comma)."""
    lines = len(_COMMA_LINE.findall(ctx.page.text))
    if lines >= 4:
        yield Finding(
            "spam_template",
            f"{lines} lines begin with a comma",
            "visible text",
            50.0,
            "sentences cut apart by inserted lines",
        )


@register
def character_noise(ctx: Context) -> Iterator[Finding]:
    """Emoji or symbols strewn between the characters of copied text."""
    text = ctx.page.text
    symbols = _SYMBOL_INSIDE.findall(text)
    emoji = _EMOJI_INSIDE.findall(text) if _EMOJI.search(text) else []
    count = len(symbols) + len(emoji)
    if count < 5 or len({*symbols, *emoji}) < 3:
        return
    weight = 70.0 if count >= 10 else 55.0
    yield Finding(
        "char_noise",
        " ".join([*symbols[:8], *emoji[:8]]),
        "visible text",
        weight,
        f"{len(symbols)} symbol(s) inside words, {len(emoji)} emoji mid-sentence",
    )
