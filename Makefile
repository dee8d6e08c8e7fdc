# Gongkai — the two commands: `make run` (demo on SQLite) and `make test` (whole suite on SQLite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.gongkai-installed
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/gongkai

LOCK := requirements.lock
UV_VERSION ?= 0.13.10
PIP := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: run test test-postgres lint install lock clean-db messages fuzz fuzz-short

# Installs exactly the versions in requirements.lock (every file checked against its hash), then
# the project itself without its dependencies; `pip check` then fails if a runtime dependency in
# pyproject.toml is missing from the lock (run `make lock`). Reinstalls when either file changes.
$(STAMP): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create a virtualenv. On Debian: sudo apt-get install python3-venv"; exit 1; }
	$(PIP) install --quiet --require-hashes -r $(LOCK)
	$(PIP) install --quiet --no-deps -e .
	$(PIP) check
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	@mkdir -p var
	$(BIN)/gongkai migrate --noinput
	$(BIN)/gongkai demo --if-empty
	@echo "Portal: http://$(HOST):$(PORT)/    Back office: http://$(HOST):$(PORT)/office/    Admin: http://$(HOST):$(PORT)/admin/"
	$(BIN)/gongkai runserver $(HOST):$(PORT)

test: $(STAMP)
	env -u DATABASE_URL $(BIN)/pytest $(PYTEST_ARGS)

test-postgres: $(STAMP)
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} $(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/gongkai makemigrations --check --dry-run

# Schemathesis against /api/openapi.json of a throw-away demo server (scripts/fuzz.sh; docs/api.md):
# anonymous and with an API token, no 5xx and every response as the schema says. FUZZ_SECONDS
# (each run, default 90) and FUZZ_EXAMPLES (per operation, default 30) bound it.
fuzz: $(STAMP)
	BIN=$(BIN) scripts/fuzz.sh

# The short version (the demo still loads in full: two to four minutes in all).
fuzz-short: $(STAMP)
	BIN=$(BIN) FUZZ_SECONDS=$${FUZZ_SECONDS:-15} FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-5} scripts/fuzz.sh

messages: $(STAMP)
	cd gongkai && ../$(BIN)/gongkai makemessages -l en --no-obsolete && ../$(BIN)/gongkai compilemessages -l en

# Rewrites requirements.lock from pyproject.toml (runtime, dev and prod extras; Python 3.11 on
# Linux x86_64; PyPI; hashes), keeping the pinned versions that still fit. To take new releases:
# `make lock LOCK_ARGS=--upgrade`, or one package: `make lock LOCK_ARGS='--upgrade-package django'`.
lock:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet uv==$(UV_VERSION)
	$(BIN)/uv pip compile pyproject.toml --extra dev --extra prod --generate-hashes \
	  --python-version 3.11 --python-platform x86_64-unknown-linux-gnu \
	  --custom-compile-command 'make lock' --quiet $(LOCK_ARGS) --output-file $(LOCK)

clean-db:
	rm -f var/gongkai.sqlite3 var/gongkai.sqlite3-wal var/gongkai.sqlite3-shm
