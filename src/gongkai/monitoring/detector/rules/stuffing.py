"""Keyword stuffing in the title and the keywords/description meta tags."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..context import Context
from ..registry import register
from ..result import Finding, excerpt

# Long-tail SEO phrases: a keyword list made of these was written for a search engine.
_SEO_TAIL = (
    "哪家好",
    "多少钱",
    "价格",
    "费用",
    "排名",
    "排行",
    "代理",
    "代办",
    "公司",
    "厂家",
    "推荐",
    "条件",
    "流程",
    "怎么",
    "如何",
    "电话",
    "地址",
    "官网",
    "首选",
    "多少",
)
_SPLIT = re.compile(r"[,，、|｜;；/\s]+")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def _repeated_phrase(text: str, own: tuple[str, ...]) -> tuple[str, int]:
    """The 2–6 character phrase repeated most often (non-overlapping), ignoring own names."""
    for name in own:
        text = text.replace(name, "|")
    best, count = "", 0
    runs = _CJK_RUN.findall(text)
    for n in (6, 5, 4, 3, 2):
        grams: Counter[str] = Counter()
        for run in runs:
            grams.update(run[i : i + n] for i in range(len(run) - n + 1))
        for gram, _ in grams.most_common(3):
            real = sum(run.count(gram) for run in runs)
            if real > count or (real == count and len(gram) > len(best)):
                best, count = gram, real
        if count >= 3:
            break
    return best, count


@register
def keyword_stuffing(ctx: Context) -> Iterator[Finding]:
    """Titles and meta tags that repeat a phrase or list far more terms than a title needs."""
    own = ctx.own_names
    for part in ctx.parts:
        if part.kind not in ("title", "meta"):
            continue
        text = part.text
        phrase, count = _repeated_phrase(text, own)
        items = [i for i in _SPLIT.split(text) if i]
        repeats = Counter(items).most_common(1)[0][1] if items else 0
        limit = 3 if part.kind == "title" else 4
        cjk = sum(len(run) for run in _CJK_RUN.findall(text)) or 1
        # A description quoting a policy repeats its subject; a stuffed one is mostly repetition.
        coverage = count * len(phrase) / cjk
        weight = 0.0
        why = ""
        if count >= limit and len(phrase) >= 2 and coverage >= 0.3:
            weight = 45.0 if count < 5 else 60.0
            why = f"“{phrase}” ×{count}"
        tails = sum(1 for item in items if item.endswith(_SEO_TAIL))
        # A home page may list 15 subjects; 12 long-tail SEO phrases or 30 terms it does not.
        if (
            (len(items) >= 12 and tails * 3 >= len(items))
            or len(items) >= 30
            or (repeats >= 3 and part.kind == "meta")
        ):
            weight = max(weight, 45.0)
            why = (
                why + "; " if why else ""
            ) + f"{len(items)} terms ({tails} SEO long-tail), max repeat {repeats}"
        elif len(items) >= 15:
            weight = max(weight, 20.0)
            why = (why + "; " if why else "") + f"{len(items)} terms"
        if part.kind == "title" and len(text) > 90:
            weight = max(weight, 30.0)
            why = (why + "; " if why else "") + f"title of {len(text)} characters"
        if weight:
            yield Finding("keyword_stuffing", excerpt(text), part.location, weight, why)
