"""Shared logic of the gambling and porn rules: where does promotional text sit?"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..context import Context, Part
from ..domains import hosts_in_text, is_whitelisted, spam_score
from ..lexicon import Cues
from ..result import Finding, excerpt

# Promotion in these places is never written by the department: a title or meta tag, a block
# the visitor cannot see, the text of a link to a foreign domain, anything after </html>.
_PLACED = {"title": 85.0, "meta": 80.0, "hidden": 85.0, "anchor": 75.0, "after_end": 85.0}


def _spam_hosts(ctx: Context, part: Part) -> list[str]:
    return [
        h for h in hosts_in_text(part.text)
        if not is_whitelisted(h, ctx.whitelist) and spam_score(h) >= 1
    ]


def promotion(
    ctx: Context, type_: str, matches: Callable[[Cues], bool], words: tuple[str, ...]
) -> Iterator[Finding]:
    """Findings for parts whose cues satisfy *matches*, weighted by where the part sits."""
    body_hits: list[tuple[Part, list[str]]] = []
    for part in ctx.parts:
        c = part.cues
        if type_ == "gambling" and part.kind == "body" and not matches(c) and c.n("sales") \
                and not c.enforcement and (hosts := _spam_hosts(ctx, part)):
            yield Finding(type_, excerpt(part.text), part.location, 70.0,
                          "sales phrase with domains: " + ", ".join(hosts[:3]))
            continue
        if not matches(c):
            # A government title or meta tag has no business saying "(中国)官方网站" or
            # "登录入口" even when the brand itself is unknown to the lexicon.
            if type_ == "gambling" and part.kind in ("title", "meta") and c.n("sales") \
                    and not c.enforcement:
                yield Finding(type_, excerpt(part.text), part.location, 60.0,
                              "sales phrase in " + part.kind + ": " + "、".join(c.words("sales")))
            continue
        cue_words = c.words(*words)
        if part.kind in _PLACED:
            yield Finding(type_, excerpt(part.text), part.location, _PLACED[part.kind],
                          "cues: " + "、".join(cue_words[:8]))
            continue
        # Body text: a warning against gambling quotes the same phrases, so a sentence with
        # enforcement words (打击, 警惕 …) is not promotion.
        if c.enforcement:
            continue
        hosts = _spam_hosts(ctx, part)
        if hosts:
            yield Finding(type_, excerpt(part.text), part.location, 75.0,
                          "cues: " + "、".join(cue_words[:8]) + "; domains: " + ", ".join(hosts[:3]))
            continue
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
        yield Finding(type_, excerpt(part.text), part.location, weight,
                      f"{n} promotional sentence(s); cues: " + "、".join(cue_words[:8]))
