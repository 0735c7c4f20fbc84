# ruff: noqa: E501  (the Hugo and Jinja layouts below are kept on one line each, as served)
"""Benchmark of the static-site engine (docs/benchmarks.md, section 门户发布).

    .venv/bin/python bench/publishing_bench.py --docs 100000 --publishes 40 --hugo

1. Full build of a synthetic site with N document pages (20 columns, numbered list pages of 50
   documents, per-column Atom/RSS feeds, home, the 专栏 pages) into an empty site directory —
   render with Jinja, hash, write, sign the manifest, switch.
2. With --hugo: Hugo builds equivalent Markdown (same N pages, same sections, similar layout
   with header/nav/footer, list pages paginated by 50, RSS and sitemap) on the same machine.
3. Publish one new document, repeatedly: render the affected pages (document page, the
   column's newest list page and index, column feeds, home, site feeds), replay the previous
   publication into the standby tree, write, update the manifest shards and re-sign, switch.
   Reports median and p95 over --publishes runs.
4. `site verify` of the whole tree (hash every file).

Runs without a database: the department is an unsaved model instance.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
WORK = Path(tempfile.mkdtemp(prefix="gk-pub-bench-"))
os.environ["GONGKAI_DATA_DIR"] = str(WORK / "var")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

import django  # noqa: E402

django.setup()

from gongkai.core.crypto import Ed25519Sha256  # noqa: E402
from gongkai.core.models import Department  # noqa: E402
from gongkai.publishing import engine, pages  # noqa: E402
from gongkai.publishing.feeds import feed_pages  # noqa: E402
from gongkai.publishing.portal import PortalPages  # noqa: E402
from gongkai.publishing.render import render_page  # noqa: E402
from gongkai.publishing.site import SiteInfo  # noqa: E402

COLUMNS = 20
CPU: dict = {}  # CPU seconds (user + system), less sensitive to a busy machine
PER_PAGE = 50
BODY = (
    "为深入贯彻落实创新驱动发展战略，进一步优化科技资源配置，提升科技创新能力，"
    "根据有关法律法规和政策规定，结合本市实际，制定本办法。"
) * 25  # ~2.4 KB of Chinese text, ~7 KB of UTF-8; a page is ~12 KB with the layout

DOC_TEMPLATE = """{% extends "portal/base.html" %}
{% from "portal/_macros.html" import crumbs %}
{% block title %}{{ doc.title }}{% endblock %}
{% block breadcrumb %}{{ crumbs([("政府信息公开", "/xxgk/"), (doc.column, "/xxgk/c" ~ doc.col ~ "/"), ("正文", "")]) }}{% endblock %}
{% block content %}
<article class="article">
<table class="meta"><tr><th>索引号</th><td>MB1234567/2026-{{ "%05d" % doc.n }}</td><th>发文字号</th><td>示科发〔2026〕{{ doc.n }}号</td></tr>
<tr><th>发布日期</th><td>{{ doc.date | cn_date }}</td><th>有效性</th><td>有效</td></tr></table>
<h1>{{ doc.title }}</h1>
<div class="body"><p>{{ doc.body }}</p></div>
</article>
{% endblock %}
"""
LIST_TEMPLATE = """{% extends "portal/base.html" %}
{% from "portal/_macros.html" import crumbs, linklist %}
{% block title %}{{ column }}{% endblock %}
{% block breadcrumb %}{{ crumbs([("政府信息公开", "/xxgk/"), (column, "")]) }}{% endblock %}
{% block content %}<h1>{{ column }}</h1>{{ linklist(items) }}
<nav class="pager">{% for p in pagelinks %}<a href="{{ p }}">{{ loop.index }}</a> {% endfor %}</nav>
{% endblock %}
"""


def day(n: int) -> dt.date:
    return dt.date(2008, 1, 1) + dt.timedelta(days=n * 7 // 100)


class SyntheticDocuments:
    """N documents in COLUMNS columns; list page k of a column holds its documents
    k*PER_PAGE … k*PER_PAGE+49 (oldest first), so old list pages never change."""

    name = "bench-docs"

    def __init__(self, n: int) -> None:
        self.n = n

    def doc(self, i: int) -> dict:
        col = i % COLUMNS
        return {
            "n": i,
            "col": col,
            "column": f"栏目{col}",
            "date": day(i),
            "title": f"关于印发《示例市科技计划项目管理办法（第{i}号）》的通知",
            "body": BODY,
        }

    def doc_page(self, i: int) -> pages.Page:
        return pages.Page(f"/xxgk/wj/{i}.html", "bench/doc.html", {"doc": self.doc(i)})

    def column_docs(self, col: int) -> list[int]:
        return list(range(col, self.n, COLUMNS))

    def list_pages(self, site: SiteInfo, col: int, only_last: bool = False) -> list[pages.Page]:
        ids = self.column_docs(col)
        chunks = [ids[k : k + PER_PAGE] for k in range(0, len(ids), PER_PAGE)]
        links = [f"/xxgk/c{col}/{k + 1}.html" for k in range(len(chunks))]
        out = []
        for k, chunk in enumerate(chunks):
            if only_last and k != len(chunks) - 1:
                continue
            items = [pages.Link(self.doc(i)["title"], f"/xxgk/wj/{i}.html", day(i)) for i in chunk]
            out.append(
                pages.Page(
                    links[k],
                    "bench/list.html",
                    {"column": f"栏目{col}", "items": items, "pagelinks": links},
                )
            )
        newest = [
            pages.Link(self.doc(i)["title"], f"/xxgk/wj/{i}.html", day(i))
            for i in reversed(ids[-20:])
        ]
        out.append(
            pages.Page(
                f"/xxgk/c{col}/",
                "bench/list.html",
                {"column": f"栏目{col}", "items": newest, "pagelinks": links},
            )
        )
        out += feed_pages(site, f"/xxgk/c{col}/", f"栏目{col}", newest)
        return out

    def pages(self, site: SiteInfo):
        for i in range(self.n):
            yield self.doc_page(i)
        for col in range(COLUMNS):
            yield from self.list_pages(site, col)

    def affected(self, site: SiteInfo, change: pages.Change) -> pages.Affected:
        i = int(change.id)
        return pages.Affected(pages=[self.doc_page(i), *self.list_pages(site, i % COLUMNS, True)])


def setup_templates() -> None:
    from gongkai.publishing import jinja, portal

    # No database here: only the portal and the synthetic source, no other app's providers.
    portal._general_office = lambda site: None  # type: ignore[assignment]
    for providers in pages._providers.values():
        providers.clear()

    folder = WORK / "tpl" / "bench"
    folder.mkdir(parents=True)
    (folder / "doc.html").write_text(DOC_TEMPLATE)
    (folder / "list.html").write_text(LIST_TEMPLATE)
    original = jinja.template_dirs
    jinja.template_dirs = lambda: [*original(), folder.parent]  # type: ignore[assignment]
    jinja.environment.cache_clear()


def build(site: SiteInfo, sd: engine.SiteDir, source: SyntheticDocuments) -> float:
    key = engine.key_id(sd.suite)
    portal = PortalPages()

    def rendered():
        for page in [*source.pages(site), *portal.pages(site)]:
            yield page.file, render_page(site, page, key_id=key)

    t, cpu = time.perf_counter(), time.process_time()
    sd.apply(rendered(), today=dt.date(2026, 11, 26), now="2026-11-26T10:00:00+08:00", full=True)
    CPU["gongkai"] = time.process_time() - cpu
    return time.perf_counter() - t


def publish_one(site: SiteInfo, sd: engine.SiteDir, source: SyntheticDocuments) -> float:
    t, cpu = time.perf_counter(), time.process_time()
    i = source.n
    source.n += 1
    change = pages.Change("document", i)
    todo = source.affected(site, change)
    todo.extend(PortalPages().affected(site, change))
    key = engine.key_id(sd.suite)
    writes = [(p.file, render_page(site, p, key_id=key)) for p in todo.pages]
    sd.apply(
        writes,
        today=dt.date(2026, 11, 26),
        now="2026-11-26T10:00:00+08:00",
        touched=[f for f, _ in writes],
    )
    CPU.setdefault("publish", []).append(time.process_time() - cpu)
    return time.perf_counter() - t


HUGO_CONFIG = """baseURL = "https://kjj.example.gov.cn/"
languageCode = "zh-CN"
title = "示例市科学技术局"
disableKinds = ["taxonomy", "term"]
[pagination]
  pagerSize = 50
