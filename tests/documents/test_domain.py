"""Pure rules: no database."""

import datetime as dt

import pytest

from gongkai.core.errors import InvalidTransition
from gongkai.core.identifiers import luhn_valid, resident_id_check_char
from gongkai.core.services.calendar import package_notices
from gongkai.core.workdays import WorkCalendar
from gongkai.documents.domain import docnumber, rules, workflow
from gongkai.documents.domain.checks import run_checks
from gongkai.documents.domain.workflow import Status


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("筑科发〔2017〕12号", "筑科发〔2017〕12号"),
        ("筑科发[2017]12号", "筑科发〔2017〕12号"),
        ("筑科发（2017）12号", "筑科发〔2017〕12号"),
        ("筑科发【2017】 12号", "筑科发〔2017〕12号"),
        (" 筑科发 (2017) 第12号", "筑科发〔2017〕12号"),
        ("示科办字［2026］003号", "示科办字〔2026〕3号"),
    ],
)
def test_doc_number_variants_normalise(raw, expected):
    assert str(docnumber.parse(raw)) == expected


@pytest.mark.parametrize(
    "raw", ["筑科发2017年12号", "〔2017〕12号", "筑科发〔17〕12号", "筑科发〔2017〕", "12号"]
)
def test_malformed_doc_numbers_are_refused_with_the_expected_form(raw):
    with pytest.raises(docnumber.DocNumberError, match=r"机关代字〔年份〕序号号|年份|序号"):
        docnumber.parse(raw)


def test_doc_number_year_in_the_future_is_refused():
    with pytest.raises(docnumber.DocNumberError, match="2031"):
        docnumber.parse("筑科发〔2031〕1号", max_year=2027)


def test_status_labels_cover_every_state():
    assert set(workflow.STATUS_LABELS) == set(Status)


def test_transition_guards_source_state():
    with pytest.raises(InvalidTransition, match="待保密审查"):
        workflow.check_source("head_approve", Status.CONFIDENTIALITY_REVIEW)


def test_legality_review_only_for_normative_or_major():
    assert (
        workflow.after_division_review(is_normative=True, is_major_decision=False)
        == Status.LEGALITY_REVIEW
    )
    assert (
        workflow.after_division_review(is_normative=False, is_major_decision=True)
        == Status.LEGALITY_REVIEW
    )
    assert (
        workflow.after_division_review(is_normative=False, is_major_decision=False)
        == Status.CONFIDENTIALITY_REVIEW
    )


def test_every_review_step_can_return_to_drafter():
    for status, roles in workflow.REVIEWER_OF.items():
        names = [t.name for t in workflow.available(status, frozenset(roles))]
        assert "return" in names, status
    # The legality reviewer cannot return a document waiting for the division head.
    names = [
        t.name for t in workflow.available(Status.DIVISION_REVIEW, frozenset({"legality_reviewer"}))
    ]
    assert "return" not in names


def _calendar() -> WorkCalendar:
    off, work = {}, {}
    for n in package_notices():
        off.update(n.off_days)
        work.update(n.work_days)
    return WorkCalendar(off, work, frozenset(n.year for n in package_notices()))


def test_twenty_working_days_across_national_day():
    cal = _calendar()
    # Formed 2025-09-19 (Fri). 2025 National Day + Mid-autumn: 1-8 Oct off, 28 Sep and 11 Oct worked.
    formed = dt.date(2025, 9, 19)
    assert rules.disclosure_working_days(cal, formed, dt.date(2025, 10, 23)) == 20
    assert not rules.is_late(20)
    assert rules.disclosure_working_days(cal, formed, dt.date(2025, 10, 24)) == 21
    assert rules.is_late(21)


def test_cleanup_every_two_years_handles_leap_day():
    assert rules.next_cleanup_date(dt.date(2024, 2, 29)) == dt.date(2026, 2, 28)
    assert rules.next_cleanup_date(dt.date(2025, 3, 1), 3) == dt.date(2028, 3, 1)


def test_index_number_pattern():
    assert (
        rules.format_index_number("{prefix}/{year}-{seq:05d}", prefix="MB1", year=2026, seq=7)
        == "MB1/2026-00007"
    )
    assert "seq" in (rules.index_pattern_error("{prefix}/{year}") or "")
    assert "不认识" in (rules.index_pattern_error("{prefix}/{yr}-{seq}") or "")


def _id() -> str:
    first = "52010219850101123"
    return first + resident_id_check_char(first)


def _kinds(text: str, allow=()) -> list[tuple[str, bool]]:
    return [(f.kind, f.certain) for f in run_checks(text, allow)]


def test_classification_mark_with_star_is_certain():
    assert ("classification", True) in _kinds("机密★5年\n关于某事项的报告")


def test_secret_in_ordinary_prose_is_flagged_as_possible_only():
    found = run_checks("各单位要严格遵守保守国家秘密的规定。")
    assert [f.kind for f in found] == ["classification"]
    assert found[0].certain is False
    assert "审查人判断" in found[0].note


def test_valid_id_number_is_found_and_wrong_check_digit_is_not():
    good = _id()
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    assert ("id_number", True) in _kinds(f"身份证号：{good}")
    assert "id_number" not in [k for k, _ in _kinds(f"编号：{bad}")]


def test_phone_numbers_but_not_the_departments_published_number():
    assert ("phone", True) in _kinds("联系人手机 138-1234-5678")
    assert _kinds("咨询电话：0851-87987000", allow=["0851-87987000"]) == []
    assert ("phone", False) in _kinds("住宅电话 (0851)86543210")


def test_bank_card_needs_luhn():
    card = "6222020200000000"
    card = next(card[:-1] + str(d) for d in range(10) if luhn_valid(card[:-1] + str(d)))
    assert ("bank_card", True) in _kinds(
        f"收款账号 {card[:4]} {card[4:8]} {card[8:12]} {card[12:]}"
    )
    broken = card[:-1] + str((int(card[-1]) + 1) % 10)
    assert "bank_card" not in [k for k, _ in _kinds(f"账号 {broken}")]


def test_personal_email_and_home_address():
    kinds = _kinds(
        "来信请寄张三，zhangsan@qq.com，家住贵州省贵阳市云岩区中华北路12号阳光小区3栋2单元501室。"
    )
    assert ("email", True) in kinds
    assert ("address", True) in kinds


def test_clean_text_has_no_findings():
    assert run_checks("为深入实施创新驱动发展战略，现就加强科技创新平台建设提出如下意见。") == []
