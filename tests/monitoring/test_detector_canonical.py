"""Comparison with the canonical copy: every difference is found and classified."""

from __future__ import annotations

import time

from gongkai.monitoring.detector import inspect_html

NAME = ("示例市科学技术局",)
CANONICAL = """<html><head><title>关于开展2025年度科技成果登记工作的通知_示例市科学技术局</title></head><body>
<h1>关于开展2025年度科技成果登记工作的通知</h1>
<p>局机关各处（室）、局属各单位：</p>
<p>为规范科技成果登记管理，根据《科技成果登记办法》，现就2025年度科技成果登记工作通知如下。</p>
<p>一、登记范围：2024年以来通过评价、验收或鉴定的应用技术成果、基础理论成果和软科学研究成果。</p>
<p>二、登记方式：登录科技成果登记系统在线填报，纸质材料不再报送。</p>
<p>联系人：王老师，电话：0851-86541234。</p>
<p><a href="/uploads/fj1.docx">附件：科技成果登记表</a></p>
<p>示例市科学技术局</p><p>2025年3月1日</p>
</body></html>"""


def compare(served: str, canonical: str = CANONICAL) -> dict[str, list[str]]:
    result = inspect_html(served, canonical=canonical, own_names=NAME)
    out: dict[str, list[str]] = {}
    for f in result.findings:
        out.setdefault(f.type, []).append(f.evidence)
    return out


def test_identical_copy_is_clean() -> None:
    result = inspect_html(CANONICAL, canonical=CANONICAL, own_names=NAME)
    assert result.verdict == "clean"
    assert result.findings == []


def test_canonical_as_plain_text_works_too() -> None:
    text = "关于开展2025年度科技成果登记工作的通知\n局机关各处（室）、局属各单位："
    served = (
        "<p>关于开展2025年度科技成果登记工作的通知</p><p>jujiguangechu(shi)、jushugedanwei:</p>"
    )
    assert "pinyin_rewrite" in compare(served, text)


def test_organisation_name_replaced_by_gambling_brand() -> None:
    served = CANONICAL.replace("<p>示例市科学技术局</p>", "<p>凯发k8国际娱乐官网</p>")
    found = compare(served)
    assert "name_replaced" in found
    assert any("示例市科学技术局" in e and "凯发" in e for e in found["name_replaced"])


def test_text_rewritten_as_pinyin() -> None:
    served = CANONICAL.replace("局机关各处（室）、局属各单位", "jujiguangechu(shi)、jushugedanwei")
    found = compare(served)
    assert "pinyin_rewrite" in found
    assert "name_replaced" not in found


def test_link_block_appended() -> None:
    block = "".join(f'<a href="http://www.s{n}.com/">热门推荐{n}</a>' for n in range(5))
    served = CANONICAL.replace("</body>", f"<div>{block}</div></body>")
    found = compare(served)
    assert "link_block_appended" in found


def test_content_removed() -> None:
    served = CANONICAL.replace(
        "<p>一、登记范围：2024年以来通过评价、验收或鉴定的应用技术成果、基础理论成果和软科学研究成果。</p>",
        "",
    )
    found = compare(served)
    assert "content_removed" in found
    assert inspect_html(served, canonical=CANONICAL).verdict != "clean"


def test_other_edit() -> None:
    served = CANONICAL.replace("0851-86541234", "0851-86549999")
    found = compare(served)
    assert set(found) == {"other_edit"}


def test_disguises_do_not_count_as_differences() -> None:
    # Entities and full-width digits in the served copy normalise to the canonical text.
    served = CANONICAL.replace("2025年3月1日", "&#50;025年３月1日")
    assert compare(served) == {}


def test_comparison_is_fast_on_large_pages() -> None:
    paragraphs = "".join(
        f"<p>第{n}条 科技计划项目承担单位应当按照任务书约定开展研究工作，第{n}款。</p>"
        for n in range(600)
    )
    canonical = f"<html><body>{paragraphs}</body></html>"
    served = canonical.replace("第300条", "第300条 百家乐").replace("第10条", "di10tiao")
    start = time.perf_counter()
    result = inspect_html(served, canonical=canonical)
    assert time.perf_counter() - start < 1.0
    assert result.verdict != "clean"


def test_page_converted_to_traditional_differs_from_canonical() -> None:
    import opencc

    served = opencc.OpenCC("s2t").convert(CANONICAL)
    assert inspect_html(served).verdict == "clean"  # a 繁體 page alone is legitimate
    found = compare(served)
    assert "other_edit" in found
    assert inspect_html(served, canonical=CANONICAL).verdict != "clean"
