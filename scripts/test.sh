#!/usr/bin/env bash
# The whole test suite: lint and types, then pytest on SQLite and on PostgreSQL.
#   scripts/test.sh all | sqlite | postgres | lint | fast
# Tests run on a frozen clock (tests/conftest.py). The PostgreSQL pass moves it to 17:30 UTC on
# 2 January 2027 — already 3 January in China, in a year whose holiday notice is not yet known —
# so every run checks that dates are China dates and that nothing depends on the real day.
# PostgreSQL: DATABASE_URL_TEST or postgres://postgres@127.0.0.1:5432/gongkai (trust auth).
set -uo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
PG_URL=${DATABASE_URL_TEST:-postgres://postgres@127.0.0.1:5432/gongkai}
export GONGKAI_DATA_DIR=${GONGKAI_DATA_DIR:-$(mktemp -d /tmp/gongkai-test.XXXXXX)}
failed=0

run_pytest() {  # $1 = label; then env assignments; then optionally -- and pytest arguments
  local label=$1; shift
  local envs=() args=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do envs+=("$1"); shift; done
  [ $# -gt 0 ] && shift && args=("$@")
  echo "== pytest on $label"
  env "${envs[@]}" .venv/bin/pytest -n 2 -p no:cacheprovider -q "${args[@]}"
  local code=$?
  if [ $code -eq 5 ]; then
    echo "pytest on $label collected no tests: that is a failure, not a pass." >&2
    failed=1
  elif [ $code -ne 0 ]; then
    echo "pytest on $label failed (exit $code)." >&2
    failed=1
  fi
}

if [ "$what" = all ] || [ "$what" = lint ] || [ "$what" = fast ]; then
  echo "== ruff"
  .venv/bin/ruff check src tests bench || failed=1
  .venv/bin/ruff format --check src tests bench || failed=1
  echo "== mypy"
  .venv/bin/mypy || failed=1
fi
if [ "$what" = fast ]; then
  run_pytest "SQLite (no browser)" DATABASE_URL="sqlite:///$GONGKAI_DATA_DIR/test.sqlite3" -- -m "not browser"
fi
if [ "$what" = all ] || [ "$what" = sqlite ]; then
  run_pytest SQLite DATABASE_URL="sqlite:///$GONGKAI_DATA_DIR/test.sqlite3"
fi
if [ "$what" = all ] || [ "$what" = postgres ]; then
  if .venv/bin/python - "$PG_URL" <<'PY'
import sys, psycopg
from urllib.parse import urlsplit
u = urlsplit(sys.argv[1])
try:
    psycopg.connect(host=u.hostname, port=u.port or 5432, user=u.username, dbname="postgres", connect_timeout=5).close()
except Exception as exc:
    print(f"PostgreSQL 无法连接（{sys.argv[1]}）：{exc}", file=sys.stderr)
    sys.exit(1)
PY
  then
    run_pytest "PostgreSQL, clock at 2027-01-02 17:30 UTC" DATABASE_URL="$PG_URL" \
      GONGKAI_TEST_NOW="${GONGKAI_TEST_NOW_PG:-2027-01-02T17:30:00+00:00}"
  else
    failed=1
  fi
fi
if [ $failed -ne 0 ]; then
  echo "TEST SUITE FAILED" >&2
  exit 1
fi
echo "TEST SUITE PASSED"
