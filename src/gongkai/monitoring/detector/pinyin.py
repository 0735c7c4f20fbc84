"""Toneless Hanyu Pinyin syllables and segmentation of latin runs into them."""

from __future__ import annotations

from functools import lru_cache

from .syllables import SYLLABLES

_MAXLEN = max(map(len, SYLLABLES))
__all__ = ["SYLLABLES", "segment"]


@lru_cache(maxsize=4096)
def segment(word: str) -> tuple[str, ...] | None:
    """Split a lowercase latin *word* into pinyin syllables, fewest syllables first; or None."""
    n = len(word)
    # best[i] = syllables for word[:i] with the fewest pieces (longest-match segmentation).
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        prefix = best[i]
        if prefix is None:
            continue
        for j in range(min(n, i + _MAXLEN), i, -1):
            piece = word[i:j]
            if piece in SYLLABLES:
                candidate = (*prefix, piece)
                current = best[j]
                if current is None or len(candidate) < len(current):
                    best[j] = candidate
    return best[n]
