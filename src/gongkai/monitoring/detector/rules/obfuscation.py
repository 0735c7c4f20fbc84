"""Obfuscated inline script: eval/unescape/atob/String.fromCharCode, long escape strings.

Real government pages carry some of this legitimately (the CNZZ counter writes its tag with
``document.write(unescape(...))``), so the weight depends on what the decoded script does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..context import Context
from ..domains import host_of, is_whitelisted
from ..lexicon import cues
from ..normalize import compact
from ..registry import register
from ..result import Finding, excerpt

_URL = re.compile(r"(?:https?:)?//([a-z0-9.\-]+\.[a-z]{2,})", re.IGNORECASE)
_NAVIGATES = re.compile(r"location(?:\.href)?\s*=(?!=)|location\.(?:replace|assign)|\.navigate\(")
_CODE = re.compile(r"document\.|window\.|location|<script|<a\s|<iframe|eval\(|https?:|\.src\b")
_LONG_ESCAPES = re.compile(r"(?:\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|%[0-9a-fA-F]{2}){40,}")


@register
def obfuscated_scripts(ctx: Context) -> Iterator[Finding]:
    """Obfuscated inline scripts, weighted by what their decoded text does."""
    for script in ctx.scripts:
        if not script.markers:
            continue
        hidden_part = script.decoded[len(script.source) :]
        foreign = sorted(
            {
                m.group(1).lower()
                for m in _URL.finditer(hidden_part)
                if not is_whitelisted(host_of("//" + m.group(1)), ctx.whitelist)
            }
        )
        acts = bool(_NAVIGATES.search(hidden_part))
        spam = cues(compact(hidden_part)) if hidden_part else None
        # Minifiers escape Chinese UI strings (\u8bf7\u8f93\u5165…): long escapes count only
        # when what they hide is code or markup.
        long_escapes = bool(_LONG_ESCAPES.search(script.source)) and bool(_CODE.search(hidden_part))
        if foreign or (spam is not None and (spam.gambling or spam.porn)):
            weight = 85.0
            why = "decodes to " + (", ".join(foreign[:4]) or "gambling/porn text")
        elif acts:
            weight = 45.0
            why = "decodes to a navigation"
        elif long_escapes:
            weight = 35.0
            why = "long escaped string with no readable purpose"
        else:
            weight = 5.0
            why = "common encoding call"
        yield Finding(
            "obfuscated_script",
            excerpt(script.source),
            f"line {script.line} {script.label}",
            weight,
            f"{', '.join(script.markers)}; {why}",
        )
