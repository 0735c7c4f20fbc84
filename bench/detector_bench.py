"""Injection detector benchmark: pages/s on one core for ~20 KB pages, and corpus precision/recall.

    .venv/bin/python bench/detector_bench.py [--runs 7] [--pages 200]

Pages are the hand-made corpus pages, and then the real corpus's pages put in a page template,
grown to ~20 KB with realistic filler (related-article lists and article paragraphs, as on real
government pages). Throughput is measured in CPU time of this process (time.process_time), so
other load on the machine distorts it less (caches and frequency are still shared); the median
of several runs is reported. Then recall and false positives on both corpora: the real one by
domain split (tests/monitoring/realcorpus/README.md).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "monitoring" / "corpus"))

from evaluate import evaluate, table  # noqa: E402
from tests.monitoring.realcorpus import evaluate as real  # noqa: E402

from gongkai.monitoring.detector import inspect_html  # noqa: E402

TARGET = 20 * 1024
FILLER_ITEMS = [
    "市科学技术局召开2025年度科技计划项目评审工作部署会",
    "关于公布2024年度示例市科技型中小企业名单的通知",
    "示例市2025年第一批高新技术企业拟认定名单公示",
    "市科学技术局赴区县调研科技特派员工作",
    "关于开展2025年度科普示范基地认定工作的通知",
    "市科学技术局组织召开知识产权保护工作座谈会",
]
PARAGRAPH = (
    "<p>会议要求，各区（市、县）科技管理部门要进一步提高政治站位，强化责任担当，"
    "切实做好科技计划项目的组织申报、过程管理和绩效评价工作，确保财政科技资金安全高效使用，"
    "推动科技创新与产业创新深度融合，为全市经济社会高质量发展提供有力科技支撑。</p>\n"
)


def grow(html: bytes) -> bytes:
    """Pad a page to ~20 KB with related-article lists and paragraphs, before </body>."""
    encoding = "gb18030" if b"gb2312" in html[:400] else "utf-8"
    text = html.decode(encoding, "replace")
    filler: list[str] = []
    i = 0
    while len(text.encode(encoding)) + len("".join(filler).encode(encoding)) < TARGET:
        item = FILLER_ITEMS[i % len(FILLER_ITEMS)]
        filler.append(
            f'<li><a href="/gzdt/2025/{i:04d}.html" title="{item}">{item}</a>'
            f"<span>2025-03-{i % 28 + 1:02d}</span></li>\n"
        )
        if i % 3 == 0:
            filler.append(PARAGRAPH)
        i += 1
    block = '<div class="related"><h3>相关文章</h3><ul>' + "".join(filler) + "</ul></div>"
    cut = text.rfind("</body>")
    text = text[:cut] + block + text[cut:] if cut >= 0 else text + block
    return text.encode(encoding, "replace")


def real_page(text: str) -> bytes:
    """A real corpus page's text in a government page template (the store keeps text only)."""
    title, _, body = text.partition("\n")
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body.splitlines() if line.strip())
    html = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><div class='header'>{title}</div><h1>{title}</h1>{paragraphs}</body></html>"
    )
    return grow(html.encode("utf-8"))


def throughput(pages: list[bytes], runs: int, canonicals: list[bytes] | None = None) -> list[float]:
    for page in pages[:10]:
        inspect_html(page)  # warm caches (OpenCC, lexicon, conversion tables)
    rates = []
    for _ in range(runs):
        start = time.process_time()
        if canonicals is None:
            for page in pages:
                inspect_html(page)
        else:
            for page, canonical in zip(pages, canonicals, strict=True):
                inspect_html(page, canonical=canonical)
        rates.append(len(pages) / (time.process_time() - start))
    return rates


def edited(page: bytes) -> bytes:
    """A served copy with a name swapped and a paragraph removed (the canonical diff has work)."""
    encoding = "gb18030" if b"gb2312" in page[:400] else "utf-8"
    text = page.decode(encoding, "replace").replace("示例市科学技术局", "开云体育(中国)官方网站", 1)
    return text.replace(PARAGRAPH, "", 1).encode(encoding, "replace")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    corpus = sorted((ROOT / "tests" / "monitoring" / "corpus").glob("*/**/*.html"))
    pages = [grow(p.read_bytes()) for p in corpus]
    pages = (pages * (args.pages // len(pages) + 1))[: args.pages]
    size = statistics.mean(len(p) for p in pages) / 1024
    rates = throughput(pages, args.runs)
    print(f"pages: {len(pages)}, mean size {size:.1f} KB, runs: {args.runs}")
    print(
        f"throughput (one core, CPU time): median {statistics.median(rates):.0f} pages/s "
        f"(min {min(rates):.0f}, max {max(rates):.0f})"
    )
    print(f"per page: {1000 / statistics.median(rates):.2f} ms")
    with_canonical = throughput([edited(p) for p in pages], args.runs, canonicals=pages)
    print(
        f"with a canonical copy (name swapped, paragraph removed): median "
        f"{statistics.median(with_canonical):.0f} pages/s"
    )
    real_pages = [real_page(p["text"]) for p in real.pages()]
    real_pages = (real_pages * (args.pages // len(real_pages) + 1))[: args.pages]
    real_rates = throughput(real_pages, args.runs)
    print(
        f"real corpus pages in a template, mean size "
        f"{statistics.mean(len(p) for p in real_pages) / 1024:.1f} KB: median "
        f"{statistics.median(real_rates):.0f} pages/s "
        f"(min {min(real_rates):.0f}, max {max(real_rates):.0f})"
    )
    print("\n# Hand-made corpus\n")
    print(table(evaluate()))
    for which in real.SPLITS:
        print(f"\n# Real corpus: {which.replace('_', '-')}\n")
        print(real.table(real.evaluate(real.split(which))))


if __name__ == "__main__":
    main()
