"""The department's own name replaced in place (示例市科学技术局 → 某某体育科学技术局)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from difflib import SequenceMatcher

from ..context import Context
from ..lexicon import cues
from ..normalize import compact
from ..registry import register
from ..result import Finding, excerpt

_CJK = re.compile(r"[\u4e00-\u9fff]")


@register
def own_name_missing(ctx: Context) -> Iterator[Finding]:
    """A substantial page that nowhere names the department (weak alone; adds to other cues)."""
    if not ctx.own_names:
        return
    text = ctx.body.text
    if any(name in text for name in ctx.own_names):
        return
    if len(_CJK.findall(text, 0, 4000)) < 200:
        return
    yield Finding(
        "own_name_missing",
        "、".join(ctx.own_names),
        "title and visible text",
        25.0,
        "none of the department's names appears on the page",
    )


@register
def own_name_replaced(ctx: Context) -> Iterator[Finding]:
    """The tail of an own name (…科学技术局) preceded by a gambling brand, not the real prefix."""
    found = ctx.page_cues
    if not (found.n("game") or found.n("brand") or found.n("game_weak")):
        return
    text = ctx.body.text
    for name in ctx.own_names:
        if len(name) < 5:
            continue
        tail = name[-5:] if len(name) >= 8 else name[-3:]
        for m in re.finditer(re.escape(tail), text):
            end = m.end()
            if text[max(0, end - len(name)) : end] == name:
                continue
            near = cues(compact(text[max(0, m.start() - 4) : m.start()]))
            before = cues(compact(text[max(0, m.start() - 12) : m.start()]))
            if before.n("game") or before.n("brand") or near.n("game_weak"):
                yield Finding(
                    "name_replaced",
                    excerpt(text[max(0, m.start() - 12) : end]),
                    "visible text",
                    75.0,
                    f"expected {name}",
                )
                return


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _shares(title: str, declared: str) -> bool:
    """Title and declared name overlap (CMSs shorten long titles with "…", add column names)."""
    if not declared:
        return False
    if declared in title or title in declared:
        return True
    match = SequenceMatcher(None, title, declared, autojunk=False).find_longest_match()
    return match.size >= min(6, len(title), len(declared))


@register
def title_mismatch(ctx: Context) -> Iterator[Finding]:
    """A <title> that names neither the site nor the article its own meta tags declare."""
    # 《政府网站发展指引》 requires SiteName/ArticleTitle/ColumnName meta tags; hijackers replace
    # the <title> for search engines and leave those alone.
    meta = ctx.page.meta
    declared = [_squash(meta[k]) for k in ("sitename", "articletitle", "columnname") if meta.get(k)]
    title = _squash(ctx.page.title)
    if not declared or not title:
        return
    if any(_shares(title, d) for d in declared):
        return
    if any(name in title for name in ctx.own_names):
        return
    yield Finding(
        "title_mismatch",
        excerpt(ctx.page.title),
        "<title>",
        40.0,
        "title names neither SiteName nor ArticleTitle: " + " / ".join(declared)[:80],
    )
