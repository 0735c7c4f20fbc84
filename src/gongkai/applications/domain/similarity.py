"""Probable repeated applications and very high volume (条例第三十五条). Pure: no Django.

The software only flags; the decision to ask for reasons, refuse or set a longer period stays
with staff (条例第三十五条).
"""

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import rjieba

# Words that say nothing about *which* information is sought.
_STOP_TEXT = (
    "申请 公开 政府 信息 本人 我 我们 贵局 贵单位 请 提供 要求 关于 有关 相关 的 了 和 及 与 "
    "或 在 对 是 予以 依法 根据 条例 一份 复印件 文件 全部 以及 等 该 其 之 中 年 月 日"
)
_STOP = frozenset(_STOP_TEXT.split(" "))
_WORD = re.compile(r"[\w一-鿿]")

# Cosine similarity above which two applications by one applicant are flagged as repeated.
REPEAT_THRESHOLD = 0.75
# Applications by one applicant within 30 days above which volume is flagged.
HIGH_VOLUME = 10


def tokens(text: str) -> Counter[str]:
    words = (w.strip().lower() for w in rjieba.cut(text))
    return Counter(w for w in words if w and w not in _STOP and _WORD.search(w))


def cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def similarity(a: str, b: str) -> float:
    return cosine(tokens(a), tokens(b))


@dataclass(frozen=True)
class Similar:
    key: str
    score: float


def similar_items(
    text: str, others: Iterable[tuple[str, str]], threshold: float = REPEAT_THRESHOLD
) -> list[Similar]:
    """(key, text) pairs whose content is similar to `text`, most similar first."""
    mine = tokens(text)
    found = [Similar(key, cosine(mine, tokens(other))) for key, other in others]
    return sorted((s for s in found if s.score >= threshold), key=lambda s: -s.score)
