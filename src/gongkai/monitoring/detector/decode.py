"""Bytes → text for HTML of unknown or mislabelled encoding."""

from __future__ import annotations

import codecs
import re

MAX_BYTES = 4 * 1024 * 1024

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_BINARY_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (docx/xlsx/zip)"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xd0\xcf\x11\xe0", "OLE document (doc/xls)"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"Rar!", "RAR archive"),
    (b"7z\xbc\xaf", "7z archive"),
)
# Encodings that decode any byte string and so prove nothing; tried last.
_PERMISSIVE = {"latin-1", "iso8859-1", "cp1252", "ascii"}


# Bytes that appear in text: everything but C0 controls other than tab, newlines, FF, ESC.
_TEXT_BYTES = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13, 27))


class DecodeError(ValueError):
    """The input is not text that can be inspected as HTML (binary, empty)."""


def _canonical_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    # GB2312 and GBK pages routinely use characters outside their charset; GB18030 is a superset.
    if codec in {"gb2312", "gbk", "hz"}:
        return "gb18030"
    return codec


def _sniff_binary(raw: bytes) -> str | None:
    for magic, what in _BINARY_MAGIC:
        if raw.startswith(magic):
            return what
    head = raw[:4096]
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    controls = len(head.translate(None, _TEXT_BYTES))
    if head and controls / len(head) > 0.05:
        return "binary data (control bytes)"
    return None


def _strict(raw: bytes, codec: str) -> str | None:
    """Decode strictly, tolerating only a multi-byte character cut off at the very end."""
    try:
        return raw.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.start >= len(raw) - 4:
            try:
                return raw[: exc.start].decode(codec)
            except UnicodeDecodeError:
                return None
        return None
    except LookupError:
        return None


def _candidates(raw: bytes, declared: str | None) -> list[str]:
    found = _META_CHARSET.search(raw[:4096])
    meta = _canonical_codec(found.group(1).decode("ascii", "ignore")) if found else None
    order = ["utf-8", meta, _canonical_codec(declared), "gb18030", "big5"]
    seen: list[str] = []
    for codec in order:
        if codec and codec not in seen and codec not in _PERMISSIVE:
            seen.append(codec)
    return seen


def decode_html(
    raw: bytes, declared_charset: str | None = None, *, max_bytes: int = MAX_BYTES
) -> str:
    """Decode *raw* HTML; raise DecodeError for binary or empty input.

    UTF-8 is tried first because it almost never decodes non-UTF-8 text by accident; the
    in-page ``<meta charset>`` and the declared (HTTP) charset follow, then GB18030, then
    charset-normalizer. Input longer than *max_bytes* is cut (the caller is told through
    :func:`was_truncated`).
    """
    if not raw:
        raise DecodeError("empty response")
    text = _by_marker(raw, declared_charset, max_bytes)
    if text is not None:
        return text
    raw = raw[:max_bytes]
    what = _sniff_binary(raw)
    if what:
        raise DecodeError(f"not HTML: {what}")
    for codec in _candidates(raw, declared_charset):
        text = _strict(raw, codec)
        if text is not None:
            return text
    return _guess(raw)


def _by_marker(raw: bytes, declared_charset: str | None, max_bytes: int) -> str | None:
    """Byte-order marks, and UTF-16 declared without one (full of NUL bytes, so it goes first)."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[3 : max_bytes + 3].decode("utf-8", "replace")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw[: max_bytes + 2].decode("utf-16", "replace")
    declared = _canonical_codec(declared_charset)
    if declared and declared.startswith("utf-16"):
        return _strict(raw[:max_bytes], declared)
    return None


def _guess(raw: bytes) -> str:
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw[:65536]).best()
    # A detector library must never crash the inspection over a guess.
    except Exception:
        best = None
    if best is not None and best.encoding:
        return raw.decode(best.encoding, "replace")
    return raw.decode("gb18030", "replace")


def was_truncated(raw: bytes, max_bytes: int = MAX_BYTES) -> bool:
    """True when decode_html would cut *raw* at the size cap."""
    return len(raw) > max_bytes
