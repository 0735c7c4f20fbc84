"""Indexing and querying through the service API, on whichever database the suite runs on
(SQLite FTS5 by default, PostgreSQL tsvector/GIN with DATABASE_URL)."""

from datetime import date

import pytest

from gongkai.search.models import SearchEntry
from gongkai.search.services import (
    SearchError,
    search_index,
    search_query,
    search_rebuild,
    search_remove,
)
from gongkai.search.types import SearchQuery
from tests.factories import DepartmentFactory
from tests.search.conftest import make_doc

pytestmark = pytest.mark.django_db


def keys(results):
    return [h.key for h in results.hits]


@pytest.fixture
def corpus(bureau):
    d = bureau.pk
    for doc in [
        make_doc(
            d,
            "ip-rules",
            "示例市知识产权保护办法",
            body="为加强专利和商标保护，制定本办法。",
            doc_number="筑科发〔2017〕12号",
            publish_date=date(2017, 5, 4),
            issuer="示例市科学技术局",
            topic="知识产权",
            genre="办法",
            validity="有效",
        ),
        make_doc(
            d,
            "voucher",
            "关于开展科技创新券申领工作的通知",
            body="企业可申领创新券，用于购买知识产权服务。",
            doc_number="筑科通〔2025〕3号",
            publish_date=date(2025, 9, 1),
            issuer="示例市科学技术局",
            topic="科技",
            genre="通知",
            validity="有效",
        ),
        make_doc(
            d,
            "old-ip",
            "示例市专利资助暂行办法",
            body="对获得授权的发明专利给予资助。知识产权部门负责审核。",
            doc_number="筑科发〔2012〕7号",
            publish_date=date(2012, 3, 1),
            issuer="示例市财政局",
            topic="知识产权",
            genre="办法",
            validity="废止",
        ),
        make_doc(
            d,
            "budget",
            "示例市科学技术局2026年部门预算",
            body="本部门预算收入支出情况。",
            publish_date=date(2026, 2, 10),
            issuer="示例市科学技术局",
            topic="财政",
            genre="报告",
            validity="有效",
            attachment_text="附件：知识产权专项资金明细表",
        ),
    ]:
        search_index(doc)
    return bureau


def test_a_word_finds_documents_with_it_in_title_body_or_attachments(corpus):
    results = search_query(SearchQuery(department_id=corpus.pk, text="知识产权"))
    assert results.total == 4
    assert set(keys(results)) == {"ip-rules", "voucher", "old-ip", "budget"}


def test_relevance_puts_title_matches_first_then_newest_first(corpus):
    results = search_query(SearchQuery(department_id=corpus.pk, text="知识产权"))
    # Only ip-rules has 知识产权 in its title; the rest follow newest first.
    assert keys(results) == ["ip-rules", "budget", "voucher", "old-ip"]
    assert [h.title_match for h in results.hits] == [True, False, False, False]


def test_date_order_is_newest_first(corpus):
    results = search_query(SearchQuery(department_id=corpus.pk, text="知识产权", order="date"))
    assert keys(results) == ["budget", "voucher", "ip-rules", "old-ip"]


def test_two_words_must_both_occur(corpus):
    results = search_query(SearchQuery(department_id=corpus.pk, text="专利 资助"))
    assert keys(results) == ["old-ip"]


def test_a_word_inside_a_longer_word_is_found(corpus):
    # 创新券 is indexed inside 科技创新券 (search-mode segmentation).
    assert keys(search_query(SearchQuery(department_id=corpus.pk, text="创新券"))) == ["voucher"]


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("year", 2017, ["ip-rules"]),
        ("issuer", "示例市财政局", ["old-ip"]),
        ("topic", "知识产权", ["ip-rules", "old-ip"]),
        ("genre", "通知", ["voucher"]),
        ("validity", "废止", ["old-ip"]),
    ],
)
def test_filters(corpus, field, value, expected):
    query = SearchQuery(department_id=corpus.pk, text="知识产权", order="date", **{field: value})
    results = search_query(query)
    assert sorted(keys(results)) == sorted(expected)
    assert results.total == len(expected)


def test_filters_without_keywords_list_the_documents_newest_first(corpus):
    results = search_query(SearchQuery(department_id=corpus.pk, topic="知识产权"))
    assert keys(results) == ["ip-rules", "old-ip"]


@pytest.mark.parametrize(
    "typed", ["筑科发〔2017〕12号", "筑科发[2017]12号", "筑科发（2017）12号", "筑科发【2017】12号"]
)
def test_doc_number_goes_straight_to_the_document(corpus, typed):
    results = search_query(SearchQuery(department_id=corpus.pk, text=typed))
    assert results.exact is not None
    assert results.exact.key == "ip-rules"
    assert results.exact.url == "/xxgk/ip-rules.html"


