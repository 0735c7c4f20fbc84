"""Hidden blocks, links and frames that carry content for crawlers, not visitors.

Government pages hide plenty legitimately (drop-down menus, tab panels, accessibility
toolbars), so a hidden block only counts when it links outside the whitelist; hidden
promotional text is weighed by the gambling and porn rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import Context
from ..domains import host_of, is_whitelisted, looks_spammy, spam_score
from ..registry import register
from ..result import Finding, excerpt
from ..styles import hide_reason

_NUM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$")


# Ways of hiding that menus, tabs and pop-ups never use: content hidden like this is meant for
# crawlers only. display:none and friends are everyday UI and need more evidence.
STRONG_HIDING = frozenset(
    {"off-screen position", "same colour as background", "tiny marquee", "opacity:0", "clipped"}
)
# font-size:0 (the inline-block whitespace trick, children reset the size), zero height with
# overflow:hidden (collapsed accordions) and white text on a stylesheet background are common
# in real layouts: they count like display:none.
# Share buttons and partner sites are what legitimate hidden menus link to.
_BENIGN_ANCHOR = re.compile(
    r"分享|微信|微博|QQ|空间|豆瓣|人人|开心|朋友圈|facebook|twitter|linkedin|复制|打印|收藏",
    re.IGNORECASE,
)
_ORG_ANCHOR = re.compile(
    r"(?:网|局|厅|部|委|办|院|校|大学|报|社|中心|协会|学会|政府|法院|检察院|银行|集团|公司|平台|馆|所)$"
)


def _weight(reason: str, foreign: list[str], spammy: list[str], anchors: list[str]) -> float:
    if reason in STRONG_HIDING:
        return 85.0 if len(foreign) >= 2 or spammy else 60.0
    if spammy:
        return 80.0 if len(foreign) >= 2 else 60.0
    organisations = sum(
        1 for a in anchors if _ORG_ANCHOR.search(a.strip()) or _BENIGN_ANCHOR.search(a)
    )
    if len(foreign) >= 3 and organisations * 2 < len(anchors):
        return 60.0
    return 10.0  # a hidden drop-down of partner sites: worth listing, not alarming


@register
def hidden_links(ctx: Context) -> Iterator[Finding]:
    """Hidden blocks (display:none, off-screen, zero size, same colour …) linking off-site."""
    for region in ctx.page.regions:
        foreign = [h for link in region.links if (h := ctx.external(link))]
        if not foreign:
            continue
        distinct = sorted(set(foreign))
        spammy = [h for h in distinct if looks_spammy(h)]
        anchors = [link.text for link in region.links if link.text and ctx.external(link)]
        weight = _weight(region.reason, foreign, spammy, anchors)
        yield Finding(
            "hidden_link",
            excerpt(f"{' | '.join(anchors[:6])} → {', '.join(distinct[:5])}"),
            f"line {region.line} <{region.tag}> ({region.reason})",
            weight,
            f"{len(foreign)} link(s) to {len(distinct)} foreign domain(s)"
            + (f", {len(spammy)} spam-like" if spammy else ""),
        )


def _tiny(value: str) -> bool:
    m = _NUM.match(value)
    return m is not None and float(m.group(1)) <= 2


@register
def hidden_frames(ctx: Context) -> Iterator[Finding]:
    """Zero-size or hidden iframes loading a page from outside the whitelist."""
    for frame in ctx.page.frames:
        host = host_of(frame.src)
        if not host or is_whitelisted(host, ctx.whitelist):
            continue
        hidden = _tiny(frame.width) or _tiny(frame.height) or hide_reason(frame.style)
        if hidden:
            yield Finding(
                "hidden_iframe",
                excerpt(frame.src),
                f"line {frame.line} <iframe>",
                85.0,
                f"{frame.width or '?'}×{frame.height or '?'} {frame.style}".strip(),
            )
        elif frame.width.strip() == "100%" and frame.height.strip() == "100%":
            yield Finding(
                "external_iframe",
                excerpt(frame.src),
                f"line {frame.line} <iframe>",
                60.0,
                "full-page frame from a foreign domain (overlay)",
            )
        elif spam_score(host) >= 2:
            yield Finding(
                "external_iframe",
                excerpt(frame.src),
                f"line {frame.line} <iframe>",
                60.0,
                "visible frame from a spam-like domain",
            )
