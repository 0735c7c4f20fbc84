"""Docs as tests: every command, setting and status a user meets is documented."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parent.parent
DOCS = "\n".join(p.read_text() for p in sorted((ROOT / "docs").glob("*.md")))


def _our_commands() -> list[str]:
    return sorted(name for name, app in get_commands().items() if app.startswith("gongkai."))


@pytest.mark.parametrize("command", _our_commands())
def test_every_command_is_documented(command):
    assert f"gongkai {command}" in DOCS, f"docs/ does not mention `gongkai {command}`"


def _settings_variables() -> list[str]:
    source = (ROOT / "src/gongkai/settings.py").read_text()
    return sorted(
        set(re.findall(r"""(?:env_str|env_bool|env_int|environ\.get)\(\s*"([A-Z_]+)\"""", source))
    )


@pytest.mark.parametrize("variable", _settings_variables())
def test_every_setting_is_documented(variable):
    assert f"`{variable}`" in (ROOT / "docs/settings.md").read_text()


def _statuses() -> list[tuple[str, str]]:
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("gongkai."):
            continue
        for field in model._meta.get_fields():
            if field.name == "status" and getattr(field, "choices", None):
                found += [(model.__name__, str(label)) for _, label in field.choices]
    return found


@pytest.mark.parametrize(("model", "label"), _statuses())
def test_every_status_is_documented(model, label):
    assert label in DOCS, f"docs/ does not explain the status “{label}” of {model}"


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", readme, re.S)
    assert blocks, "README shows no commands"
    first = blocks[0].strip().splitlines()
    assert first == ["make run", "make test"]
