"""Precision and recall per technique on the labelled corpus (tests/monitoring/corpus)."""

from __future__ import annotations

import pytest

from tests.monitoring.corpus.evaluate import EXPECTED, Report, evaluate, labels

RECALL_TARGET = 0.98
FPR_TARGET = 0.01


@pytest.fixture(scope="module")
def report() -> Report:
    return evaluate()


def test_corpus_is_big_enough_and_covers_every_technique() -> None:
    entries = labels()
    positives = [v for v in entries.values() if v["label"] == "positive"]
    negatives = [v for v in entries.values() if v["label"] == "negative"]
    assert len(positives) >= 60
    assert len(negatives) >= 60
    assert {v["technique"] for v in positives} == set(EXPECTED)
    for technique in EXPECTED:
        assert sum(v["technique"] == technique for v in positives) >= 5, technique


def test_overall_recall(report: Report) -> None:
    missed = [m for s in report.scores.values() for m in s.missed]
    assert report.recall >= RECALL_TARGET, missed


@pytest.mark.parametrize("technique", sorted(EXPECTED))
def test_recall_per_technique(report: Report, technique: str) -> None:
    score = report.scores[technique]
    # Per technique, at most one miss is tolerated (≥ 5 pages each); overall stays ≥ 98 %.
    assert score.positives - score.detected <= max(1, int(score.positives * (1 - RECALL_TARGET))), (
        score.missed
    )


def test_false_positive_rate(report: Report) -> None:
    flagged = [(rel, r.verdict, [f.type for f in r.findings]) for rel, r in report.false_positives]
    assert report.fpr <= FPR_TARGET, flagged


def test_lottery_and_anti_gambling_pages_are_clean(report: Report) -> None:
    for rel, meta in labels().items():
        if meta["technique"] in {"lottery_fund", "anti_gambling", "anti_porn", "anti_fraud"}:
            assert report.results[rel].verdict == "clean", rel


def test_combined_hijacks_are_tampered(report: Report) -> None:
    for rel, meta in labels().items():
        if meta["technique"] == "combined":
            assert report.results[rel].verdict == "tampered", rel
