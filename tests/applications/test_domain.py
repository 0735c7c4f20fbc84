"""Domain rules without a database: clock, fees, state machine, repeated-application flags.

The calendar is the real State Council calendar for 2025 and 2026 (chinesecalendar), with 2027
unknown — as it is today.
"""

import datetime as dt

import pytest

from gongkai.applications.domain import clock, fees, outcomes, similarity, states
from gongkai.applications.domain.clock import Pause, reply_clock
from gongkai.core.errors import InvalidTransition
from gongkai.core.holidays import package_notices
from gongkai.core.workdays import WorkCalendar

D = dt.date
_NOTICES = [n for n in package_notices() if n.year in (2025, 2026)]
CAL = WorkCalendar(
    off_days={d: name for n in _NOTICES for d, name in n.off_days.items()},
    work_days={d: name for n in _NOTICES for d, name in n.work_days.items()},
    known_years=frozenset({2025, 2026}),
)


def test_plain_twenty_working_days_skips_weekends():
    c = reply_clock(CAL, received=D(2026, 3, 2), today=D(2026, 3, 2))
    assert c.deadline == D(2026, 3, 30)
    assert not c.provisional
    assert c.days_left(CAL, D(2026, 3, 2)) == 20


def test_correction_request_window_across_spring_festival_ends_on_makeup_saturday():
    # 条例第三十条: 7 working days; 13 Feb, Sat 14 Feb (worked), 24–28 Feb (Sat 28 worked).
    period = clock.correction_request_deadline(CAL, D(2026, 2, 12))
    assert period.deadline == D(2026, 2, 28)


def test_correction_restarts_reply_period_across_spring_festival():
    c = reply_clock(
        CAL,
        received=D(2026, 2, 2),
        today=D(2026, 2, 12),
        correction_requested=D(2026, 2, 10),
        correction_received=D(2026, 2, 12),
    )
    # Restart on 12 Feb: 13, 14 (makeup), 24–28 (28 makeup), 2–18 Mar → 18 Mar.
    assert c.deadline == D(2026, 3, 18)
    assert c.restart == D(2026, 2, 12)
    text = "\n".join(c.lines)
    assert "2026年2月12日收到补正后的申请" in text
    assert "春节" in text
    assert "2026年2月14日（星期六）为春节调休上班" in text


def test_waiting_for_correction_has_no_deadline():
    c = reply_clock(
        CAL, received=D(2026, 2, 2), today=D(2026, 2, 12), correction_requested=D(2026, 2, 10)
    )
    assert c.deadline is None
    assert c.waiting_for_correction
    assert c.days_left(CAL, D(2026, 2, 12)) is None


def test_consultation_pause_across_national_day_2026():
    # Without the pause: 16 Oct. Paused 19 Sep–12 Oct: Sun 20 Sep worked, 25–27 Sep and
    # 1–7 Oct off, Sat 10 Oct worked → 12 working days added.
    plain = reply_clock(CAL, received=D(2026, 9, 14), today=D(2026, 9, 14))
    assert plain.deadline == D(2026, 10, 16)
    c = reply_clock(
        CAL,
        received=D(2026, 9, 14),
        today=D(2026, 10, 12),
        pauses=[Pause(D(2026, 9, 18), D(2026, 10, 12), reason="征求第三方意见")],
    )
    assert c.paused_days == 12
    assert c.deadline == D(2026, 11, 3)
    assert any("不计入答复期限" in line for line in c.lines)


def test_running_consultation_pushes_deadline_day_by_day():
    pauses = [Pause(D(2026, 9, 18))]
    a = reply_clock(CAL, received=D(2026, 9, 14), today=D(2026, 9, 21), pauses=pauses)
    b = reply_clock(CAL, received=D(2026, 9, 14), today=D(2026, 9, 22), pauses=pauses)
    assert a.paused_days == 2  # Sun 20 Sep (make-up) and Mon 21 Sep
    assert b.deadline is not None and a.deadline is not None and b.deadline > a.deadline


def test_extension_ending_on_makeup_saturday():
    c = reply_clock(CAL, received=D(2026, 8, 10), today=D(2026, 8, 10), extension_days=20)
    assert c.deadline == D(2026, 10, 10)
    assert c.deadline.weekday() == 5
    assert any("延长20个工作日" in line for line in c.lines)


def test_extension_over_twenty_days_refused():
    with pytest.raises(clock.ClockError, match="最长不超过20个工作日"):
        reply_clock(CAL, received=D(2026, 8, 10), today=D(2026, 8, 10), extension_days=21)


def test_deadline_in_unknown_year_is_provisional():
    c = reply_clock(CAL, received=D(2026, 12, 14), today=D(2026, 12, 14))
    assert c.provisional
    assert c.deadline == D(2027, 1, 11)  # weekends only assumed for 2027
    assert "暂定期限" in c.lines[-1]


def test_correction_dates_must_be_in_order():
    with pytest.raises(clock.ClockError, match="不能早于"):
        reply_clock(
            CAL,
            received=D(2026, 3, 2),
            today=D(2026, 3, 2),
            correction_requested=D(2026, 3, 4),
            correction_received=D(2026, 3, 3),
        )


