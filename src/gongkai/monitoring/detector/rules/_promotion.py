"""Shared logic of the gambling and porn rules: where does promotional text sit?"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..context import Context, Part
from ..domains import hosts_in_text, is_whitelisted, spam_score
from ..lexicon import Cues
from ..result import Finding, excerpt

# Promotion in these places is never written by the department: a title or meta tag, a block
# the visitor cannot see, the text of a link to a foreign domain, anything after </body>.
_PLACED = {
    "title": 85.0,
    "meta": 80.0,
    "hidden": 85.0,
    "anchor": 75.0,
    "after_end": 85.0,
    "attribute": 70.0,
}


def _spam_hosts(ctx: Context, part: Part) -> list[str]:
    return [
        h
        for h in hosts_in_text(part.text)
        if not is_whitelisted(h, ctx.whitelist) and spam_score(h) >= 1
    ]


def _unmatched(ctx: Context, type_: str, part: Part) -> Finding | None:
    """Gambling evidence in a part without a game word: sales phrases where none belong."""
    c = part.cues
    if type_ != "gambling" or not (c.n("sales") or c.n("game")) or c.enforcement:
        return None
    if part.kind == "body" and (hosts := _spam_hosts(ctx, part)):
        detail = "gambling or sales phrase with domains: " + ", ".join(hosts[:3])
        return Finding(type_, excerpt(part.text), part.location, 70.0, detail)
    if not c.n("sales"):
        return None
    # A government title or meta tag has no business saying "(中国)官方网站" or "登录入口",
    # even when the brand itself is unknown to the lexicon.
    if part.kind in ("title", "meta"):
        detail = f"sales phrase in {part.kind}: " + "、".join(c.words("sales"))
        return Finding(type_, excerpt(part.text), part.location, 60.0, detail)
    return None


def _placed(ctx: Context, type_: str, part: Part, cue_words: list[str]) -> Finding | None:
    """Promotion whose placement alone is evidence; None for plain body sentences."""
    detail = "cues: " + "、".join(cue_words[:8])
    if part.kind in _PLACED:
        return Finding(type_, excerpt(part.text), part.location, _PLACED[part.kind], detail)
    hosts = _spam_hosts(ctx, part)
    if hosts:
        detail += "; domains: " + ", ".join(hosts[:3])
        return Finding(type_, excerpt(part.text), part.location, 75.0, detail)
    return None


def promotion(
    ctx: Context, type_: str, matches: Callable[[Cues], bool], words: tuple[str, ...]
) -> Iterator[Finding]:
    """Findings for parts whose cues satisfy *matches*, weighted by where the part sits."""
    body_hits: list[tuple[Part, list[str]]] = []
    for part in ctx.parts:
        c = part.cues
        if not matches(c):
            if found := _unmatched(ctx, type_, part):
                yield found
            continue
        # Body text: a warning against gambling quotes the same phrases, so a sentence with
        # enforcement words (打击, 警惕 …) is not promotion.
        if part.kind == "body" and c.enforcement:
            continue
        cue_words = c.words(*words)
        if found := _placed(ctx, type_, part, cue_words):
            yield found
        else:
            body_hits.append((part, cue_words))
    if not body_hits:
        return
    # Plain body sentences: one is weak evidence, several are strong; a page that is itself
    # about fighting gambling gets the benefit of the doubt for one or two.
    n = len(body_hits)
    weight = 45.0 if n == 1 else 70.0 if n == 2 else 85.0
    if ctx.page_cues.n("anti") >= 3 and n <= 2:
        weight = 15.0
    for part, cue_words in body_hits[:5]:
        detail = f"{n} promotional sentence(s); cues: " + "、".join(cue_words[:8])
        yield Finding(type_, excerpt(part.text), part.location, weight, detail)
