"""Injection detector for government web pages: pure Python, no Django.

>>> result = inspect_html(html, canonical=None, whitelist=DEFAULT_WHITELIST)
>>> result.verdict, result.score, [f.type for f in result.findings]

Without a canonical copy the registered rules (see :mod:`.registry`) look for the techniques of
gambling/porn SEO hijacks; with one, :mod:`.canonical` also aligns the served text with the
canonical text and classifies every difference.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import context as _context
from .decode import MAX_BYTES, DecodeError, decode_html
from .domains import DEFAULT_WHITELIST, host_of
from .page import parse
from .registry import describe, detectors, register, unregister
from .result import SUSPICIOUS, TAMPERED, Finding, Result, combine

MAX_CHARS = 2_000_000

__all__ = [
    "DEFAULT_WHITELIST",
    "MAX_BYTES",
    "SUSPICIOUS",
    "TAMPERED",
    "DecodeError",
    "Finding",
    "Result",
    "decode_html",
    "describe",
    "detectors",
    "inspect_html",
    "register",
    "unregister",
]


def inspect_html(
    html: str | bytes,
    *,
    canonical: str | bytes | None = None,
    whitelist: Iterable[str] = DEFAULT_WHITELIST,
    own_names: Iterable[str] = (),
    charset: str | None = None,
    base_url: str | None = None,
) -> Result:
    """Inspect one page (HTML or plain text) and return verdict, score and findings.

    *base_url* is where the page was fetched from: its own domain counts as whitelisted, so a
    site outside gov.cn (an affiliated institution's .cn site) is not foreign to itself.
    """
    notes: list[str] = []
    if isinstance(html, bytes):
        if len(html) > MAX_BYTES:
            notes.append(f"input cut to {MAX_BYTES} bytes")
        try:
            html = decode_html(html, charset)
        except DecodeError as exc:
            return combine([Finding("undecodable", str(exc), "response body", 40.0)], notes)
    if len(html) > MAX_CHARS:
        notes.append(f"input cut to {MAX_CHARS} characters")
        html = html[:MAX_CHARS]
    wl = tuple(whitelist)
    own_host = host_of(base_url) if base_url else ""
    if own_host:
        wl = (*wl, own_host.removeprefix("www."))
    names = tuple(own_names)
    ctx = _context.build(parse(html), html, wl, names)
    ctx.base_url = base_url or ""
    findings = _run_detectors(ctx, notes)
    if canonical is not None:
        findings.extend(_compare(canonical, ctx, names, notes))
    return combine(findings, notes)


def _run_detectors(ctx: _context.Context, notes: list[str]) -> list[Finding]:
    findings: list[Finding] = []
    for detector in detectors():
        try:
            findings.extend(detector(ctx))
        # A broken rule (an extension's, say) must not hide what the others found.
        except Exception as exc:
            notes.append(f"detector {detector.__name__} failed: {exc!r}")
    return findings


def _compare(
    canonical: str | bytes, ctx: _context.Context, names: tuple[str, ...], notes: list[str]
) -> list[Finding]:
    from .canonical import compare

    if isinstance(canonical, bytes):
        try:
            canonical = decode_html(canonical)
        except DecodeError as exc:
            notes.append(f"canonical copy not compared: {exc}")
            return []
    return compare(canonical, ctx, own_names=names)
