# Gongkai — the two commands: `make run` (demo on SQLite) and `make test` (whole suite on SQLite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.gongkai-installed
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/gongkai

.PHONY: run test test-postgres lint install clean-db messages

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create a virtualenv. On Debian: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
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

messages: $(STAMP)
	cd gongkai && ../$(BIN)/gongkai makemessages -l en --no-obsolete && ../$(BIN)/gongkai compilemessages -l en

clean-db:
	rm -f var/gongkai.sqlite3 var/gongkai.sqlite3-wal var/gongkai.sqlite3-shm
