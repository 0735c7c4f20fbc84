"""After a load run: was every accepted application stored, and stored once?

    GONGKAI_DATA_DIR=... DATABASE_URL=... .venv/bin/python bench/load/check_applications.py \
        [--log /tmp/gk-load-applications.txt] [--run RUN]

Reads the tokens and query codes the locust applicants logged (bench/load/locustfile.py) and
looks each up in the database the server used. Prints one line per run and exits 1 if an
accepted application is missing or stored more than once, or if the database holds an
application of the run that no applicant saw accepted (a reply lost on the way).
Also counts the notices the staff users of the run published.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.settings")

import django  # noqa: E402

django.setup()

from gongkai.applications.models import Application  # noqa: E402
from gongkai.documents.models import Document  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--log",
        default=os.environ.get("GK_LOAD_LOG", "/tmp/gk-load-applications.txt"),  # noqa: S108 - a report file
    )
    parser.add_argument("--run", action="append", help="only these runs (default: every run)")
    args = parser.parse_args()
    accepted: dict[str, dict[str, str]] = defaultdict(dict)
    for line in Path(args.log).read_text().splitlines():
        run, token, code = line.split("\t")
        if not args.run or run in args.run:
            accepted[run][token] = code
    failed = False
    for run, tokens in sorted(accepted.items()):
        stored = Application.objects.filter(description__startswith=f"负载测试 {run} ")
        per_token = Counter(_token(d) for d in stored.values_list("description", flat=True))
        missing = [t for t in tokens if per_token[t] == 0]
        twice = [t for t, n in per_token.items() if n > 1]
        unseen = [t for t in per_token if t not in tokens]
        codes_ok = sum(
            1
            for a in stored.filter(query_code__in=tokens.values())
            if a.query_code == tokens.get(_token(a.description))
        )
        published = Document.objects.filter(title__contains=f"（{run}-", status="published").count()
        ok = not missing and not twice and not unseen and codes_ok == len(tokens)
        failed |= not ok
        print(
            f"run {run}: {len(tokens)} accepted, {stored.count()} stored, missing {len(missing)}, "
            f"stored twice {len(twice)}, stored but not seen accepted {len(unseen)}, "
            f"query codes matching {codes_ok}; staff notices published {published} — "
            + ("OK" if ok else "FAILED")
        )
    return 1 if failed else 0


def _token(description: str) -> str:
    return description.split(" ", 3)[2].split("：")[0]


if __name__ == "__main__":
    sys.exit(main())