def test_overdue_days_left_negative():
    c = reply_clock(CAL, received=D(2026, 3, 2), today=D(2026, 4, 1))
    assert c.days_left(CAL, D(2026, 4, 1)) == -2  # 30 Mar deadline; 31 Mar, 1 Apr


@pytest.mark.parametrize(
    ("channel", "kwargs", "expected"),
    [
        ("window", {}, D(2026, 3, 2)),
        ("registered_post", {"signed_for": D(2026, 3, 4)}, D(2026, 3, 4)),
        ("ordinary_post", {"confirmed": D(2026, 3, 5)}, D(2026, 3, 5)),
        ("online", {"confirmed": D(2026, 3, 3)}, D(2026, 3, 3)),
        ("online", {}, None),
        ("fax", {"confirmed": D(2026, 3, 6)}, D(2026, 3, 6)),
    ],
)
def test_receipt_date_per_channel(channel, kwargs, expected):
    assert clock.receipt_date(channel, submitted=D(2026, 3, 2), **kwargs) == expected


@pytest.mark.parametrize(
    ("n", "fee"),
    [
        (0, 0),
        (1, 0),
        (10, 0),
        (11, 100),
        (30, 2000),
        (31, 2200),
        (40, 4000),
        (41, 4300),
        (50, 7000),
        (51, 7400),
    ],
)
def test_fee_per_application_band_edges(n, fee):
    assert fees.fee_for_applications(n) == fee


@pytest.mark.parametrize(
    ("n", "fee"),
    [(0, 0), (30, 0), (31, 10), (100, 700), (101, 720), (200, 2700), (201, 2740), (250, 4700)],
)
def test_fee_per_page_band_edges(n, fee):
    assert fees.fee_for_pages(n) == fee


def test_fee_modes_are_exclusive_and_counts_non_negative():
    with pytest.raises(fees.FeeError):
        fees.fee_for_application(mode="both", ordinal_in_month=11, pages=40)
    with pytest.raises(fees.FeeError):
        fees.fee_for_pages(-1)
    assert fees.fee_for_application(mode="per_application", ordinal_in_month=31) == 200
    assert fees.fee_for_application(mode="per_page", pages=31) == 10


S = states.Status
A = states.Action
EXPECTED = {
    A.CONFIRM: {S.AWAITING_CONFIRMATION: S.IN_PROGRESS},
    A.REQUEST_CORRECTION: {S.IN_PROGRESS: S.AWAITING_CORRECTION},
    A.RECEIVE_CORRECTION: {S.AWAITING_CORRECTION: S.IN_PROGRESS},
    A.CORRECTION_LAPSED: {S.AWAITING_CORRECTION: S.ABANDONED},
    A.START_CONSULTATION: {S.IN_PROGRESS: S.CONSULTING},
    A.END_CONSULTATION: {S.CONSULTING: S.IN_PROGRESS},
    A.EXTEND: {S.IN_PROGRESS: S.IN_PROGRESS, S.CONSULTING: S.CONSULTING},
    A.ISSUE_FEE_NOTICE: {S.IN_PROGRESS: S.AWAITING_FEE},
    A.FEE_PAID: {S.AWAITING_FEE: S.IN_PROGRESS},
    A.FEE_LAPSED: {S.AWAITING_FEE: S.ABANDONED},
    A.REPLY: {S.IN_PROGRESS: S.REPLIED},
    A.WITHDRAW: dict.fromkeys(
        (
            S.AWAITING_CONFIRMATION,
            S.IN_PROGRESS,
            S.AWAITING_CORRECTION,
            S.CONSULTING,
            S.AWAITING_FEE,
        ),
        S.WITHDRAWN,
    ),
}


@pytest.mark.parametrize("action", list(A))
@pytest.mark.parametrize("status", list(S))
def test_every_transition_allowed_or_refused(action, status):
    target = EXPECTED[action].get(status)
    if target is None:
        with pytest.raises(InvalidTransition, match=f"当前状态为“{status.label}”"):
            states.next_status(status, action)
    else:
        assert states.next_status(status, action) == target


def test_closed_application_allows_nothing():
    with pytest.raises(InvalidTransition, match="无（办理已结束）"):
        states.next_status(S.REPLIED, A.REPLY)


def test_outcome_labels_match_annual_report_rows():
    labels = [o.label for o in outcomes.OUTCOMES]
    assert len(outcomes.OUTCOMES) == 21
    assert "属于行政查询事项" in labels and "补正后申请内容仍不明确" in labels
    assert (
        outcomes.OUTCOME_GROUPS["二"] == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    )
    every = {o for codes in outcomes.REPLY_TYPE_OUTCOMES.values() for o in codes}
    assert every <= set(outcomes.OUTCOME_BY_CODE)
    assert outcomes.outcome_allowed("not_exist", "unavailable_not_held")
    assert not outcomes.outcome_allowed("disclosed", "withheld_state_secret")


def test_similar_applications_flagged_and_different_ones_not():
    text = "申请公开2025年度示例市科技计划项目立项清单及资助金额"
    found = similarity.similar_items(
        text,
        [
            ("A1", "请提供示例市2025年科技计划项目立项名单和资助金额"),
            ("A2", "申请公开局机关2024年度部门决算"),
        ],
    )
    assert [s.key for s in found] == ["A1"]
