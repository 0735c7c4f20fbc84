"""Redirects and cloaking: meta refresh or script sending visitors (or only search-engine
visitors) to another domain, and document.write of foreign links."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import Context, Script
from ..domains import host_of, is_whitelisted, spam_score
from ..registry import register
from ..result import Finding, excerpt

_REFRESH_URL = re.compile(r"url\s*=\s*['\"]?([^'\";\s]+)", re.IGNORECASE)
_JS_NAV = re.compile(
    r"(?:location(?:\.href)?\s*=(?!=)|location\.(?:replace|assign)\s*\(|window\.open\s*\(|"
    r"\.navigate\s*\()\s*['\"`]([^'\"`]+)['\"`]",
)
_JS_NAV_ANY = re.compile(r"location(?:\.href)?\s*=(?!=)|location\.(?:replace|assign)\s*\(")
_REFERRER_SE = re.compile(
    r"referr?er[\s\S]{0,400}?(?:baidu|sogou|so\.com|sm\.cn|soso|google|bing|yahoo|youdao|360)"
    r"|(?:baidu|sogou|so\.com|sm\.cn|soso|google|bing|yahoo|youdao)[\s\S]{0,400}?referr?er",
    re.IGNORECASE,
)
_SPIDER_UA = re.compile(r"userAgent[\s\S]{0,300}?(?:spider|bot|crawler|slurp)", re.IGNORECASE)
_WRITE = re.compile(r"document\.(?:write|writeln)\s*\(|\.innerHTML\s*[+]?=", re.IGNORECASE)
_CONCAT = re.compile(r"['\"`]\s*\+\s*['\"`]")
_ELEMENT_SRC = re.compile(
    r"createElement\(\s*['\"](?:script|iframe)['\"]\s*\)[\s\S]{0,300}?\.src\s*=\s*['\"`]"
    r"((?:https?:)?//[^'\"`]+)",
    re.IGNORECASE,
)
_HREF_IN_WRITE = re.compile(
    r"""(?:href|src)\s*=\s*\\?['"]?\s*((?:https?:)?//[^'"\s\\>]+)""", re.IGNORECASE
)


def _foreign(ctx: Context, url: str) -> str:
    host = host_of(url)
    return host if host and not is_whitelisted(host, ctx.whitelist) else ""


@register
def meta_refresh(ctx: Context) -> Iterator[Finding]:
    """<meta http-equiv=refresh> pointing to another domain."""
    for content in ctx.page.refresh:
        m = _REFRESH_URL.search(content)
        if m and (host := _foreign(ctx, m.group(1))):
            yield Finding(
                "redirect",
                excerpt(content),
                '<meta http-equiv="refresh">',
                90.0 if spam_score(host) else 80.0,
                f"refresh to {host}",
            )


def _script_findings(ctx: Context, script: Script) -> Iterator[Finding]:
    # "https://" + "hth" + "2288.cc" is one URL to a reader and should be one to the rule.
    text = _CONCAT.sub("", script.decoded)
    where = f"line {script.line} {script.label}" + (" (decoded)" if script.markers else "")
    cloak = bool(_REFERRER_SE.search(text) or _SPIDER_UA.search(text))
    navigates = bool(_JS_NAV_ANY.search(text))
    for m in _JS_NAV.finditer(text):
        host = _foreign(ctx, m.group(1))
        if host:
            weight = 90.0 if cloak or spam_score(host) else 75.0
            if m.group(0).startswith("window.open") and not cloak:
                weight = 35.0
            yield Finding(
                "redirect",
                excerpt(m.group(0)),
                where,
                weight,
                f"to {host}" + (" for search-engine visitors only" if cloak else ""),
            )
            return
    writes = (
        [h for u in _HREF_IN_WRITE.findall(text) if (h := _foreign(ctx, u))]
        if _WRITE.search(text)
        else []
    )
    if cloak and (navigates or writes):
        yield Finding(
            "cloaking",
            excerpt(_snippet(text, _REFERRER_SE, _SPIDER_UA)),
            where,
            85.0,
            "navigates or writes foreign links depending on search-engine referrer or "
            "crawler User-Agent",
        )
        return
    for m in _ELEMENT_SRC.finditer(text):
        host = _foreign(ctx, m.group(1))
        if host and spam_score(host):
            yield Finding(
                "script_injection",
                excerpt(m.group(0)[-160:]),
                where,
                75.0,
                f"loads a script or frame from {host}",
            )
            return
    if writes:
        hosts = sorted(set(writes))
        if hosts:
            weight = 80.0 if any(spam_score(h) for h in hosts) or len(hosts) >= 2 else 50.0
            yield Finding(
                "script_injection",
                excerpt(_snippet(text, _WRITE)),
                where,
                weight,
                "document.write/innerHTML of links or scripts from " + ", ".join(hosts[:5]),
            )


def _snippet(text: str, *patterns: re.Pattern[str]) -> str:
    for p in patterns:
        m = p.search(text)
        if m:
            return text[max(0, m.start() - 20) : m.end() + 100]
    return text[:120]


@register
def script_redirects(ctx: Context) -> Iterator[Finding]:
    """Inline scripts that redirect off-site, cloak by referrer/User-Agent, or write links."""
    for script in ctx.scripts:
        yield from _script_findings(ctx, script)
