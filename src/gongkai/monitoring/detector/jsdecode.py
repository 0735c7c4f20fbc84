"""Peel common JavaScript obfuscation layers so that the rules can read what a script does."""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote

HEX_ESC = re.compile(r"(?:\\x[0-9a-fA-F]{2}){4,}")
UNI_ESC = re.compile(r"(?:\\u[0-9a-fA-F]{4}){4,}")
PCT_ESC = re.compile(r"(?:%u[0-9a-fA-F]{4}|%[0-9a-fA-F]{2}){6,}")
CHARCODE = re.compile(r"fromCharCode\s*\(\s*((?:\d{1,5}\s*,\s*){3,}\d{1,5})\s*\)")
ATOB = re.compile(r"atob\s*\(\s*['\"]([A-Za-z0-9+/=]{12,})['\"]\s*\)")
LONG_B64 = re.compile(r"['\"]([A-Za-z0-9+/]{80,}={0,2})['\"]")
PACKER = re.compile(
    r"}\s*\(\s*'((?:[^'\\]|\\.)*)'\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*'((?:[^'\\]|\\.)*)'\.split\('\|'\)",
    re.DOTALL,
)
MARKERS = (
    ("eval", re.compile(r"\beval\s*\(")),
    ("unescape", re.compile(r"\bunescape\s*\(|\bdecodeURIComponent\s*\(\s*['\"]%")),
    ("atob", re.compile(r"\batob\s*\(")),
    ("String.fromCharCode", re.compile(r"fromCharCode")),
    ("packer", re.compile(r"eval\s*\(\s*function\s*\(\s*p\s*,\s*a\s*,\s*c\s*,\s*k\s*,\s*e\s*,")),
    ("hex escapes", HEX_ESC),
    ("unicode escapes", UNI_ESC),
    ("Function constructor", re.compile(r"\bnew\s+Function\s*\(|\bFunction\s*\(\s*['\"]")),
    ("bracket property access", re.compile(r"window\s*\[\s*['\"]\\x")),
)


def markers(script: str) -> list[str]:
    """Names of obfuscation techniques visible in *script*."""
    return [name for name, pattern in MARKERS if pattern.search(script)]


def _b36(n: int, radix: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if n == 0:
        return "0"
    out = ""
    while n:
        n, r = divmod(n, radix)
        out = digits[r] + out
    return out


def unpack(script: str) -> str | None:
    """Undo Dean Edwards' p,a,c,k,e,d packer."""
    m = PACKER.search(script)
    if not m:
        return None
    payload, radix, count, words = m.group(1), int(m.group(2)), int(m.group(3)), m.group(4)
    keys = words.split("|")
    if radix < 2 or radix > 62 or count > 50000:
        return None
    table = {}
    for i in range(min(count, len(keys))):
        if keys[i]:
            table[_b36(i, radix)] = keys[i]
    payload = payload.replace("\\'", "'").replace("\\\\", "\\")
    return re.sub(r"\b\w+\b", lambda w: table.get(w.group(0), w.group(0)), payload)


def _hex(m: re.Match[str]) -> str:
    return bytes.fromhex(m.group(0).replace("\\x", "")).decode("utf-8", "replace")


def _uni(m: re.Match[str]) -> str:
    return m.group(0).encode("ascii").decode("unicode_escape")


def _pct(m: re.Match[str]) -> str:
    s = m.group(0)
    s = re.sub(r"%u([0-9a-fA-F]{4})", lambda u: chr(int(u.group(1), 16)), s)
    return unquote(s, errors="replace")


def _b64(s: str) -> str | None:
    try:
        raw = base64.b64decode(s + "=" * (-len(s) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None
    text = raw.decode("utf-8", "replace")
    printable = sum(c.isprintable() or c in "\r\n\t" for c in text)
    return text if text and printable / len(text) > 0.9 else None


def decode_layers(script: str, depth: int = 3) -> str:
    """Text of *script* with escapes, char codes, base64 and packing decoded (a few layers)."""
    out = [script]
    current = script
    for _ in range(depth):
        decoded = []
        unpacked = unpack(current)
        if unpacked:
            decoded.append(unpacked)
        if "\\x" in current:
            decoded.extend(_hex(m) for m in HEX_ESC.finditer(current))
        if "\\u" in current:
            decoded.extend(_uni(m) for m in UNI_ESC.finditer(current))
        if "%" in current:
            decoded.extend(_pct(m) for m in PCT_ESC.finditer(current))
        for m in CHARCODE.finditer(current):
            codes = [int(x) for x in m.group(1).split(",")]
            decoded.append("".join(chr(c) for c in codes if c < 0x110000))
        for m in (*ATOB.finditer(current), *LONG_B64.finditer(current)):
            text = _b64(m.group(1))
            if text:
                decoded.append(text)
        if not decoded:
            break
        current = "\n".join(decoded)
        out.append(current)
    return "\n".join(out)
