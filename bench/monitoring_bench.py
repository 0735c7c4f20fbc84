"""Benchmark of the integrity run's first step: verify every served file against the signed
manifest (docs/benchmarks.md, section 网站监测). Target: 100,000 files in ≤ 30 s.

    .venv/bin/python bench/monitoring_bench.py --docs 100000 --runs 5

Builds a synthetic site with the publishing benchmark's generator (bench/publishing_bench.py:
document pages, numbered list pages, feeds, home), then times `engine.verify_tree` over the
whole served tree --runs times (the first run reads from disk after the build; later runs are
warm in the page cache) and prints each run and the median. Runs without a database.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import publishing_bench as pb


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pb.setup_templates()
    dept = pb.Department(slug="kjj", name="示例市科学技术局")
    site = pb.SiteInfo(
        department=dept, slug="kjj", name=dept.name, base_url="https://kjj.example.gov.cn"
    )
    suite = pb.Ed25519Sha256(key_path=pb.WORK / "key.pem")
    sd = pb.engine.SiteDir(pb.WORK / "site", suite, site="kjj", base_url=site.base_url)
    try:
        full = pb.build(site, sd, pb.SyntheticDocuments(args.docs))
        files = sd.manifest().root["count"]
        size = sum(p.stat().st_size for p in sd.served_tree().rglob("*") if p.is_file())
        print(f"built {files} files ({size / 1e6:.0f} MB) in {full:.1f} s")
        times = []
        for run in range(args.runs):
            t = time.perf_counter()
            problems = pb.engine.verify_tree(sd.served_tree(), suite)
            times.append(time.perf_counter() - t)
            print(f"verify run {run + 1}: {times[-1]:.2f} s, {len(problems)} problems")
        print(
            f"verify {files} files: median {statistics.median(times):.2f} s "
            f"({files / statistics.median(times):.0f} files/s), first {times[0]:.2f} s"
        )
    finally:
        shutil.rmtree(pb.WORK, ignore_errors=True)


if __name__ == "__main__":
    main()