def test_unknown_doc_number_falls_back_to_full_text(corpus):
    results = search_query(SearchQuery(department_id=corpus.pk, text="筑科发〔2017〕99号"))
    assert results.exact is None
    # The agency code still finds the documents with that prefix.
    assert set(keys(results)) <= {"ip-rules", "old-ip"}


def test_snippets_and_titles_never_come_back_unescaped(bureau):
    search_index(
        make_doc(
            bureau.pk,
            "x",
            "<script>alert(1)</script>科技通知",
            body='正文<script>alert("科技")</script><img src=x onerror=alert(1)>',
        )
    )
    hit = search_query(SearchQuery(department_id=bureau.pk, text="科技")).hits[0]
    for html in (hit.title_html, hit.snippet_html):
        assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in hit.snippet_html
    assert "<mark>科技</mark>" in hit.snippet_html


def test_snippet_comes_from_the_attachment_when_the_body_lacks_the_word(corpus):
    hit = search_query(SearchQuery(department_id=corpus.pk, text="专项资金")).hits[0]
    assert hit.key == "budget"
    assert "<mark>专项资金</mark>" in hit.snippet_html


def test_pagination_and_total(bureau):
    for i in range(45):
        search_index(
            make_doc(
                bureau.pk,
                f"d{i}",
                f"第{i}号科技通知",
                publish_date=date(2020, 1, 1).replace(day=1 + i % 28, month=1 + i // 28),
            )
        )
    first = search_query(SearchQuery(department_id=bureau.pk, text="科技", page_size=20))
    third = search_query(SearchQuery(department_id=bureau.pk, text="科技", page=3, page_size=20))
    assert first.total == 45 and first.last_page == 3 and first.has_next
    assert len(first.hits) == 20 and len(third.hits) == 5 and not third.has_next
    pages = [
        search_query(SearchQuery(department_id=bureau.pk, text="科技", page=p)) for p in (1, 2, 3)
    ]
    seen = [k for p in pages for k in keys(p)]
    assert len(seen) == len(set(seen)) == 45


def test_relevance_pages_continue_from_title_hits_into_the_rest(bureau):
    for i in range(5):
        search_index(
            make_doc(bureau.pk, f"t{i}", f"专利通知{i}", publish_date=date(2020, 1, 1 + i))
        )
    for i in range(5):
        search_index(
            make_doc(bureau.pk, f"b{i}", f"通知{i}", body="专利", publish_date=date(2024, 1, 1 + i))
        )
    page1 = search_query(SearchQuery(department_id=bureau.pk, text="专利", page_size=3))
    page2 = search_query(SearchQuery(department_id=bureau.pk, text="专利", page=2, page_size=3))
    page4 = search_query(SearchQuery(department_id=bureau.pk, text="专利", page=4, page_size=3))
    assert keys(page1) == ["t4", "t3", "t2"]
    assert keys(page2) == ["t1", "t0", "b4"]
    assert keys(page4) == ["b0"]


def test_reindexing_replaces_and_removing_forgets(corpus):
    search_index(
        make_doc(corpus.pk, "voucher", "关于停止受理创新券的公告", publish_date=date(2026, 1, 5))
    )
    assert search_query(SearchQuery(department_id=corpus.pk, text="申领")).total == 0
    assert keys(search_query(SearchQuery(department_id=corpus.pk, text="停止 受理"))) == ["voucher"]
    assert SearchEntry.objects.filter(department=corpus, key="voucher").count() == 1
    assert search_remove(corpus.pk, "voucher") is True
    assert search_query(SearchQuery(department_id=corpus.pk, text="创新券")).total == 0
    assert search_remove(corpus.pk, "voucher") is False


def test_departments_do_not_see_each_others_documents(corpus):
    other = DepartmentFactory()
    search_index(make_doc(other.pk, "ip-rules", "另一机关的知识产权文件"))
    mine = search_query(SearchQuery(department_id=corpus.pk, text="知识产权"))
    theirs = search_query(SearchQuery(department_id=other.pk, text="知识产权"))
    assert "另一机关" not in "".join(h.title for h in mine.hits)
    assert keys(theirs) == ["ip-rules"] and theirs.total == 1


def test_rebuild_replaces_the_department_index(corpus):
    other = DepartmentFactory()
    search_index(make_doc(other.pk, "keep", "科技通知"))
    count = search_rebuild(corpus.pk, [make_doc(corpus.pk, "new", "新的科技文件")])
    assert count == 1
    assert keys(search_query(SearchQuery(department_id=corpus.pk, text="科技"))) == ["new"]
    assert keys(search_query(SearchQuery(department_id=other.pk, text="科技"))) == ["keep"]


def test_rebuild_refuses_another_departments_document_and_changes_nothing(corpus):
    other = DepartmentFactory()
    with pytest.raises(SearchError, match="另一个机关"):
        search_rebuild(corpus.pk, [make_doc(other.pk, "x", "科技")])
    assert search_query(SearchQuery(department_id=corpus.pk, text="知识产权")).total == 4


@pytest.mark.parametrize(
    ("doc_kwargs", "message"),
    [
        ({"title": "  "}, "没有标题"),
        ({"title": "科技", "url": ""}, "没有公开地址"),
        ({"title": "科技", "key": ""}, "文档键"),
    ],
)
def test_bad_documents_are_refused_with_a_reason(bureau, doc_kwargs, message):
    key = doc_kwargs.pop("key", "k")
    with pytest.raises(SearchError, match=message):
        search_index(make_doc(bureau.pk, key, **doc_kwargs))
    assert not SearchEntry.objects.exists()


@pytest.mark.parametrize(
    ("query_kwargs", "message"),
    [
        ({"page": 0}, "页码"),
        ({"page_size": 500}, "每页条数"),
        ({"text": "科" * 101}, "太长"),
        ({"order": "random"}, "排序"),
    ],
)
def test_bad_queries_are_refused_with_a_reason(bureau, query_kwargs, message):
    with pytest.raises(SearchError, match=message):
        search_query(SearchQuery(department_id=bureau.pk, **query_kwargs))


def test_punctuation_only_query_says_what_to_do(corpus):
    results = search_query(SearchQuery(department_id=corpus.pk, text="《》，。"))
    assert results.total == 0 and "汉字、字母或数字" in results.notice


def test_very_common_words_get_an_approximate_count(bureau, monkeypatch):
    from gongkai.search.services import query as services

    monkeypatch.setattr(services, "COUNT_CAP", 5)
    for i in range(12):
        search_index(
            make_doc(bureau.pk, f"c{i}", f"科技通知{i}", publish_date=date(2021, 1, 1 + i))
        )
    search_index(make_doc(bureau.pk, "other", "通知", body="科技"))
    results = search_query(SearchQuery(department_id=bureau.pk, text="科技"))
    assert results.approximate
    assert 6 <= results.total <= 13
    assert "估计值" in results.notice
    assert keys(results)[:3] == ["c11", "c10", "c9"]
    assert keys(results)[-1] == "other"  # title matches still come first
    exact = search_query(SearchQuery(department_id=bureau.pk, text="科技", year=2026))
    assert not exact.approximate and exact.total == 1


def test_a_query_in_traditional_characters_finds_the_document(corpus):
    results = search_query(SearchQuery(department_id=corpus.pk, text="知識產權保護辦法"))
    assert keys(results)[0] == "ip-rules"


def test_a_page_beyond_the_last_says_so(corpus):
    results = search_query(SearchQuery(department_id=corpus.pk, text="知识产权", page=9))
    assert results.hits == [] and results.total == 4
    assert "没有第 9 页" in results.notice


def test_only_the_first_thousand_results_can_be_paged(bureau, monkeypatch):
    from gongkai.search.services import query as services

    monkeypatch.setattr(services, "MAX_RESULTS", 3)
    for i in range(5):
        search_index(make_doc(bureau.pk, f"m{i}", f"科技通知{i}"))
    results = search_query(SearchQuery(department_id=bureau.pk, text="科技", page_size=2))
    assert results.total == 5 and results.last_page == 2
    assert "仅可翻阅前 3 条" in results.notice


def test_newest_first_walk_and_sorted_read_give_the_same_page(bureau):
    """PostgreSQL reads a page either by walking the date index (many matches) or by sorting
    the GIN matches (few); a wrong guess about which must not change the results."""
    from gongkai.search.backends import Count, Match, Tier, get_backend

    for i in range(30):
        search_index(
            make_doc(
                bureau.pk,
                f"w{i}",
                f"通知{i}",
                body="专利" if i % 3 else "其他",
                publish_date=date(2020, 1 + i % 12, 1 + i),
            )
        )
    backend = get_backend()
    match = Match(bureau.pk, ("专利",), ())
    for tier in (Tier.ALL, Tier.REST):
        walked = backend.fetch(match.with_tier(tier), 2, 7, Count(10**6, approximate=True))
        sorted_ = backend.fetch(match.with_tier(tier), 2, 7, Count(20))
        assert walked == sorted_ and len(walked) == 7
