"""Bytes in, text out: encodings, mislabelling, truncation, binary and oversized input."""

from __future__ import annotations

import codecs

import pytest

from gongkai.monitoring.detector import DecodeError, decode_html, inspect_html

PAGE = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    "<title>关于开展科技成果登记工作的通知</title></head><body><p>局机关各处（室）、局属各单位：现将有关事项通知如下。"
    "镕、堃、喆等GB2312以外的字也常见于人名。</p></body></html>"
)


def test_gbk_page_with_its_meta_charset() -> None:
    assert decode_html(PAGE.encode("gb18030")) == PAGE


def test_declared_utf8_but_bytes_are_gbk() -> None:
    assert decode_html(PAGE.encode("gb18030"), "utf-8") == PAGE


def test_meta_says_gb2312_but_bytes_are_utf8() -> None:
    assert decode_html(PAGE.encode("utf-8"), "gb2312") == PAGE


def test_server_default_latin1_header_is_ignored_for_chinese_bytes() -> None:
    assert decode_html(PAGE.encode("gb18030"), "iso-8859-1") == PAGE


def test_unknown_declared_charset_is_ignored() -> None:
    assert decode_html(PAGE.encode("utf-8"), "x-no-such-charset") == PAGE


def test_big5_page_without_gbk_confusion() -> None:
    text = '<html><head><meta charset="big5"></head><body>示例市科學技術局網站</body></html>'
    assert decode_html(text.encode("big5")) == text


def test_byte_order_marks() -> None:
    assert decode_html(codecs.BOM_UTF8 + PAGE.encode("utf-8")) == PAGE
    assert decode_html(PAGE.encode("utf-16")) == PAGE


def test_multibyte_character_cut_at_the_end() -> None:
    raw = PAGE.encode("utf-8")[: -len(b"</p></body></html>") - 1]
    text = decode_html(raw)
    assert text.startswith("<html>")
    assert "局机关各处" in text


def test_binary_input_raises_a_clear_error() -> None:
    with pytest.raises(DecodeError, match="PNG"):
        decode_html(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    with pytest.raises(DecodeError, match="empty"):
        decode_html(b"")
    with pytest.raises(DecodeError, match="binary"):
        decode_html(bytes(range(256)) * 40)


def test_binary_input_gives_a_result_not_a_crash() -> None:
    result = inspect_html(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    assert result.verdict == "suspicious"
    assert result.findings[0].type == "undecodable"
    assert "PDF" in result.findings[0].evidence


def test_truncated_html_is_inspected() -> None:
    page = (
        "<html><head><title>通知</title></head><body><p>正文</p>"
        '<div style="display:none"><a href="http://www.88tyc.vip/">太阳城娱乐</a><a href="http://www.99hg.cc/">皇冠体育'
    )
    for cut in (len(page), len(page) - 7, len(page) - 30):
        result = inspect_html(page[:cut])
        assert result.verdict in {"clean", "suspicious", "tampered"}
    assert inspect_html(page).verdict != "clean"
    assert inspect_html("<html><body><p>未闭合<div><span").verdict == "clean"
    assert inspect_html("<<<>>><!-- <a href=").verdict == "clean"


def test_huge_page_is_capped_and_noted() -> None:
    huge = ("<p>" + "科技计划项目管理。" * 200 + "</p>") * 3000  # ~16 MB of UTF-8
    result = inspect_html(huge.encode("utf-8"))
    assert any("cut" in note for note in result.notes)
    assert result.verdict == "clean"


def test_plain_text_input() -> None:
    assert inspect_html("局机关各处（室）、局属各单位：现将有关事项通知如下。").verdict == "clean"
    assert inspect_html("百家乐官方网站，注册送彩金，最快线路 www.8888bjl.com").verdict != "clean"


def test_binary_canonical_copy_is_noted_not_fatal() -> None:
    result = inspect_html("<p>正文</p>", canonical=b"\x89PNG\r\n\x1a\n\x00\x00")
    assert result.verdict == "clean"
    assert any("canonical" in note for note in result.notes)


def test_declared_utf16_without_byte_order_mark() -> None:
    assert decode_html(PAGE.encode("utf-16-le"), "UTF-16LE") == PAGE
