"""The backend interface. A backend stores the segmented words of each entry and answers three
questions: how many entries match, which entries match in date order (newest first), and which of
those match in the title or 发文字号 ("title tier")."""

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Protocol


def make_ord(publish_date: date, entry_id: int) -> int:
    """Publish date and entry id packed into one integer: sorting by it is sorting by date
    (newest first when descending), and it is unique because the id is."""
    return (publish_date.toordinal() << 32) | entry_id


class Tier(Enum):
    ALL = "all"  # every query word anywhere
    TITLE = "title"  # every query word in the title or 发文字号
    REST = "rest"  # ALL but not TITLE


@dataclass(frozen=True)
class Match:
    department_id: int
    terms: tuple[str, ...]  # segmented query words, AND
    facets: tuple[str, ...]  # filter tokens (year, issuer, ...), AND
    tier: Tier = Tier.ALL

    def with_tier(self, tier: Tier) -> "Match":
        return replace(self, tier=tier if self.terms else Tier.ALL)


@dataclass(frozen=True)
class IndexedText:
    """Space-separated, pre-segmented words per field."""

    title: str
    number: str
    body: str
    facets: str

    @property
    def title_words(self) -> str:
        """The title group: title and 发文字号, with the filter words."""
        return f"{self.title} {self.number} {self.facets}"

    @property
    def all_words(self) -> str:
        return f"{self.title} {self.number} {self.body} {self.facets}"


@dataclass(frozen=True)
class Count:
    value: int
    approximate: bool = False


class Backend(Protocol):
    # Matches counted one by one; beyond this the total is estimated.
    count_cap: int

    def write(self, rows: list[tuple[int, int, IndexedText]]) -> None:
        """For each (entry id, ord, words): set the entry's `ord` and store its words. The
        entries' rows exist in search_searchentry; their old words were deleted."""

    def delete(self, ords: list[int]) -> None:
        """Forget the words of these entries (called before their rows are deleted)."""

    def optimize(self) -> None:
        """Make queries fast again after a bulk load."""

    def count(self, match: Match, cap: int, *, estimate: bool = True) -> Count:
        """The number of matches if at most `cap`; otherwise an estimate above `cap` (just
        `cap + 1` with estimate=False), marked approximate. Counting stops at `cap + 1`, so
        its cost is bounded."""
        ...

    def fetch(self, match: Match, offset: int, limit: int, count: Count) -> list[int]:
        """The `ord` values of matching entries, newest first. `count` (from `count`) lets
        the backend choose how to read them."""
        ...
