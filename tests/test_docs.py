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


# The project's text stands on its own: it cites the law and its own docs, never a planning
# document that is not in the repository or a tracker's issue numbers.
OUTSIDE_REFERENCE = re.compile(r"DESIGN(\.md| ?§)|\b[Ii]ssues? #?\d+\b")
PROJECT_TEXT = ("src", "tests", "docs", "bench", "scripts", "README.md", "CHANGELOG.md", "Makefile")


def test_no_references_outside_the_repository():
    found = []
    for top in PROJECT_TEXT:
        path = ROOT / top
        files = [path] if path.is_file() else path.rglob("*")
        for file in files:
            if file.suffix not in {".py", ".md", ".sh", ".html", ".jinja", ".txt", ""}:
                continue
            if not file.is_file() or "egg-info" in str(file) or file == Path(__file__):
                continue
            for number, line in enumerate(file.read_text(errors="ignore").splitlines(), 1):
                if OUTSIDE_REFERENCE.search(line):
                    found.append(f"{file.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert not found, "\n".join(found)
