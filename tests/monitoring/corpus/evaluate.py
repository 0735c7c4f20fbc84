"""Score the detector on the labelled corpus (used by the corpus test and the benchmark)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.monitoring.detector import Result, inspect_html

HERE = Path(__file__).resolve().parent
OWN_NAMES = ("示例市科学技术局",)
# Finding types that count as "this technique was recognised".
EXPECTED: dict[str, frozenset[str]] = {
    "brand_swap": frozenset({"gambling", "name_replaced"}),
    "pinyin_run": frozenset({"pinyin_run"}),
    "char_pinyin": frozenset({"char_pinyin"}),
    "trad_simp": frozenset({"trad_simp_mix"}),
    "link_block": frozenset({"link_block", "external_link"}),
    "hidden_links": frozenset({"hidden_link", "hidden_iframe"}),
    "js_redirect": frozenset({"redirect", "cloaking", "script_injection", "external_script"}),
    "obfuscated_script": frozenset({"obfuscated_script"}),
    "keyword_stuffing": frozenset({"keyword_stuffing"}),
    "porn_spam": frozenset({"porn"}),
    "combined": frozenset({"gambling", "porn", "hidden_link", "redirect", "pinyin_run"}),
}
MIN_WEIGHT = 15.0  # result.INFORMATIONAL: lighter findings do not count


@dataclass
class Score:
    technique: str
    positives: int = 0
    detected: int = 0
    false_alarms: int = 0
    missed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.detected / self.positives if self.positives else 1.0

    @property
    def precision(self) -> float:
        flagged = self.detected + self.false_alarms
        return self.detected / flagged if flagged else 1.0


@dataclass
class Report:
    scores: dict[str, Score]
    negatives: int
    false_positives: list[tuple[str, Result]]
    results: dict[str, Result]

    @property
    def fpr(self) -> float:
        return len(self.false_positives) / self.negatives if self.negatives else 0.0

    @property
    def recall(self) -> float:
        pos = sum(s.positives for s in self.scores.values())
        return sum(s.detected for s in self.scores.values()) / pos if pos else 1.0


def labels() -> dict[str, dict[str, str]]:
    return json.loads((HERE / "labels.json").read_text(encoding="utf-8"))


def _recognised(result: Result, technique: str) -> bool:
    wanted = EXPECTED[technique]
    return result.flagged and any(
        f.type in wanted and f.weight >= MIN_WEIGHT for f in result.findings
    )


def evaluate() -> Report:
    scores = {t: Score(t) for t in EXPECTED}
    results: dict[str, Result] = {}
    false_positives: list[tuple[str, Result]] = []
    negatives = 0
    for rel, meta in sorted(labels().items()):
        result = inspect_html((HERE / rel).read_bytes(), own_names=OWN_NAMES)
        results[rel] = result
        if meta["label"] == "positive":
            score = scores[meta["technique"]]
            score.positives += 1
            if _recognised(result, meta["technique"]):
                score.detected += 1
            else:
                score.missed.append(rel)
        else:
            negatives += 1
            if result.flagged:
                false_positives.append((rel, result))
            for technique, score in scores.items():
                if any(
                    f.type in EXPECTED[technique] and f.weight >= MIN_WEIGHT
                    for f in result.findings
                ):
                    score.false_alarms += 1
    return Report(scores, negatives, false_positives, results)


def table(report: Report) -> str:
    lines = ["| technique | positives | recall | precision |", "|---|---:|---:|---:|"]
    for s in report.scores.values():
        lines.append(f"| {s.technique} | {s.positives} | {s.recall:.1%} | {s.precision:.1%} |")
    lines.append(
        f"| **all positives** | {sum(s.positives for s in report.scores.values())} | "
        f"{report.recall:.1%} | |"
    )
    lines.append(
        f"| **negatives** (false-positive rate) | {report.negatives} | | FPR {report.fpr:.1%} |"
    )
    return "\n".join(lines)
