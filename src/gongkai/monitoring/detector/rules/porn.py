"""Pornographic spam: explicit terms, or an explicit term with a viewing/streaming phrase."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..registry import register
from ..result import Finding
from ._promotion import promotion


@register
def porn_spam(ctx: Context) -> Iterator[Finding]:
    """Explicit sexual content or its promotion, weighted by placement."""
    return promotion(ctx, "porn", lambda c: c.porn, ("porn", "porn_weak"))