paginate = 50
[outputs]
  home = ["HTML", "RSS"]
  section = ["HTML", "RSS"]
"""
HUGO_BASEOF = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ .Site.Title }}</title><link rel="canonical" href="{{ .Permalink }}"><link rel="stylesheet" href="/assets/portal.css"></head>
<body><a class="skip-link" href="#main">跳到正文</a><header class="site-header"><div class="masthead"><a class="sitename" href="/">{{ .Site.Title }}</a>
<form class="searchbox" action="/search/" method="get" role="search"><input name="q" type="search"><button type="submit">搜索</button></form></div>
<nav class="mainnav"><ul><li><a href="/">首页</a></li><li><a href="/xxgk/">政府信息公开</a></li><li><a href="/xxgk/ysqgk/">依申请公开</a></li><li><a href="/search/">全文检索</a></li></ul></nav></header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer class="site-footer"><p>主办单位：{{ .Site.Title }}　地址：示例市观山湖区市级行政中心2号楼4层</p><p>网站标识码：（待分配）　ICP备案号：（待备案）</p></footer></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}<nav class="breadcrumb"><a href="/">首页</a> › <a href="{{ .Parent.RelPermalink }}">{{ .Parent.Title }}</a> › 正文</nav>
<article class="article"><table class="meta"><tr><th>索引号</th><td>{{ .Params.index }}</td><th>发文字号</th><td>{{ .Params.number }}</td></tr>
<tr><th>发布日期</th><td>{{ .Date.Format "2006年1月2日" }}</td><th>有效性</th><td>有效</td></tr></table>
<h1>{{ .Title }}</h1><div class="body">{{ .Content }}</div></article>{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1><ul class="linklist">{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a><time>{{ .Date.Format "2006年1月2日" }}</time></li>{{ end }}</ul>
<nav class="pager">{{ range .Paginator.Pagers }}<a href="{{ .URL }}">{{ .PageNumber }}</a> {{ end }}</nav>{{ end }}
"""


