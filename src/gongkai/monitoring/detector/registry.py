"""The list of detectors. Built-in rules register here exactly as an extension would.

A detector is a function ``(ctx: Context) -> Iterable[Finding]`` whose one-line docstring says
what it finds. Register one with ``@register``; :func:`detectors` returns them in order.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable

from .context import Context
from .result import Finding

Detector = Callable[[Context], Iterable[Finding]]

# Built-in rules, one module per technique; each registers its detectors on import.
BUILTIN_MODULES: tuple[str, ...] = (
    "gambling",  # gambling promotion: games and brands together with sales phrases
    "porn",  # pornographic spam
    "pinyin",  # runs of toneless pinyin and character(pinyin) pairs inside Chinese text
    "scripts_mix",  # traditional characters interleaved into a simplified page
    "hidden",  # hidden blocks, links and frames
    "links",  # links and link blocks to domains outside the whitelist
    "redirect",  # script / meta-refresh redirects, cloaking, document.write of links
    "obfuscation",  # eval / unescape / atob / fromCharCode / escape strings
    "stuffing",  # keyword stuffing in title and meta tags
    "names",  # own name replaced or missing, a title that contradicts the site meta tags
    "name_slots",  # a gambling brand where the page names its organisation (…党委, 来源:…)
    "word_swap",  # 学院→公司, 学生→员工, 院长→经理 left in a school's page
    "template",  # spam-farm templates: random empty tags, coded 来源, spliced lines, noise
)

_DETECTORS: dict[str, Detector] = {}
_loaded = False


def register(fn: Detector) -> Detector:
    """Add *fn* to the detectors (by its qualified name; re-registering replaces it)."""
    if not (fn.__doc__ or "").strip():
        raise ValueError(f"detector {fn.__name__} needs a one-line docstring")
    _DETECTORS[f"{fn.__module__}.{fn.__name__}"] = fn
    return fn


def unregister(fn: Detector) -> None:
    _DETECTORS.pop(f"{fn.__module__}.{fn.__name__}", None)


def detectors() -> list[Detector]:
    """All registered detectors, built-ins first."""
    global _loaded
    if not _loaded:
        for name in BUILTIN_MODULES:
            importlib.import_module(f"{__package__}.rules.{name}")
        _loaded = True
    return list(_DETECTORS.values())


def describe() -> dict[str, str]:
    """Detector name → its one-line description (for docs and `gongkai inspect --list`)."""
    return {name: (fn.__doc__ or "").strip().splitlines()[0] for name, fn in _register_all()}


def _register_all() -> Iterable[tuple[str, Detector]]:
    detectors()
    return _DETECTORS.items()
