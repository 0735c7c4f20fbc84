"""The draw and the yearly plan (no database)."""

import datetime as dt

import pytest

from gongkai.meetings.domain import draw, plan


def test_draw_is_deterministic_and_checkable():
    numbers = [f"R{i:03d}" for i in range(1, 17)]
    first = draw.draw("HY2026-01", numbers, 10)
    again = draw.draw("HY2026-01", list(reversed(numbers)), 10)
    assert first == again
    assert first.drawn and len(first.selected) == 10 and len(first.waiting) == 6
    assert set(first.selected) | set(first.waiting) == set(numbers)
    # Anyone can recompute it from the published numbers and the method.
    ordered = sorted(numbers, key=lambda n: draw.key(draw.seed_for("HY2026-01", numbers), n))
    assert tuple(ordered[:10]) == first.selected


def test_a_different_list_gives_a_different_seed():
    a = draw.draw("HY2026-01", ["R001", "R002", "R003"], 1)
    b = draw.draw("HY2026-01", ["R001", "R002", "R003", "R004"], 1)
    assert a.seed != b.seed


def test_no_draw_when_everyone_fits():
    result = draw.draw("HY2026-02", ["R002", "R001"], 5)
    assert not result.drawn and result.selected == ("R001", "R002") and result.waiting == ()


def test_bad_input():
    with pytest.raises(ValueError):
        draw.draw("X", ["R001", "R001"], 1)
    with pytest.raises(ValueError):
        draw.draw("X", ["R001"], -1)


@pytest.mark.parametrize(
    ("day", "held", "planned", "level"),
    [
        (dt.date(2027, 3, 1), 0, 0, "normal"),
        (dt.date(2027, 7, 1), 1, 0, "warn"),  # third quarter: warning
        (dt.date(2027, 10, 8), 0, 2, "warn"),  # enough planned
        (dt.date(2027, 10, 8), 1, 0, "urgent"),  # fourth quarter, not even planned
        (dt.date(2027, 12, 1), 2, 0, "ok"),
    ],
)
def test_yearly_plan(day, held, planned, level):
    status = plan.plan_status(day, held=held, planned=planned, minimum=2)
    assert status.level == level
    assert status.met == (held >= 2)
