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
_TITLE_SPLIT = re.compile(r"[-_|｜—·,，/\s]+")
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


def _repetition(kind: str, text: str, own: tuple[str, ...], items: list[str]) -> tuple[float, str]:
    phrase, count = _repeated_phrase(text, own)
    if len(phrase) < 2 or count < (3 if kind == "title" else 4):
        return 0.0, ""
    cjk = sum(len(run) for run in _CJK_RUN.findall(text)) or 1
    coverage = count * len(phrase) / cjk
    if kind == "title":
        # A title naming three batches of one programme repeats it inside one sentence; a
        # stuffed title repeats it in separator-delimited segments (X-X官网-X登录).
        segments = sum(1 for item in _TITLE_SPLIT.split(text) if phrase in item)
        stuffed = segments >= 3 and coverage >= 0.3
    else:
        # A description quoting a policy repeats its subject in prose; a keyword list made of
        # one phrase's variants is mostly repetition.
        keyword_list = sum(map(len, items)) / max(1, len(items)) <= 8
        stuffed = coverage >= (0.3 if keyword_list else 0.6)
    if not stuffed:
        return 0.0, ""
    return (45.0 if count < 5 else 60.0), f"“{phrase}” ×{count}"


def _list_length(kind: str, items: list[str]) -> tuple[float, str]:
    repeats = Counter(items).most_common(1)[0][1] if items else 0
    tails = sum(1 for item in items if item.endswith(_SEO_TAIL))
    # A home page may list 15 subjects; 12 long-tail SEO phrases or 30 terms it does not.
    if (
        (len(items) >= 12 and tails * 3 >= len(items))
        or len(items) >= 30
        or (repeats >= 3 and kind == "meta")
    ):
        return 45.0, f"{len(items)} terms ({tails} SEO long-tail), max repeat {repeats}"
    if len(items) >= 15:
        return 12.0, f"{len(items)} terms (informational: home pages list many subjects)"
    return 0.0, ""


@register
def keyword_stuffing(ctx: Context) -> Iterator[Finding]:
    """Titles and meta tags that repeat a phrase or list far more terms than a title needs."""
    for part in ctx.parts:
        if part.kind not in ("title", "meta"):
            continue
        text = part.text
        items = [i for i in _SPLIT.split(text) if i]
        checks = [
            _repetition(part.kind, text, ctx.own_names, items),
            _list_length(part.kind, items),
        ]
        if part.kind == "title" and len(text) > 90:
            checks.append((30.0, f"title of {len(text)} characters"))
        weight = max(w for w, _ in checks)
        if weight:
            why = "; ".join(reason for w, reason in checks if w)
            yield Finding("keyword_stuffing", excerpt(text), part.location, weight, why)
