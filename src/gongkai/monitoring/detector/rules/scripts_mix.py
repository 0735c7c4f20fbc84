"""Scripts out of place: traditional characters interleaved into a simplified page, and a
mainland page run whole through a simplified→traditional converter (both cloning traces).

Hong Kong, Macau and Taiwan bodies write traditional characters, so a traditional page is not
suspect by itself. A converted mainland page gives itself away twice: it speaks of the
party-state's organs (黨委, 黨支部, 團委) as its own, and the converter leaves traces that no
one writing traditional characters leaves (幹部 written 干部, 之後 written 之后, 局面 forced
to 局麵). Official big5 gateways (big5.…, /big5/) convert mainland pages on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import Context
from ..normalize import convertible, to_simplified
from ..registry import register
from ..result import Finding, excerpt
from ..words import CONVERTER_TRACES, MAINLAND_TERMS, PARTY_ORGANS

_TERMS = re.compile("|".join(sorted(MAINLAND_TERMS, key=len, reverse=True)))
_GATEWAY = re.compile(r"^https?://big5\.|/big5/|/gate/big5/", re.IGNORECASE)
# A traditional character the converter forces where the simplified one was right.
_FORCED = frozenset("麵")
# Simplified characters that a traditional text never needs (it writes 後, 並, 麼, 願), except
# after these (皇后, 太后, 天后 …).
_ALWAYS_TRACES = frozenset("后并么愿")
_TRACE_EXCEPTIONS = frozenset("皇太王天影歌")
_TRACE_SPAN = max(map(len, CONVERTER_TRACES))


def converter_traces(served: str) -> list[str]:
    """Words of *served* (a traditional text) where a simplified→traditional converter slipped."""
    simplified = to_simplified(served)
    if len(simplified) != len(served):  # a phrase changed length: positions no longer align
        return []
    odd = {m.start() for m in convertible().finditer(served)}
    odd |= {i for i, ch in enumerate(served) if ch in _FORCED}
    found = {
        served[i]
        for i in odd
        if served[i] in _ALWAYS_TRACES and served[i - 1 : i] not in _TRACE_EXCEPTIONS
    }
    for i in odd:
        window = simplified[max(0, i - _TRACE_SPAN + 1) : i + _TRACE_SPAN]
        offset = i - max(0, i - _TRACE_SPAN + 1)
        for size in range(2, _TRACE_SPAN + 1):
            for start in range(max(0, offset - size + 1), offset + 1):
                word = window[start : start + size]
                if word in CONVERTER_TRACES:
                    found.add(word)
    return sorted(found)


@register
def traditional_interleave(ctx: Context) -> Iterator[Finding]:
    """Traditional and simplified forms mixed in one page (not a fully traditional page)."""
    n = ctx.body
    trad, ratio = n.traditional, n.trad_ratio
    # A few traditional characters are normal (names, quotations); a 繁體 version of a page
    # converts nearly every convertible character. Interleaving sits in between.
    if trad < 8 or not 0.04 <= ratio <= 0.85:
        return
    weight = 75.0 if trad >= 25 and ratio >= 0.08 else 55.0 if trad >= 15 else 35.0
    yield Finding(
        "trad_simp_mix",
        f"{trad} traditional vs {n.convertible} simplified convertible characters",
        "visible text",
        weight,
        f"traditional share {ratio:.0%}",
    )


@register
def converted_mainland_page(ctx: Context) -> Iterator[Finding]:
    """A mainland body's page converted whole to traditional characters (clone disguise)."""
    n = ctx.body
    if n.traditional < 20 or n.trad_ratio <= 0.85 or _GATEWAY.search(ctx.base_url):
        return
    terms = sorted(set(_TERMS.findall(n.text)))
    organs = [t for t in terms if t in PARTY_ORGANS]
    traces = converter_traces(ctx.page.title + "\n" + ctx.page.text)
    # 後, 並 written simplified: a slip no one writing traditional characters makes.
    slips = [t for t in traces if t in _ALWAYS_TRACES]
    if not (
        (organs and len(terms) >= 2)
        or len(traces) >= 2
        or (traces and terms)
        or len(terms) >= 3
        or (slips and n.traditional >= 40)
    ):
        return
    weight = 70.0 if traces and terms else 60.0
    evidence = "、".join(terms[:5] + traces[:5])
    yield Finding(
        "trad_conversion",
        excerpt(evidence),
        "visible text",
        weight,
        f"{n.traditional} traditional characters ({n.trad_ratio:.0%}); mainland terms: "
        f"{len(terms)}, converter traces: {len(traces)}",
    )
