"""The detector list is an extension point: built-ins register the way an extension would."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from gongkai.monitoring.detector import (
    Finding,
    describe,
    detectors,
    inspect_html,
    register,
    unregister,
)


def test_every_builtin_detector_has_a_one_line_description() -> None:
    described = describe()
    assert len(described) >= 10
    assert all(text and "\n" not in text for text in described.values())
    assert {fn.__name__ for fn in detectors()} >= {
        "gambling_promotion",
        "pinyin_runs",
        "hidden_links",
    }


def test_an_extension_detector_takes_part_and_can_be_removed() -> None:
    def leaked_secret(ctx):  # type: ignore[no-untyped-def]
        """Pages marking content as 机密 (an example extension)."""
        if "机密" in ctx.body.text:
            yield Finding("secret", "机密", "visible text", 90.0)

    register(leaked_secret)
    try:
        assert inspect_html("<p>本文件属机密级</p>").verdict == "tampered"
    finally:
        unregister(leaked_secret)
    assert inspect_html("<p>本文件属机密级</p>").verdict == "clean"


def test_a_detector_without_docstring_is_refused() -> None:
    def nameless(ctx):  # type: ignore[no-untyped-def]
        return []

    with pytest.raises(ValueError, match="docstring"):
        register(nameless)


def test_a_failing_detector_is_reported_not_fatal() -> None:
    def broken(ctx):  # type: ignore[no-untyped-def]
        """Always fails."""
        raise RuntimeError("boom")

    register(broken)
    try:
        result = inspect_html("<p>正文</p>")
    finally:
        unregister(broken)
    assert result.verdict == "clean"
    assert any("broken" in note for note in result.notes)


def test_detector_package_imports_no_django() -> None:
    code = (
        "import sys; from gongkai.monitoring.detector import inspect_html; "
        "inspect_html('<title>百家乐官方网站</title><p>正文</p>', canonical='<p>正文</p>'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'django'))"
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.strip() == "[]"
