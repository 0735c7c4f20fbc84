"""Inline styles, attributes and page CSS that hide an element from the visitor."""

from __future__ import annotations

import re

_HIDE_STYLE = (
    (re.compile(r"display\s*:\s*none"), "display:none"),
    (re.compile(r"visibility\s*:\s*hidden"), "visibility:hidden"),
    (
        re.compile(r"(?:left|top|right|margin-left|margin-top|text-indent)\s*:\s*-\s*\d{3,}"),
        "off-screen position",
    ),
    (re.compile(r"(?:left|top)\s*:\s*\d{5,}"), "off-screen position"),
    (re.compile(r"font-size\s*:\s*0(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:;|!|$)"), "font-size:0"),
    (re.compile(r"opacity\s*:\s*0(?:\.0+)?\s*(?:;|!|$)"), "opacity:0"),
    (re.compile(r"(?:^|;|\s)(?:height|width)\s*:\s*[01](?:px)?\s*(?:;|!|$)"), "zero size"),
    (re.compile(r"clip\s*:\s*rect\(\s*0"), "clipped"),
)
_OVERFLOW_HIDDEN = re.compile(r"overflow\s*:\s*hidden")
_COLOR = re.compile(r"(?:^|[;\s])color\s*:\s*([^;!]+)")
_BG = re.compile(r"background(?:-color)?\s*:\s*([^;!]+)")
_NAMED = {
    "white": "#ffffff",
    "black": "#000000",
    "red": "#ff0000",
    "blue": "#0000ff",
    "#fff": "#ffffff",
    "#000": "#000000",
    "rgb(255,255,255)": "#ffffff",
    "rgb(0,0,0)": "#000000",
}
_STYLE_BLOCK = re.compile(r"<style[^>]*>(.*?)</style>", re.IGNORECASE | re.DOTALL)
_CSS_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_SIMPLE_SELECTOR = re.compile(r"^\s*(?:[a-z0-9]*)([.#])([\w\-]+)\s*$", re.IGNORECASE)
_JS_HIDE = re.compile(
    r"getElementById\(\s*['\"]([\w\-]+)['\"]\s*\)\.style\.(?:display\s*=\s*['\"]none|"
    r"visibility\s*=\s*['\"]hidden)",
    re.IGNORECASE,
)


def _number(value: str) -> int | None:
    value = value.strip().removesuffix("px")
    return int(value) if value.isdigit() else None


def tiny_marquee(attrs: dict[str, str]) -> bool:
    sizes = [_number(attrs.get(k, "")) for k in ("width", "height")]
    speed = _number(attrs.get("scrollamount", "")) or 0
    return any(n is not None and n <= 5 for n in sizes) or speed >= 500


def hidden_by_colour(tag: str, attrs: dict[str, str], style: str, bg: str) -> str | None:
    fg = attrs.get("color", "")
    if not fg and style:
        m = _COLOR.search(style.lower())
        fg = m.group(1) if m else ""
    if fg:
        fg = colour(fg)
        if bg and fg == bg:
            return "same colour as background"
        if not bg and fg == "#ffffff":
            return "white text, background unknown"
    if tag == "font" and attrs.get("size", "").strip() in ("0", "-7"):
        return "font size 0"
    return None


def colour(value: str) -> str:
    v = value.strip().lower().replace(" ", "")
    v = _NAMED.get(v, v)
    if re.fullmatch(r"#[0-9a-f]{3}", v):
        v = "#" + "".join(c * 2 for c in v[1:])
    return v


def background(style: str) -> str | None:
    """The colour an inline style paints the background with (None for images or nothing)."""
    m = _BG.search(style.lower())
    if m and not m.group(1).strip().startswith("url"):
        return colour(m.group(1).split()[0])
    return None


def hide_reason(style: str) -> str | None:
    """Why an inline style hides its element, or None."""
    style = style.lower()
    for pattern, reason in _HIDE_STYLE:
        if pattern.search(style):
            if reason == "zero size" and not _OVERFLOW_HIDDEN.search(style):
                continue
            return reason
    return None


def css_hidden(raw: str) -> tuple[set[str], set[str]]:
    """Classes and ids that page-level CSS or script hides."""
    classes: set[str] = set()
    ids: set[str] = set()
    if "<style" in raw or "<STYLE" in raw:
        for block in _STYLE_BLOCK.findall(raw):
            for selectors, body in _CSS_RULE.findall(block):
                if hide_reason(body) is None:
                    continue
                for selector in selectors.split(","):
                    m = _SIMPLE_SELECTOR.match(selector)
                    if m:
                        (classes if m.group(1) == "." else ids).add(m.group(2))
    if "getElementById" in raw:
        ids.update(_JS_HIDE.findall(raw))
    return classes, ids
