"""Which of our published pages does a page (a live page, or a copy on a clone domain) claim
to be? Without a canonical copy named by staff, `gongkai inspect` and the staff page compare a
page with the signed page it claims to be (docs/monitoring.md), found by, in order:

1. the `gongkai-manifest` meta tag every published page carries (`path=/xxgk/…`);
2. the `<link rel="canonical">` path (clones often keep it, or swap only the domain);
3. a published document whose 发文字号, 索引号 or title appears in the page's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from gongkai.core.models import Department
from gongkai.monitoring.canonical_source import canonical_for

_MANIFEST_META = re.compile(
    r"""<meta[^>]+name=["']gongkai-manifest["'][^>]*content=["'][^"']*\bpath=([^;"'\s]+)""", re.I
)
_CANONICAL = re.compile(
    r"""<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)|"""
    r"""<link[^>]+href=["']([^"']+)["'][^>]*rel=["']canonical["']""",
    re.I,
)
_TAGS = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]+>", re.S | re.I)
MIN_TITLE_CHARS = 8  # a short title (通知) matches too many pages


@dataclass(frozen=True)
class Claim:
    path: str
    how: str  # a Chinese sentence for the report
    canonical: bytes


def _document_claim(department: Department, text: str) -> tuple[str, str] | None:
    from gongkai.documents.models import Document
    from gongkai.documents.portal import doc_path

    compact = "".join(text.split())
    published = Document.objects.filter(department=department, published_at__isnull=False).exclude(
        status="withdrawn"
    )
    for field, label in (("doc_number", "发文字号"), ("index_number", "索引号")):
        for pk, value in published.exclude(**{field: ""}).values_list("pk", field).iterator():
            if value and "".join(value.split()) in compact:
                return doc_path(pk), f"页面中的{label}“{value}”"
    for pk, title in published.values_list("pk", "title").iterator():
        if len(title) >= MIN_TITLE_CHARS and "".join(title.split()) in compact:
            return doc_path(pk), f"页面标题“{title}”"
    return None


def claimed_page(department: Department, html: str) -> Claim | None:
    """The signed page *html* claims to be, and how that was recognised (or None)."""
    candidates: list[tuple[str, str]] = []
    if m := _MANIFEST_META.search(html):
        candidates.append((m.group(1), "页面的 gongkai-manifest 标记"))
    if m := _CANONICAL.search(html):
        path = urlsplit(m.group(1) or m.group(2)).path or "/"
        candidates.append((path, "页面的 canonical 地址"))
    for path, how in candidates:
        signed = canonical_for(department, path)
        if signed is not None:
            return Claim(path, f"{how}指向本站 {path}", signed)
    try:
        found = _document_claim(department, " ".join(_TAGS.sub(" ", html).split()))
    except LookupError:  # the documents app is not installed
        found = None
    if found is not None:
        path, how = found
        signed = canonical_for(department, path)
        if signed is not None:
            return Claim(path, f"{how}与本站已发布文件一致，对应 {path}", signed)
    return None
