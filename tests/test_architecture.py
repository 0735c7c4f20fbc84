"""The architecture as docs/architecture.md describes it, enforced.

import-linter (contracts in pyproject.toml) checks that modules import only the layers below
them and that the pure modules import no Django; this test runs it, and checks that the list of
pure modules in the contract is exactly the list docs/architecture.md marks PURE, so that the
documentation and the enforcement cannot drift apart.
"""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARCHITECTURE = ROOT / "docs" / "architecture.md"


def documented_pure_modules() -> set[str]:
    """Entries of the source tree in docs/architecture.md marked PURE, as dotted names."""
    tree = ARCHITECTURE.read_text(encoding="utf-8").split("```", 2)[1]
    app = ""
    pure = set()
    for line in tree.splitlines():
        top = re.match(r"^[├└]── (\w+)/", line)
        if top:
            app = top.group(1)
            continue
        entry = re.match(r"^[│ ]   [├└]── ([\w.]+?)(?:\.py|/)\s+PURE\b", line)
        if entry and app:
            pure.add(f"gongkai.{app}.{entry.group(1)}")
    return pure


def contract(name_start: str) -> dict:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    return next(c for c in contracts if c["name"].startswith(name_start))


def test_the_pure_modules_in_the_docs_are_the_ones_enforced():
    documented = documented_pure_modules()
    assert len(documented) >= 10, "the PURE markers of docs/architecture.md were not found"
    assert documented == set(contract("Pure modules")["source_modules"])


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
