"""The comment period and the feedback report's arithmetic, on the real 2026 calendar (no
database): Spring Festival, National Day and make-up working weekends."""

import datetime as dt

import pytest

from gongkai.consultations.domain import feedback, period, states
from gongkai.consultations.domain.feedback import Item
from gongkai.core.errors import InvalidTransition
from gongkai.core.holidays import calendar_from_notices, package_notices
from gongkai.core.participation import public_author, redact, screen, withhold_error

D = dt.date
NORMATIVE = period.minimum_for(period.Kind.NORMATIVE)
MAJOR = period.minimum_for(period.Kind.MAJOR_DECISION)


@pytest.fixture(scope="module")
def cal():
    return calendar_from_notices(n for n in package_notices() if n.year in (2025, 2026))


def close(cal, opens, minimum):
    return period.earliest_close(cal, opens, minimum)[0]


def test_normative_seven_working_days_across_spring_festival(cal):
    # Fri 13 Feb 2026: Sat 14 Feb is a make-up working day (day 1), 15–23 Feb off, then
    # 24–27 Feb (days 2–5), Sat 28 Feb make-up (day 6), Mon 2 Mar (day 7).
    assert close(cal, D(2026, 2, 13), NORMATIVE) == D(2026, 3, 2)


def test_normative_seven_working_days_across_national_day(cal):
    # Wed 23 Sep 2026: 24 Sep, 28–30 Sep, 8–9 Oct and the make-up Saturday 10 Oct.
    assert close(cal, D(2026, 9, 23), NORMATIVE) == D(2026, 10, 10)


def test_major_decision_thirty_days_ending_on_national_day_moves_past_it(cal):
    # 30 days after 1 Sep is 1 Oct, a holiday: the period ends on 8 Oct (民法典第二百零三条).
    earliest, lines, provisional = period.earliest_close(cal, D(2026, 9, 1), MAJOR)
    assert earliest == D(2026, 10, 8)
    assert not provisional
    assert any("第二百零三条" in line for line in lines)


def test_major_decision_ending_on_a_make_up_saturday_stays(cal):
    assert close(cal, D(2026, 1, 15), MAJOR) == D(2026, 2, 14)  # Sat 14 Feb is worked


def test_major_decision_ending_in_spring_festival(cal):
    assert close(cal, D(2026, 1, 16), MAJOR) == D(2026, 2, 24)


def test_a_year_without_its_notice_is_provisional(cal):
    assert period.earliest_close(cal, D(2026, 12, 10), MAJOR)[2] is True


def test_shorter_period_needs_a_reason(cal):
    check = period.check_period(cal, D(2026, 9, 1), D(2026, 9, 20), MAJOR)
    assert check.shorter
    assert "理由" in period.period_error(check, "")
    assert period.period_error(check, "上级部署时间紧急，须于九月底前报送市政府审议") is None
    assert (
        period.period_error(period.check_period(cal, D(2026, 9, 1), D(2026, 10, 8), MAJOR), "")
        is None
    )


def test_other_drafts_have_no_minimum(cal):
    check = period.check_period(
        cal, D(2026, 9, 1), D(2026, 9, 2), period.minimum_for(period.Kind.OTHER)
    )
    assert not check.shorter


def test_impossible_periods(cal):
    with pytest.raises(ValueError, match="晚于"):
        period.check_period(cal, D(2026, 9, 1), D(2026, 9, 1), MAJOR)
    with pytest.raises(ValueError, match="一年"):
        period.check_period(cal, D(2026, 1, 1), D(2027, 6, 1), MAJOR)


def test_minimums_are_configurable():
    assert period.minimum_for(period.Kind.MAJOR_DECISION, major_days=45).days == 45
    assert "不少于7个工作日" in NORMATIVE.text


def test_states():
    assert states.check("open", "draft").target == states.Status.OPEN
    with pytest.raises(InvalidTransition, match="不能结束征求意见"):
        states.check("close", "draft")
    assert states.allowed("closed") == ["publish_feedback"]


def test_feedback_every_comment_decided_and_every_non_adoption_reasoned():
    items = [
        Item(1, "online", "adopted", ""),
        Item(2, "letter", "not_adopted", "与上位法规定不一致"),
        Item(3, "online", "", "", group_of=1),  # takes comment 1's disposition
        Item(4, "expert", "partly", ""),  # no reason
        Item(5, "online", "", ""),  # undecided
    ]
    s = feedback.summarise(items, withheld=["advertising"])
    assert s.total == 5
    assert s.by_channel == {"online": 3, "letter": 1, "expert": 1}
    assert s.by_disposition == {"adopted": 2, "partly": 1, "not_adopted": 1}
    assert s.undecided == [5]
    assert s.missing_reason == [4]
    assert s.withheld == {"advertising": 1}
    assert not s.complete
    assert len(s.problems()) == 2


def test_reason_rules():
    assert feedback.reason_error("adopted", "") is None
    assert "理由" in feedback.reason_error("not_adopted", "不")
    assert feedback.reason_error("maybe", "") is not None


def test_personal_data_is_masked_and_names_need_consent():
    text = "我的电话13812345678，身份证520102199003071234，邮箱 wang@example.com，座机0851-86001234"
    masked = redact(text)
    assert "13812345678" not in masked and "138****5678" in masked
    assert "520102199003071234" not in masked and "52*************234" in masked
    assert "wang@example.com" not in masked and "w***@example.com" in masked
    assert "86001234" not in masked
    assert public_author("王小红", consent=False) == "社会公众"
    assert public_author("王小红", consent=True) == "王小红"


def test_moderation_is_for_abuse_never_for_dissent():
    assert withhold_error("dissent", "反对政策") is not None
    assert "不同意见" in withhold_error("disagree", "x")
    assert withhold_error("advertising", "推销贷款") is None
    flags = {f.code for f in screen("加微信秒批贷款 http://a.example http://b.example")}
    assert {"links", "spam_words"} <= flags
    assert screen("坚决反对这个办法，完全不合理！") == []
