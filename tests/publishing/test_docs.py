"""docs/publishing.md documents every `gongkai site` command and option, and the API."""

import argparse
from pathlib import Path

from gongkai.publishing.management.commands.site import Command

DOC = (Path(__file__).resolve().parents[2] / "docs" / "publishing.md").read_text()


def test_every_site_command_and_option_is_documented():
    parser = Command().create_parser("gongkai", "site")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(sub.choices) == {"build", "publish", "verify", "restore", "status", "key"}
    for name, subparser in sub.choices.items():
        assert f"`gongkai site {name}" in DOC, f"gongkai site {name} 未写入 docs/publishing.md"
        for action in subparser._actions:
            for option in action.option_strings:
                if option not in ("-h", "--help"):
                    assert option in DOC, f"gongkai site {name} {option} 未写入文档"
    assert "--site" in DOC


def test_api_names_are_documented():
    for name in (
        "site_publish",
        "site_rebuild",
        "site_verify",
        "site_restore",
        "site_check_page",
        "render_public",
        "feed_pages",
        "notice_page",
        "@pages.source",
        "@pages.columns",
        "@pages.home_blocks",
        "@pages.annual_reports",
        "@pages.nav_items",
    ):
        assert name in DOC
