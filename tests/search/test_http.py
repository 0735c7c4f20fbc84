"""The public /search/ page and GET /api/search/ as a visitor meets them."""

import re
from datetime import date

import pytest

from gongkai.search.services import search_index
from tests.search.conftest import make_doc

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(bureau):
    search_index(
        make_doc(
            bureau.pk,
            "ip",
            "示例市知识产权保护办法",
            doc_number="筑科发〔2017〕12号",
            body="加强知识产权保护<script>alert(1)</script>。",
            issuer="示例市科学技术局",
            topic="知识产权",
            genre="办法",
            validity="有效",
            publish_date=date(2017, 5, 4),
            url="/xxgk/2017/ip.html",
        )
    )
    for i in range(25):
        search_index(
            make_doc(
                bureau.pk,
                f"n{i}",
                f"科技项目通知{i}",
                body="知识产权",
                publish_date=date(2024, 1, 1 + i),
                issuer="示例市财政局",
            )
        )
    return bureau


def test_results_page_shows_highlighted_escaped_results(client, site):
    response = client.get("/search/", {"q": "知识产权"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "共找到 <strong>26</strong> 条结果" in html
    assert "<mark>知识产权</mark>" in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "2017年5月4日" in html
    # The title match comes first.
    assert html.index("示例市<mark>知识产权</mark>保护办法") < html.index("科技项目通知")


def test_results_page_is_never_indexed(client, site):
    response = client.get("/search/", {"q": "知识产权"})
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert 'rel="canonical"' not in response.content.decode()


def test_query_is_never_echoed_as_a_link_except_this_forms_pagination(client, site):
    spam = "知识产权 澳门赌场 www.example-casino.com"
    response = client.get("/search/", {"q": spam})
    html = response.content.decode()
    links = re.findall(r'href="([^"]*)"', html)
    for link in links:
        if "casino" in link or "%E8%B5%8C" in link:
            assert link.startswith("?q="), link  # only this form's own page links
    assert "<title>全文检索" in html and "澳门" not in html.split("</title>")[0]


def test_query_text_is_escaped_in_the_page(client, site):
    html = client.get("/search/", {"q": '"><script>alert(9)</script>'}).content.decode()
    assert "<script>alert(9)</script>" not in html


def test_pagination_links_carry_the_form_and_are_nofollow(client, site):
    html = client.get("/search/", {"q": "知识产权", "order": "date"}).content.decode()
    assert "第 1 / 2 页" in html
    assert (
        'rel="next nofollow" href="?q=%E7%9F%A5%E8%AF%86%E4%BA%A7%E6%9D%83&amp;order=date&amp;page=2"'
        in html
    )
    page2 = client.get("/search/", {"q": "知识产权", "order": "date", "page": 2}).content.decode()
    assert "第 2 / 2 页" in page2 and "保护办法" in page2


def test_filters_narrow_the_results(client, site):
    html = client.get("/search/", {"q": "知识产权", "issuer": "示例市科学技术局"}).content.decode()
    assert "共找到 <strong>1</strong> 条结果" in html
    assert '<option value="示例市财政局">' in html  # the filter offers every issuer


@pytest.mark.parametrize("typed", ["筑科发〔2017〕12号", "筑科发[2017]12号", "筑科发【2017】12号"])
def test_doc_number_redirects_to_the_document(client, site, typed):
    response = client.get("/search/", {"q": typed})
    assert response.status_code == 302
    assert response["Location"] == "/xxgk/2017/ip.html"


def test_bad_input_gets_a_chinese_message(client, site):
    response = client.get("/search/", {"q": "知识产权", "year": "二零一七"})
    assert response.status_code == 400
    assert "年份应为四位数字" in response.content.decode()
    response = client.get("/search/", {"q": "知识产权", "order": "random"})
    assert response.status_code == 400
    assert "排序只能选" in response.content.decode()


def test_empty_form_shows_no_results_yet(client, site):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "共找到" not in response.content.decode()


def test_no_results_says_what_to_try(client, site):
    html = client.get("/search/", {"q": "区块链"}).content.decode()
    assert "没有找到相关文件" in html


def test_rate_limit_per_address(client, site, settings):
    settings.SEARCH_RATE_LIMIT = (3, 60)
    for _ in range(3):
        assert client.get("/search/", {"q": "科技"}, REMOTE_ADDR="10.0.0.1").status_code == 200
    limited = client.get("/search/", {"q": "科技"}, REMOTE_ADDR="10.0.0.1")
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) >= 1
    assert "检索过于频繁" in limited.content.decode()
    # Another address is not affected; a forged X-Forwarded-For does not help.
    assert client.get("/search/", {"q": "科技"}, REMOTE_ADDR="10.0.0.2").status_code == 200
    forged = client.get(
        "/search/", {"q": "科技"}, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4"
    )
    assert forged.status_code == 429
    assert client.get("/api/search/", {"q": "科技"}, REMOTE_ADDR="10.0.0.1").status_code == 429


def test_api_returns_json_results(client, site):
    data = client.get("/api/search/", {"q": "知识产权", "order": "date", "size": 5}).json()
    assert data["total"] == 26 and data["approximate"] is False
    assert data["last_page"] == 6 and len(data["results"]) == 5
    first = data["results"][0]
    assert first["publish_date"] == "2024-01-25"
    assert "<mark>知识产权</mark>" in first["snippet_html"]


def test_api_exact_doc_number(client, site):
    data = client.get("/api/search/", {"q": "筑科发(2017)12号"}).json()
    assert data["exact"]["url"] == "/xxgk/2017/ip.html"
    assert data["exact"]["doc_number"] == "筑科发〔2017〕12号"


def test_api_escapes_snippets(client, site):
    data = client.get("/api/search/", {"q": "保护"}).json()
    assert all("<script>" not in r["snippet_html"] for r in data["results"])


def test_api_bad_input(client, site):
    response = client.get("/api/search/", {"q": "科技", "size": 500})
    assert response.status_code == 400
    assert "每页条数" in response.json()["detail"]
    response = client.get("/api/search/", {"q": "科技", "site": "nowhere"})
    assert response.status_code == 404
