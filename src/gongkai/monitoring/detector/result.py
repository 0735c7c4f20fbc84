"""Findings and the overall verdict of one inspection."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Verdict = Literal["clean", "suspicious", "tampered"]

# Score thresholds (0–100). A single strong finding (weight ≥ 70) makes a page tampered;
# weak indicators (an unknown external link, a lone eval) stay below SUSPICIOUS on their own
# because real government pages carry them too.
SUSPICIOUS = 30.0
TAMPERED = 70.0
# Findings below this weight are reported (an unknown external domain, a CNZZ counter's
# unescape) but do not add to the score: many weak, common traits are not one strong one.
INFORMATIONAL = 15.0
EVIDENCE_MAX = 160


def excerpt(text: str, limit: int = EVIDENCE_MAX) -> str:
    """Shorten *text* for a finding's evidence, keeping it on one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Finding:
    """One observation: what technique, the evidence, where, and how much it weighs."""

    type: str
    evidence: str
    location: str
    weight: float
    detail: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Result:
    """Outcome of inspecting one page."""

    verdict: Verdict
    score: float
    findings: list[Finding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return self.verdict != "clean"

    def types(self) -> set[str]:
        return {f.type for f in self.findings}

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "score": self.score,
            "findings": [f.to_dict() for f in self.findings],
            "notes": list(self.notes),
        }


def combine(findings: list[Finding], notes: list[str] | None = None) -> Result:
    """Combine finding weights as independent evidence: 1 - Π(1 - w)."""
    # Several findings of one type are one piece of evidence, not many: take the strongest per
    # type, then add a small bonus for repetition so that ten hidden blocks outweigh one.
    best: dict[str, float] = {}
    count: dict[str, int] = {}
    for f in findings:
        if f.weight < INFORMATIONAL:
            continue
        best[f.type] = max(best.get(f.type, 0.0), f.weight)
        count[f.type] = count.get(f.type, 0) + 1
    remaining = 1.0
    for type_, weight in best.items():
        w = min(99.0, weight + 3.0 * min(count[type_] - 1, 5)) / 100.0
        remaining *= 1.0 - w
    score = round(100.0 * (1.0 - remaining), 1)
    verdict: Verdict = "clean"
    if score >= TAMPERED:
        verdict = "tampered"
    elif score >= SUSPICIOUS:
        verdict = "suspicious"
    ordered = sorted(findings, key=lambda f: -f.weight)
    return Result(verdict=verdict, score=score, findings=ordered, notes=list(notes or []))
