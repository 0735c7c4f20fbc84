"""Traditional characters interleaved into a simplified page (a cloning/spinning trace)."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..registry import register
from ..result import Finding


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
