"""Links and scripts from domains outside the whitelist; appended link blocks."""

from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..domains import SPAM_TLDS, host_of, is_whitelisted, looks_spammy, spam_score
from ..page import Link
from ..registry import register
from ..result import Finding, excerpt

BLOCK_MIN_LINKS = 4
BLOCK_MIN_HOSTS = 3


def _blocks(ctx: Context) -> list[list[tuple[Link, str]]]:
    """Runs of consecutive links to foreign hosts (an internal link ends a run)."""
    runs: list[list[tuple[Link, str]]] = []
    current: list[tuple[Link, str]] = []
    for link in ctx.page.links:
        if link.href.startswith(("#", "javascript:", "mailto:", "tel:")):
            continue
        host = ctx.external(link)
        if host:
            current.append((link, host))
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [
        r for r in runs if len(r) >= BLOCK_MIN_LINKS and len({h for _, h in r}) >= BLOCK_MIN_HOSTS
    ]


@register
def link_blocks(ctx: Context) -> Iterator[Finding]:
    """Blocks of links to several foreign domains, stronger when appended or spam-like."""
    for run in _blocks(ctx):
        hosts = sorted({h for _, h in run})
        spammy = [h for h in hosts if looks_spammy(h)]
        first = run[0][0]
        weight = 12.0  # partner-site lists are common: informational unless more is wrong
        if len(spammy) >= 2 or len(spammy) * 2 >= len(hosts):
            weight += 40.0
        appended = first.after_end
        if appended:
            weight += 25.0
        anchors = " | ".join(link.text for link, _ in run[:8] if link.text)
        yield Finding(
            "link_block",
            excerpt(f"{anchors} → {', '.join(hosts[:6])}"),
            f"line {first.line}",
            weight,
            f"{len(run)} links to {len(hosts)} foreign domains"
            + (", appended at the end" if appended else "")
            + (f", {len(spammy)} spam-like" if spammy else ""),
        )


@register
def foreign_links(ctx: Context) -> Iterator[Finding]:
    """Single links to foreign domains: spam-like ones, or any after </body>."""
    seen: set[str] = set()
    plain: list[str] = []
    for link in ctx.page.links:
        host = ctx.external(link)
        if not host or host in seen:
            continue
        seen.add(host)
        score = spam_score(host)
        if link.after_end:
            yield Finding(
                "external_link",
                excerpt(f"{link.text} → {link.href}"),
                f"line {link.line} (after </body>)",
                70.0,
                "link after the end of the page",
            )
        elif score >= 2:
            yield Finding(
                "external_link",
                excerpt(f"{link.text} → {link.href}"),
                f"line {link.line}",
                45.0,
                f"spam-like domain (score {score})",
            )
        else:
            plain.append(host)
    if plain:
        # Informational: real pages link to universities, companies, partner sites.
        yield Finding(
            "external_link",
            ", ".join(plain[:10]),
            "links",
            3.0,
            f"{len(plain)} domain(s) outside the whitelist",
        )


@register
def foreign_scripts(ctx: Context) -> Iterator[Finding]:
    """Scripts loaded from spam-like domains outside the whitelist."""
    for src, line in ctx.page.script_srcs:
        host = host_of(src)
        if not host or is_whitelisted(host, ctx.whitelist):
            continue
        score = spam_score(host)
        if score >= 1:
            # One weak trait (163.com has digits) is common; a throw-away TLD (.top, .xyz) for
            # a script is not, and two traits or more are rare on real sites.
            weight = {1: 10.0, 2: 60.0}.get(score, 80.0)
            if score == 1 and host.rsplit(".", 1)[-1] in SPAM_TLDS:
                weight = 40.0
            yield Finding(
                "external_script",
                excerpt(src),
                f"line {line} <script src>",
                weight,
                f"spam-like domain (score {score})",
            )


@register
def foreign_canonical(ctx: Context) -> Iterator[Finding]:
    """<link rel=canonical>, amphtml or <base href> pointing to a foreign domain."""
    for rel, href, line in ctx.page.head_links:
        host = host_of(href)
        if not host or is_whitelisted(host, ctx.whitelist):
            continue
        weight = 80.0 if looks_spammy(host) else 50.0
        yield Finding(
            "foreign_canonical",
            excerpt(href),
            f"line {line} <{rel}>",
            weight,
            f"the page declares {host} as its {rel} address",
        )
