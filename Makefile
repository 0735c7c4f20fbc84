# Gongkai — the two commands a newcomer needs:
#   make run    set everything up and run the platform on http://127.0.0.1:8000
#   make test   run the whole test suite (lint, types, SQLite, PostgreSQL, real browser)

#   make test-fast  the inner loop: lint, types and the SQLite tests without the browser
#   one test:       .venv/bin/pytest tests/core/test_workdays.py -k spring

.PHONY: run test test-fast test-sqlite test-postgres lint setup setup-test-tools bench clean

run: setup
	.venv/bin/gongkai run

test: setup setup-test-tools
	bash scripts/test.sh all

test-fast: setup
	bash scripts/test.sh fast

test-sqlite: setup setup-test-tools
	bash scripts/test.sh sqlite

test-postgres: setup setup-test-tools
	bash scripts/test.sh postgres

lint: setup
	bash scripts/test.sh lint

setup:
	bash scripts/setup.sh

setup-test-tools:
	bash scripts/setup.sh test-tools

clean:
	rm -rf var .pytest_cache .mypy_cache .ruff_cache
