"""Redirects and cloaking: meta refresh or script sending visitors (or only search-engine
visitors) to another domain, and document.write of foreign links."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import Context, Script
from ..domains import host_of, is_whitelisted, looks_spammy
from ..lexicon import cues
from ..normalize import compact, normalize
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
_BRACKET = re.compile(r"\[\s*['\"](\w+)['\"]\s*\]")
_BARE_URL = re.compile(r"https?://[a-z0-9.\-]+\.[a-z]{2,}", re.IGNORECASE)
_CONCAT = re.compile(r"['\"`]\s*\+\s*['\"`]")
_ELEMENT_SRC = re.compile(
    r"createElement\(\s*['\"](?:script|iframe)['\"]\s*\)[\s\S]{0,300}?\.src\s*=\s*['\"`]"
    r"((?:https?:)?//[^'\"`]+)",
    re.IGNORECASE,
)
_WRITTEN_HIDING = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|(?:left|top|text-indent)\s*:\s*-\s*\d{3,}",
    re.IGNORECASE,
)
_URL_LITERAL = re.compile(r"['\"`]((?:https?:)?//[^'\"`\s]+)['\"`]")
_CJK_STRING = re.compile(r"[\u4e00-\u9fff\uff01-\uff5e]+")
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
                90.0 if looks_spammy(host) else 50.0,
                f"refresh to {host}",
            )


def _literal_redirect(ctx: Context, text: str, cloak: bool, where: str) -> Finding | None:
    for m in _JS_NAV.finditer(text):
        host = _foreign(ctx, m.group(1))
        if not host:
            continue
        spammy = cloak or looks_spammy(host)
        # An ordinary foreign target may be a migrated site or a leaving-the-site notice:
        # suspicious, not proof. A pop-up window to an ordinary site is normal.
        weight = 90.0 if spammy else 50.0
        if m.group(0).startswith("window.open") and not spammy:
            weight = 12.0
        detail = f"to {host}" + (" for search-engine visitors only" if cloak else "")
        return Finding("redirect", excerpt(m.group(0)), where, weight, detail)
    return None


def _variable_redirect(ctx: Context, text: str, where: str, decoded_tail: str) -> Finding | None:
    """location.href = u, where u is a spam-like foreign URL written elsewhere in the script."""
    if not _JS_NAV_ANY.search(text):
        return None
    urls = [m.group(1) for m in _URL_LITERAL.finditer(text)]
    urls += _BARE_URL.findall(decoded_tail)  # atob()/unescape() results carry no quotes
    for url in urls:
        host = _foreign(ctx, url)
        if host and looks_spammy(host):
            return Finding(
                "redirect",
                excerpt(url),
                where,
                70.0,
                f"navigation in a script holding a URL of {host}",
            )
    return None


def _writes(ctx: Context, text: str) -> list[str]:
    if not _WRITE.search(text):
        return []
    return sorted({h for u in _HREF_IN_WRITE.findall(text) if (h := _foreign(ctx, u))})


def _element_src(ctx: Context, text: str, where: str) -> Finding | None:
    for m in _ELEMENT_SRC.finditer(text):
        host = _foreign(ctx, m.group(1))
        if host and looks_spammy(host):
            detail = f"loads a script or frame from {host}"
            return Finding("script_injection", excerpt(m.group(0)[-160:]), where, 75.0, detail)
    return None


def _written_links(text: str, hosts: list[str], where: str) -> Finding | None:
    if not hosts:
        return None
    # Old sites write menus, share buttons and counters this way too: ordinary domains are
    # weak evidence unless the written HTML hides them.
    if any(looks_spammy(h) for h in hosts):
        weight = 80.0
    elif "<a" in text.lower() and _WRITTEN_HIDING.search(text):
        weight = 75.0
    else:
        weight = 12.0
    detail = "document.write/innerHTML of links or scripts from " + ", ".join(hosts[:5])
    return Finding("script_injection", excerpt(_snippet(text, _WRITE)), where, weight, detail)


def _script_findings(ctx: Context, script: Script) -> Finding | None:
    # "https://" + "hth" + "2288.cc" is one URL to a reader and should be one to the rule, and
    # window["location"]["href"] is window.location.href.
    text = _BRACKET.sub(r".\1", _CONCAT.sub("", script.decoded))
    where = f"line {script.line} {script.label}" + (" (decoded)" if script.markers else "")
    cloak = bool(_REFERRER_SE.search(text) or _SPIDER_UA.search(text))
    found = _literal_redirect(ctx, text, cloak, where)
    if found:
        return found
    writes = _writes(ctx, text)
    if cloak and (_JS_NAV_ANY.search(text) or writes):
        snippet = excerpt(_snippet(text, _REFERRER_SE, _SPIDER_UA))
        detail = "navigates or writes foreign links for search-engine referrers or crawlers only"
        return Finding("cloaking", snippet, where, 85.0, detail)
    return (
        _variable_redirect(ctx, text, where, script.decoded[len(script.source) :])
        or _element_src(ctx, text, where)
        or _written_links(text, writes, where)
    )


@register
def script_spam_text(ctx: Context) -> Iterator[Finding]:
    """Inline scripts that carry gambling or porn text (document.title=…, written blocks)."""
    for script in ctx.scripts:
        chinese = "".join(_CJK_STRING.findall(script.decoded))
        if len(chinese) < 4:
            continue
        found = cues(compact(normalize(chinese, count_scripts=False).text))
        if (found.gambling or found.porn) and not found.enforcement:
            words = "、".join(found.words("brand", "game", "sales", "porn")[:8])
            yield Finding(
                "script_injection",
                excerpt(chinese),
                f"line {script.line} {script.label}",
                80.0,
                "script text: " + words,
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
        if found := _script_findings(ctx, script):
            yield found
