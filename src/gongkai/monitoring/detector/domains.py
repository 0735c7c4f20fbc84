"""Hosts: which are trusted (whitelist) and which look like spam infrastructure."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

# Suffixes a government page may link to without raising an eyebrow: government, education and
# academic domains, central media, the record-filing and site-identity services every page
# footer carries, and analytics/social services government sites embed. A deployment passes its
# own list; these are only the default.
DEFAULT_WHITELIST: tuple[str, ...] = (
    "gov.cn",
    "edu.cn",
    "ac.cn",
    "cas.cn",
    "org.cn",
    "conac.cn",
    "12377.cn",
    "cyberpolice.cn",
    "people.com.cn",
    "people.cn",
    "xinhuanet.com",
    "news.cn",
    "cctv.com",
    "cctv.cn",
    "cntv.cn",
    "chinadaily.com.cn",
    "china.com.cn",
    "ce.cn",
    "gmw.cn",
    "qstheory.cn",
    "youth.cn",
    "chinanews.com.cn",
    "chinanews.com",
    "cnr.cn",
    "cri.cn",
    "12315.cn",
    "12371.cn",
    "81.cn",
    "51.la",
    "umeng.com",
    "jiathis.com",
    "bshare.cn",
    "sohu.com",
    "163.com",
    "126.net",
    "12306.cn",
    "creditchina.gov.cn",
    "cnipa.gov.cn",
    "baidu.com",
    "cnzz.com",
    "qq.com",
    "weibo.com",
    "weibo.cn",
    "sina.com.cn",
    "w3.org",
    "jquery.com",
    "bootcdn.net",
    "bootcss.com",
)

_HOST_IN_TEXT = re.compile(
    r"(?:https?://)?((?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.)+"
    r"(?:com|net|org|cn|cc|top|xyz|vip|info|bet|club|me|tv|app|io|co|hk|tw|la|ws|pw|win|site|"
    r"online|live|fun|shop|icu|asia|biz|name|mobi|tk|ml|ga|cf|gq|bz|in|us|uk|de))\b",
    re.IGNORECASE,
)
SPAM_TLDS = frozenset(
    [
        "top",
        "xyz",
        "vip",
        "bet",
        "club",
        "win",
        "site",
        "online",
        "live",
        "fun",
        "shop",
        "icu",
        "tk",
        "ml",
        "ga",
        "cf",
        "gq",
        "pw",
        "ws",
        "la",
        "bz",
        "cc",
        "casino",
        "poker",
        "game",
        "games",
        "mobi",
        "asia",
    ]
)
SPAM_TOKENS = (
    "bet",
    "casino",
    "xpj",
    "vns",
    "yabo",
    "kaiyun",
    "hth",
    "leyu",
    "ayx",
    "ylc",
    "bocai",
    "duchang",
    "baijiale",
    "bjl",
    "liuhecai",
    "lhc",
    "ssc",
    "pk10",
    "qipai",
    "caipiao",
    "yule",
    "dianjing",
    "jinsha",
    "pujing",
    "weinisi",
    "aomen",
    "macau",
    "huangguan",
    "poker",
    "slot",
    "sex",
    "porn",
    "xxx",
    "jav",
    "avav",
    "seqing",
    "chengren",
    "haose",
    "lusi",
    "taiyangcheng",
    "amjs",
    "hg0",
    "j9",
    "mgm",
    "1xbet",
    "188",
    "365",
    "888",
    "999",
    "666",
    "777",
)


@lru_cache(maxsize=8192)
def host_of(url: str) -> str:
    """Lower-case host of an absolute or protocol-relative URL; '' for relative ones."""
    url = url.strip()
    if url.startswith("//"):
        url = "http:" + url
    if not re.match(r"^[a-z][a-z0-9+.\-]*://", url, re.IGNORECASE):
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.rstrip(".").lower()


@lru_cache(maxsize=8192)
def _whitelisted(host: str, whitelist: tuple[str, ...]) -> bool:
    return _match(host, whitelist)


def is_whitelisted(host: str, whitelist: Iterable[str]) -> bool:
    """True if *host* equals or is a subdomain of a whitelist entry (entries may start with '.')."""
    if isinstance(whitelist, tuple):
        return _whitelisted(host, whitelist)
    return _match(host, whitelist)


def _match(host: str, whitelist: Iterable[str]) -> bool:
    if not host:
        return True
    for entry in whitelist:
        entry = entry.lower().lstrip(".").lstrip("*.")
        if host == entry or host.endswith("." + entry):
            return True
    return False


def spam_score(host: str) -> int:
    """0–3: how much a host looks like gambling/porn infrastructure (digits, TLD, tokens)."""
    labels = host.split(".")
    score = 0
    name = labels[-2] if len(labels) >= 2 else host
    if labels[-1] in SPAM_TLDS:
        score += 1
    digits = sum(c.isdigit() for c in name)
    if digits >= 3 or (digits >= 2 and digits * 2 >= len(name)):
        score += 1
    body = ".".join(labels[:-1])
    if any(token in body for token in SPAM_TOKENS):
        score += 1
    if re.fullmatch(r"[a-z]{1,3}\d{2,}|\d+[a-z]{1,3}|[a-z0-9]{10,}", name) and score:
        score += 1
    return min(score, 3)


def hosts_in_text(text: str) -> list[str]:
    """Domain names written as text (最新网址: www.8888.com), lower-cased."""
    return [m.group(1).lower() for m in _HOST_IN_TEXT.finditer(text)]


def looks_spammy(host: str) -> bool:
    """Spam-like beyond mere digits (163.com, 58.com, kaixin001.com are ordinary sites)."""
    score = spam_score(host)
    if score >= 2:
        return True
    if score == 0:
        return False
    labels = host.split(".")
    body = ".".join(labels[:-1])
    return labels[-1] in SPAM_TLDS or any(t in body for t in SPAM_TOKENS if not t.isdigit())
