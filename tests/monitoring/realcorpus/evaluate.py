"""Score the detector on the real corpus, grouped by registrable domain.

    .venv/bin/python -m tests.monitoring.realcorpus.evaluate [--all] [--misses]

The corpus came in two batches (``batch`` in pages.jsonl). In the *first* batch, pages are
assigned to one of five folds by a hash of their registrable domain, so every page of one site
lands in the same fold: folds 0-2 are the *tuning* folds, folds 3-4 were *held out* until the
rules built on the tuning folds were scored on them once. The *fresh* batch (130 pages from 130
domains in neither fold) was gathered after that and scored once before anything was learnt
from it. Each held-out figure is honest only at its first look; README.md records those. A
hijacked page counts as detected when its verdict is not ``clean``; a clean page counts as a
false positive when its verdict is not ``clean``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.monitoring.detector import Result, inspect_html

HERE = Path(__file__).resolve().parent
FOLDS = 5
HELD_OUT = frozenset({3, 4})


def pages() -> list[dict[str, Any]]:
    with (HERE / "pages.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def fold(domain: str) -> int:
    """The fold of a registrable domain (stable across runs and machines)."""
    return int(hashlib.sha256(domain.encode()).hexdigest(), 16) % FOLDS


@dataclass
class Tally:
    total: int = 0
    flagged: int = 0
    ids: list[str] = field(default_factory=list)  # misses (hijacked) or false alarms (clean)

    @property
    def rate(self) -> float:
        return self.flagged / self.total if self.total else 0.0


@dataclass
class Report:
    hijacked: Tally
    clean: Tally
    by_technique: dict[str, Tally]
    by_kind: dict[str, Tally]
    results: dict[str, Result]

    @property
    def recall(self) -> float:
        return self.hijacked.rate

    @property
    def fpr(self) -> float:
        return self.clean.rate


def evaluate(selected: Iterable[dict[str, Any]]) -> Report:
    hijacked, clean = Tally(), Tally()
    by_technique: dict[str, Tally] = {}
    by_kind: dict[str, Tally] = {}
    results: dict[str, Result] = {}
    for page in selected:
        result = inspect_html(page["text"], base_url=page["url"])
        results[page["id"]] = result
        if page["label"] == "hijacked":
            tallies = [hijacked] + [by_technique.setdefault(t, Tally()) for t in page["techniques"]]
            for t in tallies:
                t.total += 1
                if result.flagged:
                    t.flagged += 1
                else:
                    t.ids.append(page["id"])
        else:
            for t in (clean, by_kind.setdefault(page["kind"], Tally())):
                t.total += 1
                if result.flagged:
                    t.flagged += 1
                    t.ids.append(page["id"])
    return Report(hijacked, clean, by_technique, by_kind, results)


SPLITS = ("held_out", "tuning", "fresh", "all")


def split(which: str) -> list[dict[str, Any]]:
    """'held_out' or 'tuning' folds of the first batch, the 'fresh' batch, or 'all' pages."""
    every = pages()
    if which == "all":
        return every
    if which == "fresh":
        return [p for p in every if p["batch"] == "fresh"]
    held = which == "held_out"
    first = (p for p in every if p["batch"] == "first")
    return [p for p in first if (fold(p["domain"]) in HELD_OUT) == held]


def table(report: Report) -> str:
    lines = ["| hijacked pages by technique | pages | detected | recall |", "|---|---:|---:|---:|"]
    for name, t in sorted(report.by_technique.items(), key=lambda kv: -kv[1].total):
        lines.append(f"| {name} | {t.total} | {t.flagged} | {t.rate:.1%} |")
    h = report.hijacked
    lines.append(f"| **all hijacked** | {h.total} | {h.flagged} | **{h.rate:.1%}** |")
    lines += [
        "",
        "| clean pages by kind | pages | flagged | false-positive rate |",
        "|---|---:|---:|---:|",
    ]
    for name, t in sorted(report.by_kind.items(), key=lambda kv: -kv[1].total):
        lines.append(f"| {name} | {t.total} | {t.flagged} | {t.rate:.1%} |")
    c = report.clean
    lines.append(f"| **all clean** | {c.total} | {c.flagged} | **{c.rate:.1%}** |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--all", action="store_true", help="also the tuning folds, the fresh batch and all pages"
    )
    parser.add_argument("--misses", action="store_true", help="list misses and false alarms")
    args = parser.parse_args()
    for which in SPLITS if args.all else ("held_out", "fresh"):
        report = evaluate(split(which))
        title = {"held_out": "held-out folds", "tuning": "tuning folds", "fresh": "fresh batch"}
        print(f"## {title.get(which, 'all pages')}\n")
        print(table(report))
        if args.misses:
            print("\nmissed:", " ".join(report.hijacked.ids))
            print("false alarms:", " ".join(report.clean.ids))
        print()


if __name__ == "__main__":
    main()
