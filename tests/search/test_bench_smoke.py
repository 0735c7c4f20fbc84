"""The benchmark script runs end to end on a small corpus (timings are not asserted)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def test_bench_script_runs_small(tmp_path):
    out = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench/search_bench.py"),
            "--docs",
            "300",
            "--runs",
            "1",
            "--backend",
            "sqlite",
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert "== sqlite: 300 documents" in out.stdout
    for line in ("relevance/common", "relevance/rare", "date/medium", "all"):
        assert line in out.stdout
    assert "wall p95" in out.stdout and "cpu p95" in out.stdout
