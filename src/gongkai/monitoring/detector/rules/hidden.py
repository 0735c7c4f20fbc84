"""Hidden blocks, links and frames that carry content for crawlers, not visitors.

Government pages hide plenty legitimately (drop-down menus, tab panels, accessibility
toolbars), so a hidden block only counts when it links outside the whitelist; hidden
promotional text is weighed by the gambling and porn rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import Context
from ..domains import host_of, is_whitelisted, spam_score
from ..page import hide_reason
from ..registry import register
from ..result import Finding, excerpt

_NUM = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$")


@register
def hidden_links(ctx: Context) -> Iterator[Finding]:
    """Hidden blocks (display:none, off-screen, zero size, same colour …) linking off-site."""
    for region in ctx.page.regions:
        hosts = [ctx.external(link) for link in region.links]
        foreign = [h for h in hosts if h]
        if not foreign:
            continue
        distinct = sorted(set(foreign))
        spammy = [h for h in distinct if spam_score(h) >= 1]
        if region.reason == "noscript" and len(foreign) < 2:
            continue
        weight = 85.0 if len(foreign) >= 3 or spammy else 60.0
        anchors = " | ".join(link.text for link in region.links[:6] if link.text)
        yield Finding(
            "hidden_link", excerpt(f"{anchors} → {', '.join(distinct[:5])}"),
            f"line {region.line} <{region.tag}> ({region.reason})", weight,
            f"{len(foreign)} link(s) to {len(distinct)} foreign domain(s)",
        )


def _tiny(value: str) -> bool:
    m = _NUM.match(value)
    return bool(m) and float(m.group(1)) <= 2


@register
def hidden_frames(ctx: Context) -> Iterator[Finding]:
    """Zero-size or hidden iframes loading a page from outside the whitelist."""
    for frame in ctx.page.frames:
        host = host_of(frame.src)
        if not host or is_whitelisted(host, ctx.whitelist):
            continue
        hidden = _tiny(frame.width) or _tiny(frame.height) or hide_reason(frame.style)
        if hidden:
            yield Finding("hidden_iframe", excerpt(frame.src), f"line {frame.line} <iframe>", 85.0,
                          f"{frame.width or '?'}×{frame.height or '?'} {frame.style}".strip())
        elif spam_score(host) >= 2:
            yield Finding("external_iframe", excerpt(frame.src), f"line {frame.line} <iframe>",
                          60.0, "visible frame from a spam-like domain")
