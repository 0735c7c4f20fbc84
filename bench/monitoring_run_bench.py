"""Benchmark of one integrity run and one single-veto evaluation on the demo site
(docs/benchmarks.md, section "Site integrity verification (monitoring)").

    GONGKAI_DATA_DIR=/tmp/gk-demo .venv/bin/gongkai migrate
    GONGKAI_DATA_DIR=/tmp/gk-demo .venv/bin/gongkai demo
    GONGKAI_DATA_DIR=/tmp/gk-demo .venv/bin/python bench/monitoring_run_bench.py --runs 5

Serves the demo's published build over HTTP on 127.0.0.1 (a threaded standard-library server,
as nginx would serve the files), then times `monitor_site` (verify every file, fetch 12 pages as
6 clients, compare each with its signed page) and `veto_checks_run` (columns, every served
page's leader names and links). Prints each run and the medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

import django

django.setup()

from gongkai.core.models import Department  # noqa: E402
from gongkai.monitoring.integrity import monitor_site  # noqa: E402
from gongkai.monitoring.veto import veto_checks_run  # noqa: E402
from gongkai.publishing.services import site_dir  # noqa: E402
from gongkai.publishing.site import site_info  # noqa: E402


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--department", default="kjj")
    args = parser.parse_args()
    department = Department.objects.get(slug=args.department)
    tree = site_dir(site_info(department)).served_tree()
    server = ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: Quiet(*a, directory=str(tree)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    runs, checks = [], []
    try:
        for i in range(args.runs):
            t = time.perf_counter()
            report = monitor_site(department=department, base_url=base)
            runs.append(time.perf_counter() - t)
            print(f"monitor run {i + 1}: {runs[-1]:.2f} s — {report.run.summary}")
            t = time.perf_counter()
            veto_checks_run(department=department)
            checks.append(time.perf_counter() - t)
            print(f"veto checks {i + 1}: {checks[-1]:.2f} s")
    finally:
        server.shutdown()
    print(
        f"monitor run: median {statistics.median(runs):.2f} s; "
        f"veto checks: median {statistics.median(checks):.2f} s"
    )


if __name__ == "__main__":
    main()
