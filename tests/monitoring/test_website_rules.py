"""The single-veto content rules of 国办发〔2019〕19号, pure (no database)."""

from __future__ import annotations

import datetime as dt

from gongkai.monitoring.website_rules import (
    ColumnState,
    LeaderSpec,
    Unanswered,
    assess_columns,
    assess_empty,
    assess_home,
    assess_interaction,
    assess_leaders,
    column_kind,
    find_leader_errors,
    months_before,
    page_links,
)

TODAY = dt.date(2026, 11, 26)


def test_months_before_clamps_to_month_end() -> None:
    assert months_before(dt.date(2026, 5, 31), 3) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 6) == dt.date(2025, 7, 15)


def test_home_page_stale_after_two_weeks() -> None:
    assert assess_home(TODAY - dt.timedelta(days=14), today=TODAY).status == "risk"
    assert assess_home(TODAY - dt.timedelta(days=15), today=TODAY).status == "fail"
    assert assess_home(TODAY - dt.timedelta(days=3), today=TODAY).status == "pass"
    assert assess_home(None, today=TODAY).status == "fail"


def test_column_kinds() -> None:
    assert column_kind("工作动态") == "news"
    assert column_kind("通知公告") == "notice"
    assert column_kind("政策文件") == "notice"
    assert column_kind("机构职能") == "other"


def news(name: str, days_ago: int) -> ColumnState:
    return ColumnState(name, TODAY - dt.timedelta(days=days_ago), 3)


def test_five_news_columns_stale_two_weeks_fail_four_are_a_risk() -> None:
    four = [news(f"工作动态{i}", 15) for i in range(4)]
    assert assess_columns(four, today=TODAY).status == "risk"
    result = assess_columns([*four, news("科技要闻", 20)], today=TODAY)
    assert result.status == "fail"
    assert any("科技要闻" in e for e in result.evidence)
    assert assess_columns([news("工作动态", 13)], today=TODAY).status == "risk"  # near the limit
    assert assess_columns([news("工作动态", 2)], today=TODAY).status == "pass"


def test_notice_columns_six_months_and_ten_long_stale() -> None:
    old = TODAY.replace(month=5, day=1)  # more than 6 months before 26 Nov
    notices = [ColumnState(f"通知公告{i}", old, 2) for i in range(5)]
    result = assess_columns(notices, today=TODAY)
    assert result.status == "fail"
    ancient_notice = assess_columns([ColumnState("政策文件", dt.date(2024, 1, 1), 1)], today=TODAY)
    assert len(ancient_notice.evidence) == 1  # one line per column, though it is stale twice
    recent = TODAY.replace(month=7, day=1)
    assert assess_columns([ColumnState("政策文件", recent, 2)], today=TODAY).status == "pass"
    ancient = [ColumnState(f"机构职能{i}", dt.date(2024, 1, 1), 1) for i in range(10)]
    assert assess_columns(ancient, today=TODAY).status == "fail"
    assert assess_columns(ancient[:9], today=TODAY).status == "risk"


def test_empty_columns() -> None:
    cols = [ColumnState(f"栏目{i}", None, 0) for i in range(5)]
    assert assess_empty(cols).status == "fail"
    assert assess_empty(cols[:1]).status == "risk"
    assert assess_empty([ColumnState("有内容", TODAY, 1)]).status == "pass"
    # an empty column is not also a stale one
    assert assess_columns(cols, today=TODAY).status == "pass"


def test_interaction_three_months() -> None:
    late = Unanswered("局长信箱", "咨询项目申报", dt.date(2026, 8, 25))
    near = Unanswered("局长信箱", "咨询高企认定", dt.date(2026, 9, 20))
    assert assess_interaction([late, near], today=TODAY, channels=1).status == "fail"
    assert assess_interaction([near], today=TODAY, channels=1).status == "risk"
    on_time = Unanswered("局长信箱", "咨询", dt.date(2026, 11, 1))
    assert assess_interaction([on_time], today=TODAY, channels=1).status == "pass"
    assert "尚无互动渠道" in assess_interaction([], today=TODAY, channels=0).summary


LEADERS = [
    LeaderSpec("王建国", ("党组书记", "局长"), ("王建囯", "汪建国")),
    LeaderSpec("李明", ("副局长",)),
]


def test_leader_typo_and_wrong_title_are_found() -> None:
    pages = [
        ("/a.html", "局党组书记、局长王建国主持召开会议。副局长李明出席。"),
        ("/b.html", "局长汪建国同志讲话。"),
        ("/c.html", "局长李明出席。"),
        ("/d.html", "王建国副局长调研。"),
    ]
    errors = find_leader_errors(pages, LEADERS)
    assert any("/b.html" in e and "汪建国" in e for e in errors)
    assert any("/c.html" in e and "李明" in e and "“局长”" in e for e in errors)
    assert any("/d.html" in e and "王建国" in e and "副局长" in e for e in errors)
    assert not any("/a.html" in e for e in errors)
    assert assess_leaders(errors, leaders=2, pages=4).status == "fail"
    assert assess_leaders([], leaders=2, pages=4).status == "pass"
    assert assess_leaders([], leaders=0, pages=0).status == "risk"


def test_page_links_split_internal_and_external() -> None:
    html = (
        '<a href="/xxgk/">专栏</a><a href="../b.html#x">相对</a><img src="logo.png">'
        '<a href="https://kjj.shili.gov.cn/zwgk/">本站绝对地址</a>'
        '<a href="https://www.gov.cn/">中国政府网</a><a href="mailto:a@b.cn">信</a>'
        '<a href="javascript:void(0)">x</a>'
    )
    internal, external = page_links(html, "/xxgk/zn/index.html", own_hosts=["kjj.shili.gov.cn"])
    assert internal == {"/xxgk/", "/xxgk/b.html", "/xxgk/zn/logo.png", "/zwgk/"}
    assert external == {"https://www.gov.cn/"}
