"""docs/monitoring.md documents `gongkai inspect` (every option), the finding types and verdicts."""

from __future__ import annotations

from pathlib import Path

from gongkai.monitoring.management.commands.inspect import Command

DOC = (Path(__file__).resolve().parents[2] / "docs" / "monitoring.md").read_text(encoding="utf-8")


def test_every_inspect_option_is_documented() -> None:
    parser = Command().create_parser("gongkai", "inspect")
    own = list(parser._actions)
    skipped = {
        "-h",
        "--help",
        "--version",
        "-v",
        "--verbosity",
        "--settings",
        "--pythonpath",
        "--traceback",
        "--no-color",
        "--force-color",
        "--skip-checks",
    }
    for action in own:
        for option in action.option_strings:
            if option not in skipped:
                assert f"`{option}" in DOC or f"[{option}" in DOC, (
                    f"{option} 未写入 docs/monitoring.md"
                )
    assert "gongkai inspect PATH_OR_URL" in DOC


def test_every_finding_type_and_verdict_is_documented() -> None:
    types = [
        "gambling",
        "porn",
        "pinyin_run",
        "char_pinyin",
        "trad_simp_mix",
        "hidden_link",
        "hidden_iframe",
        "link_block",
        "external_link",
        "external_script",
        "redirect",
        "cloaking",
        "script_injection",
        "obfuscated_script",
        "keyword_stuffing",
        "name_replaced",
        "own_name_missing",
        "foreign_canonical",
        "title_mismatch",
        "external_iframe",
        "undecodable",
        "pinyin_rewrite",
        "link_block_appended",
        "content_removed",
        "other_edit",
    ]
    for name in [*types, "clean", "suspicious", "tampered"]:
        assert f"`{name}`" in DOC, name
