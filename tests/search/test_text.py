"""Segmentation, query words, 发文字号 recognition and highlighting: pure functions, no database."""

import pytest

from gongkai.search import text


def test_index_tokens_contain_the_short_words_inside_long_ones():
    tokens = text.index_tokens("关于印发示例市知识产权保护条例实施细则的通知")
    assert {"知识产权", "知识", "产权", "实施细则", "细则", "通知"} <= set(tokens)
    # Function words and punctuation are not indexed.
    assert "的" not in tokens
    assert not any(t in tokens for t in ("《", "》", "，"))


def test_full_width_letters_and_digits_are_folded():
    assert text.index_tokens("ＡＢＣ　２０２６") == ["abc", "2026"]
    assert text.query_terms("ＡＢＣ") == ["abc"]


def test_query_terms_use_precise_mode_and_drop_stop_words():
    assert text.query_terms("知识产权的保护") == ["知识产权", "保护"]
    assert text.query_terms("科技 科技  创新") == ["科技", "创新"]


def test_a_query_of_only_stop_words_keeps_them():
    assert text.query_terms("的") == ["的"]


def test_query_cannot_smuggle_filter_tokens():
    assert text.query_terms("gkfd1 科技") == ["科技"]


def test_query_terms_are_safe_for_fts_syntax():
    terms = text.query_terms('科技" OR "x* NEAR(a b) AND -管理')
    assert all(t.isalnum() for t in terms)


@pytest.mark.parametrize(
    "typed",
    [
        "筑科发〔2017〕12号",
        "筑科发[2017]12号",
        "筑科发(2017)12号",
        "筑科发（2017）12号",
        "筑科发【2017】12号",
        " 筑科发 〔2017〕 12 号 ",
        "筑科发［2017］012号",
        "筑科发〔2017〕12",
    ],
)
def test_doc_numbers_in_any_bracket_are_recognised(typed):
    assert text.parse_doc_number(typed) == "筑科发〔2017〕12号"


@pytest.mark.parametrize(
    "typed", ["科技创新", "2017年12号", "abc(2017)12号", "筑科发〔17〕12号", ""]
)
def test_ordinary_queries_are_not_doc_numbers(typed):
    assert text.parse_doc_number(typed) is None


def test_highlight_escapes_everything_and_marks_the_words():
    html = text.highlight('<script>alert("知识产权")</script>知识产权', ["知识产权"])
    assert "<script>" not in html
    assert html == (
        "&lt;script&gt;alert(&quot;<mark>知识产权</mark>&quot;)&lt;/script&gt;<mark>知识产权</mark>"
    )


def test_highlight_cannot_be_broken_by_a_query_word_that_looks_like_markup():
    html = text.highlight("a<b>c", ["<b>", "b"])
    assert html == "a<mark>&lt;b&gt;</mark>c"


def test_snippet_centres_on_the_first_word_and_marks_cuts():
    body = "甲" * 300 + "创新券" + "乙" * 300
    snip = text.snippet(body, ["创新券"], width=60)
    assert snip.startswith("…") and snip.endswith("…")
    assert "<mark>创新券</mark>" in snip
    assert len(snip.replace("<mark>", "").replace("</mark>", "")) <= 62


def test_snippet_without_a_match_starts_at_the_beginning():
    assert text.snippet("短文本", ["无关"]) == "短文本"


def test_facet_tokens_are_stable_single_tokens():
    token = text.facet_token("i", "示例市科学技术局")
    assert token == text.facet_token("i", " 示例市科学技术局 ")
    assert token.isalnum() and token.startswith(text.FACET_PREFIX)
    assert text.facet_token("y", 2017) == "gkfy2017"


def test_a_typed_word_is_highlighted_whole_before_its_pieces():
    marks = text.highlight_terms("创新券 申领")
    assert marks[0] == "创新券"
    assert text.highlight("申领创新券，创新发展", marks) == (
        "<mark>申领</mark><mark>创新券</mark>，<mark>创新</mark>发展"
    )


def test_traditional_characters_are_searched_as_simplified():
    assert text.query_terms("知識產權") == ["知识产权"]
    assert "知识产权" in text.index_tokens("保護知識產權")
