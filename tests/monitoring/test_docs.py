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


def test_every_monitor_option_item_and_new_finding_is_documented() -> None:
    from gongkai.monitoring.management.commands.monitor import Command as Monitor
    from gongkai.monitoring.models import VetoItem, VetoStatus
    from gongkai.monitoring.services import TYPE_LABELS

    parser = Monitor().create_parser("gongkai", "monitor")
    subparsers = next(a for a in parser._actions if a.dest == "action")
    for name, sub in subparsers.choices.items():  # type: ignore[attr-defined]
        assert f"gongkai monitor {name}" in DOC, name
        for action in sub._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert f"`{option}" in DOC or f"[{option}" in DOC, option
    for item in VetoItem:
        assert f"`{item.value}`" in DOC and item.label in DOC, item
    for status in VetoStatus:
        assert f"`{status.value}`" in DOC, status
    for kind in TYPE_LABELS:
        assert f"`{kind}`" in DOC, kind
    for job in ("monitor_sites", "evaluate_veto_items", "probe_home_pages", "inspect_pages"):
        assert f"`{job}`" in DOC, job
