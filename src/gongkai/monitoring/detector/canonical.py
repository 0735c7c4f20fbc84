"""Compare a served page with its canonical copy and classify every difference.

Both sides are reduced to normalised visible text (so entity tricks, full-width forms,
traditional characters and character(pinyin) pairs do not count as differences — the rules
report those), aligned line by line with difflib, and changed lines are aligned again character
by character. Each difference becomes one finding:

- ``name_replaced``: a name (the department's own, or any organisation name) replaced;
- ``pinyin_rewrite``: Chinese text replaced by its own toneless pinyin;
- ``link_block_appended``: links (or link text) to foreign domains added, typically at the end;
- ``content_removed``: canonical text missing from the served page;
- ``other_edit``: anything else.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from difflib import SequenceMatcher

from .context import Context
from .domains import host_of, is_whitelisted
from .lexicon import cues
from .normalize import compact, normalize
from .page import Page, parse
from .result import Finding, excerpt

_TAG = re.compile(r"<[a-zA-Z!/][^>]*>")
_ORG = re.compile(r"[\u4e00-\u9fff]{2,12}(?:局|厅|委员会|办公室|人民政府|政府|中心|研究院|部)")
_LATIN = re.compile(r"[a-z]")
_MAX_BLOCK = 4000
_MAX_FINDINGS = 25


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _canonical_page(canonical: str) -> tuple[str, Page | None]:
    if _TAG.search(canonical[:5000]):
        page = parse(canonical)
        return page.title + "\n" + page.text, page
    return canonical, None


def _pinyin_of(text: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(text, style=Style.NORMAL, errors="ignore")).lower()


def _is_pinyin_rewrite(old: str, new: str) -> bool:
    letters = "".join(_LATIN.findall(new.lower()))
    if len(letters) < 6 or len(letters) < 0.5 * len(new.replace(" ", "")):
        return False
    expected = _pinyin_of(old)
    return bool(expected) and SequenceMatcher(None, expected, letters).ratio() >= 0.6


def _classify(tag: str, old: str, new: str, own: tuple[str, ...], where: str) -> Finding:
    pair = excerpt(f"{old} → {new}" if old and new else (old or new))
    if tag in ("replace", "insert") and old and _is_pinyin_rewrite(old, new):
        return Finding("pinyin_rewrite", pair, where, 85.0, "Chinese text replaced by its pinyin")
    names = [n for n in own if n in old and n not in new] or (
        [m.group(0) for m in _ORG.finditer(old) if m.group(0) not in new]
        if tag == "replace"
        else []
    )
    if tag == "replace" and (names or any(n and n[-3:] in old for n in own)):
        return Finding(
            "name_replaced", pair, where, 90.0, f"name {names[0] if names else old!r} replaced"
        )
    spam = cues(compact(new)) if new else None
    if tag == "delete":
        if len(old) >= 20:
            return Finding(
                "content_removed", excerpt(old), where, 60.0, f"{len(old)} characters missing"
            )
        return Finding("other_edit", pair, where, 30.0, "short deletion")
    if spam is not None and (spam.gambling or spam.porn):
        return Finding("other_edit", pair, where, 85.0, "inserted gambling/porn text")
    if (
        tag == "replace"
        and old
        and len(old) >= 4
        and len(new) >= 2
        and spam is not None
        and (spam.n("game") or spam.n("brand"))
    ):
        return Finding("name_replaced", pair, where, 85.0, "text replaced by a gambling brand")
    size = max(len(old), len(new))
    # The canonical copy is what was signed and published: even one changed character (a
    # leader's name, a phone number) makes the served page not what the department said.
    return Finding(
        "other_edit", pair, where, 30.0 if size <= 4 else 45.0, f"{tag} of {size} characters"
    )


def _text_diff(canonical: str, served: str, own: tuple[str, ...]) -> Iterator[Finding]:
    a, b = _lines(canonical), _lines(served)
    lines = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        if tag == "equal":
            continue
        old, new = "\n".join(a[i1:i2]), "\n".join(b[j1:j2])
        where = f"canonical line {i1 + 1}" + (f"–{i2}" if i2 - i1 > 1 else "")
        if tag == "insert" and j1 >= len(b) - (j2 - j1) and j2 == len(b):
            where += " (appended at the end)"
        if tag != "replace" or len(old) > _MAX_BLOCK or len(new) > _MAX_BLOCK:
            yield _classify(tag, old, new, own, where)
            continue
        chars = SequenceMatcher(None, old, new, autojunk=False)
        for ctag, x1, x2, y1, y2 in _merged(chars.get_opcodes(), old, new):
            yield _classify(ctag, old[x1:x2], new[y1:y2], own, where)


def _merged(
    opcodes: Iterable[tuple[str, int, int, int, int]], old: str, new: str
) -> Iterator[tuple[str, int, int, int, int]]:
    """Merge edits separated by ≤ 2 equal characters (character diffs of Chinese fragment)."""
    pending: list[int] | None = None
    for tag, x1, x2, y1, y2 in opcodes:
        if tag == "equal":
            if pending is not None and x2 - x1 > 2:
                yield _tag(pending), *pending  # type: ignore[misc]
                pending = None
            continue
        if pending is None:
            pending = [x1, x2, y1, y2]
        else:
            pending[1], pending[3] = x2, y2
    if pending is not None:
        yield _tag(pending), *pending  # type: ignore[misc]


def _tag(span: list[int]) -> str:
    x1, x2, y1, y2 = span
    if x1 == x2:
        return "insert"
    if y1 == y2:
        return "delete"
    return "replace"


def _link_diff(canon: Page, ctx: Context) -> Iterator[Finding]:
    known = {link.href for link in canon.links}
    known_hosts = {host_of(link.href) for link in canon.links}
    added = [
        link
        for link in ctx.page.links
        if link.href not in known
        and (h := host_of(link.href))
        and h not in known_hosts
        and not is_whitelisted(h, ctx.whitelist)
    ]
    if not added:
        return
    hosts = sorted({host_of(link.href) for link in added})
    evidence = excerpt(" | ".join(f"{link.text} → {host_of(link.href)}" for link in added[:6]))
    if len(added) >= 3:
        yield Finding(
            "link_block_appended",
            evidence,
            f"line {added[0].line}",
            90.0,
            f"{len(added)} new links to {len(hosts)} foreign domain(s)",
        )
    else:
        yield Finding(
            "other_edit",
            evidence,
            f"line {added[0].line}",
            60.0,
            f"new link(s) to {', '.join(hosts)}",
        )


def compare(canonical: str, ctx: Context, *, own_names: tuple[str, ...] = ()) -> list[Finding]:
    """Findings for every difference between *canonical* and the served page in *ctx*."""
    text, canon_page = _canonical_page(canonical)
    canonical_norm = normalize(text)
    findings = list(_text_diff(canonical_norm.text, ctx.body.text, own_names))
    # Normalisation hides script conversion from the diff; clones convert whole pages to
    # traditional characters to look like new content, so compare the script profiles too.
    if ctx.body.traditional >= 20 and ctx.body.trad_ratio - canonical_norm.trad_ratio >= 0.3:
        findings.append(
            Finding(
                "other_edit",
                f"{ctx.body.traditional} characters in traditional form",
                "visible text",
                60.0,
                f"text converted to traditional characters (share {ctx.body.trad_ratio:.0%}, "
                f"canonical {canonical_norm.trad_ratio:.0%})",
            )
        )
    if canon_page is not None:
        findings.extend(_link_diff(canon_page, ctx))
    findings = _relabel_link_text(findings)
    if len(findings) > _MAX_FINDINGS:
        rest = findings[_MAX_FINDINGS:]
        findings = findings[:_MAX_FINDINGS]
        findings.append(
            Finding(
                "other_edit",
                f"{len(rest)} further differences",
                "page",
                max(f.weight for f in rest),
                "truncated list",
            )
        )
    return findings


def _relabel_link_text(findings: list[Finding]) -> list[Finding]:
    """An insertion at the end that carries link text is the appended link block itself."""
    out = []
    for f in findings:
        if f.type == "other_edit" and "appended at the end" in f.location and f.weight >= 45.0:
            f = Finding(
                "link_block_appended", f.evidence, f.location, max(f.weight, 70.0), f.detail
            )
        out.append(f)
    return out


def unified_diff(canonical: str, served: str, *, context: int = 1, limit: int = 400) -> str:
    """A readable unified diff of the normalised visible texts (for incident records)."""
    from difflib import unified_diff as _unified

    def text_of(html: str) -> list[str]:
        text, _page = _canonical_page(html)
        return _lines(normalize(text, count_scripts=False).text)

    lines = list(
        _unified(
            text_of(canonical), text_of(served), "规范副本", "实际页面", n=context, lineterm=""
        )
    )
    if len(lines) > limit:
        lines = [*lines[:limit], f"… 另有 {len(lines) - limit} 行差异"]
    return "\n".join(lines)
