"""Gambling promotion: a game or brand together with sales phrases (官方网站, 登录入口 …)."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..registry import register
from ..result import Finding
from ._promotion import promotion


@register
def gambling_promotion(ctx: Context) -> Iterator[Finding]:
    """Gambling games/brands co-occurring with sales phrases, weighted by placement."""
    return promotion(
        ctx, "gambling", lambda c: c.gambling, ("brand", "game", "sales", "game_weak", "sales_weak")
    )
