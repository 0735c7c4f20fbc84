"""Body HTML: sanitised with nh3 (no script, style, event handlers or javascript: links), and
told back to the person who typed it what was removed."""

import html
import re
from dataclasses import dataclass

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "ol", "ul", "li", "table",
    "thead", "tbody", "tr", "th", "td", "caption", "a", "img", "blockquote", "span", "sup", "sub",
    "hr", "figure", "figcaption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
}
_DANGEROUS = [
    (re.compile(r"<\s*script", re.I), "脚本（script）"),
    (re.compile(r"<\s*style", re.I), "样式表（style）"),
    (re.compile(r"\son\w+\s*=", re.I), "事件属性（如 onclick）"),
    (re.compile(r"javascript\s*:", re.I), "javascript: 链接"),
    (re.compile(r"<\s*iframe", re.I), "内嵌框架（iframe）"),
    (re.compile(r"\sstyle\s*=", re.I), "内联样式（style 属性）"),
    (re.compile(r"<\s*(object|embed|form|input)", re.I), "表单或插件元素"),
]


@dataclass(frozen=True)
class Sanitised:
    html: str
    removed: tuple[str, ...]


def sanitise_body(raw: str) -> Sanitised:
    removed = tuple(label for pattern, label in _DANGEROUS if pattern.search(raw))
    text = raw.strip()
    if text and "<" not in text:
        # Plain text typed into the box: keep paragraphs.
        paras = [p.strip() for p in re.split(r"\n\s*\n|\r?\n", text) if p.strip()]
        text = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    clean = nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return Sanitised(clean, removed)


def html_to_text(value: str) -> str:
    text = re.sub(r"<\s*(br|/p|/h\d|/li|/tr|/div)[^>]*>", "\n", value, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