def hugo_site(n: int) -> Path:
    site = WORK / "hugo"
    (site / "layouts/_default").mkdir(parents=True)
    (site / "config.toml").write_text(HUGO_CONFIG)
    (site / "layouts/_default/baseof.html").write_text(HUGO_BASEOF)
    (site / "layouts/_default/single.html").write_text(HUGO_SINGLE)
    (site / "layouts/_default/list.html").write_text(HUGO_LIST)
    (site / "layouts/index.html").write_text(HUGO_LIST)
    for col in range(COLUMNS):
        d = site / "content" / f"c{col}"
        d.mkdir(parents=True)
        (d / "_index.md").write_text(f"---\ntitle: 栏目{col}\n---\n")
    for i in range(n):
        col = i % COLUMNS
        (site / "content" / f"c{col}" / f"{i}.md").write_text(
            f'---\ntitle: "关于印发《示例市科技计划项目管理办法（第{i}号）》的通知"\n'
            f"date: {day(i).isoformat()}\nindex: MB1234567/2026-{i:05d}\n"
            f"number: 示科发〔2026〕{i}号\n---\n\n{BODY}\n"
        )
    return site


def run_hugo(site: Path) -> float:
    import resource

    out = WORK / "hugo-public"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(["hugo", "--quiet", "-s", str(site), "-d", str(out)], check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU["hugo"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--publishes", type=int, default=40)
    parser.add_argument("--hugo", action="store_true")
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    setup_templates()
    dept = Department(
        slug="kjj",
        name="示例市科学技术局",
        address="示例市观山湖区市级行政中心2号楼4层",
        phone="0851-87987000",
        email="kjjgk@example.gov.cn",
    )
    site = SiteInfo(
        department=dept, slug="kjj", name=dept.name, base_url="https://kjj.example.gov.cn"
    )
    suite = Ed25519Sha256(key_path=WORK / "key.pem")
    sd = engine.SiteDir(WORK / "site", suite, site="kjj", base_url=site.base_url)
    source = SyntheticDocuments(args.docs)
    print(f"work dir {WORK}; {args.docs} documents, {COLUMNS} columns, {PER_PAGE} per list page")
    try:
        full = build(site, sd, source)
        files = sd.manifest().root["count"]
        print(
            f"gongkai full build: {full:.1f} s wall, {CPU['gongkai']:.1f} s CPU for {files} files "
            f"({full / files * 1000:.3f} ms/file)"
        )
        t = time.perf_counter()
        sd.settle()
        print(
            f"gongkai settle (copy the build into the standby tree): {time.perf_counter() - t:.1f} s"
        )
        if args.hugo:
            hsite = hugo_site(args.docs)
            hugo = run_hugo(hsite)
            hfiles = sum(len(f) for _, _, f in os.walk(WORK / "hugo-public"))
            print(
                f"hugo full build: {hugo:.1f} s wall, {CPU['hugo']:.1f} s CPU for {hfiles} files; "
                f"gongkai/hugo wall {full / hugo:.2f}, CPU {CPU['gongkai'] / CPU['hugo']:.2f}"
            )
        times = [publish_one(site, sd, source) * 1000 for _ in range(args.publishes)]
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
        print(
            f"publish one document: median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, "
            f"max {times[-1]:.1f} ms over {len(times)} publishes"
        )
        cpus = sorted(c * 1000 for c in CPU["publish"])
        print(
            f"  CPU per publish: median {statistics.median(cpus):.1f} ms, "
            f"p95 {cpus[min(len(cpus) - 1, round(0.95 * len(cpus)) - 1)]:.1f} ms"
        )
        t = time.perf_counter()
        problems = engine.verify_tree(sd.served_tree(), suite)
        print(f"verify whole site: {time.perf_counter() - t:.1f} s, {len(problems)} problems")
    finally:
        if not args.keep:
            shutil.rmtree(WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
