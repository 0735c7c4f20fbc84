"""PURE  The draw for public seats when more people register than there are seats.

Deterministic and checkable by anyone from what is published:

1. When registration closes, the registrations are numbered (R001, R002, …) in the order they
   arrived; the list of numbers is published with the result (names only with consent).
2. The seed is SHA-256 of the meeting's code and the sorted registration numbers, one per line:
   ``seed = sha256("<code>\\nR001\\nR002\\n…")`` — fixed by the closed list, so staff cannot pick
   a seed after seeing the result, and nobody can change the list after the draw without
   changing the seed.
3. Each registration's key is ``sha256("<seed>:<number>")`` (hex); registrations are ordered by
   key and the first `seats` are selected; the rest form the waiting list in the same order.

When there are no more registrations than seats, everyone is selected and there is no draw.
"""

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class DrawResult:
    seed: str
    selected: tuple[str, ...]
    waiting: tuple[str, ...]
    drawn: bool  # False: everyone got a seat, no draw was needed


def seed_for(code: str, numbers: Sequence[str]) -> str:
    text = "\n".join([code, *sorted(numbers)])
    return hashlib.sha256(text.encode()).hexdigest()


def key(seed: str, number: str) -> str:
    return hashlib.sha256(f"{seed}:{number}".encode()).hexdigest()


def draw(code: str, numbers: Sequence[str], seats: int) -> DrawResult:
    if seats < 0:
        raise ValueError("席位数不能为负数。")
    if len(set(numbers)) != len(numbers):
        raise ValueError("报名序号重复。")
    seed = seed_for(code, numbers)
    if len(numbers) <= seats:
        return DrawResult(seed, tuple(sorted(numbers)), (), drawn=False)
    ordered = sorted(numbers, key=lambda n: (key(seed, n), n))
    return DrawResult(seed, tuple(ordered[:seats]), tuple(ordered[seats:]), drawn=True)
