"""Chinese text for the index: segmentation, query words, 发文字号 recognition, highlighting.

Pure functions (no Django): tested with plain pytest.
"""

import hashlib
import html
import re
import unicodedata
from collections.abc import Iterable
from functools import cache

import opencc
import rjieba

# Function words that carry no meaning on their own; left out of the index and of queries
# (a query made only of them keeps them, and simply finds nothing).
STOP_WORDS = frozenset("的了和与及或在是对等之为把被于其并以而将由从")

# Prefix of the filter tokens stored next to the words (department, year, issuer, ...). No
# segmented word starts with it because words are folded to lower case and the prefix holds
# an upper-case-free ASCII run that queries are stripped of (see `query_terms`).
FACET_PREFIX = "gkf"

_WORD = re.compile(r"[^\W_]+")


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def normalise(text: str) -> str:
    """Traditional characters to simplified (a query typed in 繁体 finds the document),
    full-width letters and digits to half-width, lower case (NFKC keeps 〔〕 and 《》)."""
    return str(_t2s().convert(unicodedata.normalize("NFKC", text))).lower()


def _clean(tokens: Iterable[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        for word in _WORD.findall(token):
            if word not in STOP_WORDS:
                out.append(word)
    return out


def index_tokens(text: str) -> list[str]:
    """Words to index: jieba's search mode, which adds the short words inside long ones
    (知识产权 → 知识, 产权, 知识产权), so a query for either finds the document."""
    if not text:
        return []
    return _clean(rjieba.cut_for_search(normalise(text)))


def index_text(text: str) -> str:
    return " ".join(index_tokens(text))


def query_terms(text: str) -> list[str]:
    """The words of a query: jieba's precise mode, de-duplicated, in order. A query made only
    of stop words keeps them."""
    normalised = normalise(text)
    words = [
        w
        for t in rjieba.cut(normalised)
        for w in _WORD.findall(t)
        if not w.startswith(FACET_PREFIX)
    ]
    kept = [w for w in words if w not in STOP_WORDS] or words
    return list(dict.fromkeys(kept))


def highlight_terms(text: str) -> list[str]:
    """What to mark in results: each typed word as a whole (创新券) before the pieces jieba cut
    it into (创新, 券), so a phrase found intact is marked intact."""
    typed = [
        w
        for part in normalise(text).split()
        for w in _WORD.findall(part)
        if not w.startswith(FACET_PREFIX)
    ]
    return list(dict.fromkeys(typed + query_terms(text)))


def facet_token(kind: str, value: object) -> str:
    """A token standing for one filter value: `gkfd12` (department 12), `gkfy2017` (year),
    `gkfi<hash>` for text values (issuer i, topic t, genre g, validity v)."""
    if kind in ("d", "y"):
        return f"{FACET_PREFIX}{kind}{int(str(value))}"
    digest = hashlib.sha1(str(value).strip().encode(), usedforsecurity=False).hexdigest()[:12]
    return f"{FACET_PREFIX}{kind}{digest}"


# --- 发文字号 -------------------------------------------------------------------------------
# 《党政机关公文格式》(GB/T 9704-2012) 7.2.4: 发文字号由发文机关代字、年份、发文顺序号组成，年份用
# 六角括号“〔〕”括入。People type [] () （） 【】 instead; all of them are recognised.
_OPEN = "〔[(（【［"
_CLOSE = "〕])）】］"
_DOC_NUMBER = re.compile(
    rf"^\s*(?P<agency>[^\s{re.escape(_OPEN + _CLOSE)}]{{1,20}}?)\s*"
    rf"[{re.escape(_OPEN)}]\s*(?P<year>(?:19|20)\d\d)\s*[{re.escape(_CLOSE)}]\s*"
    r"第?\s*(?P<seq>\d{1,6})\s*号?\s*$"
)


def parse_doc_number(text: str) -> str | None:
    """The canonical form (筑科发〔2017〕12号) if `text` is a 发文字号, else None."""
    match = _DOC_NUMBER.match(unicodedata.normalize("NFKC", text))
    if not match:
        return None
    agency = match["agency"]
    if not re.search(r"[\u4e00-\u9fff]", agency):
        return None
    return f"{agency}〔{match['year']}〕{int(match['seq'])}号"


# --- highlighting ---------------------------------------------------------------------------


def _pattern(terms: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({t for t in terms if t}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def contains_any(text: str, terms: Iterable[str]) -> bool:
    pattern = _pattern(terms)
    return bool(pattern and pattern.search(text))


def highlight(text: str, terms: Iterable[str]) -> str:
    """`text` escaped for HTML with every query word wrapped in <mark>."""
    pattern = _pattern(terms)
    if pattern is None:
        return html.escape(text)
    parts: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        parts.append(html.escape(text[last : match.start()]))
        parts.append(f"<mark>{html.escape(match.group())}</mark>")
        last = match.end()
    parts.append(html.escape(text[last:]))
    return "".join(parts)


def snippet(text: str, terms: Iterable[str], width: int = 120) -> str:
    """About `width` characters of `text` around the first query word, escaped, highlighted,
    with … where the text was cut."""
    flat = " ".join(text.split())
    terms = list(terms)
    pattern = _pattern(terms)
    first = pattern.search(flat) if pattern else None
    start = 0 if first is None else max(0, first.start() - width // 4)
    end = min(len(flat), start + width)
    piece = flat[start:end]
    return ("…" if start > 0 else "") + highlight(piece, terms) + ("…" if end < len(flat) else "")
