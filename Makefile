# The two commands: `make run` and `make test`. Everything else here is what they stand on.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers for `make test` (each has its own test database).
TEST_WORKERS ?= 2
# `make test`'s own embedded cluster: stopping it when the tests end leaves alone the one that a
# `make run` in another terminal serves from (.data/pg).
TEST_DB_DIR ?= .data/pg-test
# Without DATABASE_URL the embedded cluster in .data/ serves; these wrap a command with it.
DB_START := if [ -z "$$DATABASE_URL" ]; then $(PY) -m relacions.embedded_db start >/dev/null; fi
DB_STOP := if [ -z "$$DATABASE_URL" ]; then $(PY) -m relacions.embedded_db stop; fi
# The compiled .mo files are committed; with GNU gettext present they are rebuilt from the .po files.
COMPILE_MESSAGES := if command -v msgfmt >/dev/null; then DEBUG=true $(PY) manage.py compilemessages --ignore='.venv/*' -v 0; fi

.PHONY: help install run test db db-stop migrate setup lint typecheck format messages lock mapdata bench lighthouse clean backup restore cluster

help:
	@echo "make run    install, prepare the database, load the demo content, serve http://$(HOST):$(PORT)"
	@echo "make test   install and run the whole test suite"
	@echo "make lint | typecheck | format | messages | lock | mapdata | db | db-stop | clean | bench | lighthouse"
	@echo "make cluster   two replicas behind Varnish, with Redis and an S3 server: the tests/cluster test"
	@echo "make backup | restore BACKUP=backups/<stamp> [FORCE=1]"

# The virtual environment is rebuilt only when the lock file changes.
$(VENV)/.installed: requirements-dev.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	@touch $@

# npm's tools: the W3C Nu HTML Checker (vnu-jar, run on Java) of tests/sitewide/test_browser_every_page.py, and Lighthouse
# for `make lighthouse`.
# Without npm the HTML validity tests are skipped, except under CI=true, where they fail.
node_modules/.installed: package-lock.json
	@if command -v npm >/dev/null; then \
		npm ci --no-audit --no-fund --ignore-scripts --loglevel=error && touch $@; \
	else \
		echo "npm not found: the HTML validity tests will be skipped (CI=true makes them fail)."; \
	fi

install: $(VENV)/.installed node_modules/.installed

db: install
	@$(DB_START)

db-stop:
	@test -x $(PY) && $(DB_STOP) || true
	@test -x $(PY) && export EMBEDDED_DB_DIR=$(TEST_DB_DIR) && $(DB_STOP) || true

# Migrate, compile translations, create the roles and load the demo content: all idempotent.
setup: install
	$(PY) manage.py migrate --no-input
	@$(COMPILE_MESSAGES)
	$(PY) manage.py setup_roles
	$(PY) manage.py load_demo_content
	$(PY) manage.py rebuild_search_index -v 0

run: install
	@$(DB_START)
	@trap '$(DB_STOP)' EXIT; \
	DEBUG=$${DEBUG:-true} $(MAKE) --no-print-directory setup && \
	echo && \
	echo "  Site:  http://$(HOST):$(PORT)/" && \
	echo "  Admin: http://$(HOST):$(PORT)/admin/" && \
	echo "  Admin account: DEBUG=true $(PY) manage.py createsuperuser  (in another terminal, while this runs)" && \
	echo && \
	DEBUG=$${DEBUG:-true} $(PY) manage.py runserver $(HOST):$(PORT)

test: export EMBEDDED_DB_DIR = $(TEST_DB_DIR)
test: install
	@$(DB_START)
	@trap '$(DB_STOP)' EXIT; \
	$(COMPILE_MESSAGES) && \
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	git ls-files -z '*.py' | xargs -0 $(VENV)/bin/django-upgrade --target-version 6.1 --check
	# Which app may know which: the contracts in pyproject.toml ([tool.importlinter]).
	$(VENV)/bin/lint-imports
	@$(MAKE) --no-print-directory typecheck

# The apps mypy checks, with django-stubs (pyproject.toml's [tool.mypy] says how). mypy refuses a
# path that does not exist, so an app listed before it is merged (operations) is left out until
# it is there.
TYPED_APPS := $(wildcard $(addprefix relacions/,core workflow search security opendata redirects operations))

typecheck: install
	$(VENV)/bin/mypy $(TYPED_APPS)

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Extract new strings into locale/ (then translate them: the .po files must have no empty entry).
messages: install
	@$(DB_START)
	@trap '$(DB_STOP)' EXIT; \
	DEBUG=true $(PY) manage.py makemessages -l ca -l es -l en --ignore='.venv/*' --ignore='staticfiles/*' --no-obsolete && \
	DEBUG=true $(PY) manage.py compilemessages --ignore='.venv/*' -v 0

# The world map's countries (docs/ARCHITECTURE.md, "Terrassa in the world"): npm's world-atlas
# (Natural Earth 1:110m) projected and simplified once into relacions/places/data/world-110m.json
# and static/img/world-110m.svg, both kept in git. Only when the source changes.
mapdata: install
	DEBUG=true $(PY) manage.py build_map_data

# Re-pin the dependencies after editing pyproject.toml.
lock: install
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.13 --generate-hashes -q -o requirements.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --python-version 3.13 --generate-hashes -q -o requirements-dev.lock

# Benchmarks (docs/BENCHMARKS.md): every public page type, cached and uncached, at 100 and 10,000
# items, on gunicorn against its own database (relacions_bench), then the search benchmark.
# About 25 minutes on 2 cores; BENCH_ARGS passes options (e.g. --duration 5).
bench: install
	@command -v wrk >/dev/null || apt-get install -y wrk || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
	@$(PROXY_PACKAGES)
	@# nginx serves the proxy benchmark's baseline (RUNLEVEL=1: the package starts no service).
	@command -v nginx >/dev/null || RUNLEVEL=1 apt-get install -y --no-install-recommends nginx-light || { echo "nginx is needed: apt-get install -y nginx-light"; exit 1; }
	@$(DB_START)
	$(PY) -m tests.benchmarks.pages $(BENCH_ARGS)
	$(PY) -m tests.benchmarks.breakdown
	$(PY) -m tests.benchmarks.search
	$(PY) -m tests.benchmarks.proxy $(PROXY_BENCH_ARGS)

# Varnish (the caching proxy) and redis-server, from Debian, for `make cluster` and `make bench`.
PROXY_PACKAGES := command -v varnishd >/dev/null || test -x /usr/sbin/varnishd || apt-get install -y --no-install-recommends varnish || { echo "Varnish is needed: apt-get install -y varnish"; exit 1; }; \
	command -v redis-server >/dev/null || apt-get install -y --no-install-recommends redis-server || { echo "Redis is needed: apt-get install -y redis-server"; exit 1; }

# Beyond one machine, proved on this one (docs/OPERATIONS.md, "Scaling out"): two gunicorn replicas
# behind Varnish, with PostgreSQL (a throwaway cluster), Redis and an S3 server (moto) as local
# processes, then the tests marked `cluster`. About 2 minutes; not part of `make test`.
cluster: export EMBEDDED_DB_DIR = $(TEST_DB_DIR)
cluster: install
	@$(PROXY_PACKAGES)
	@$(DB_START)
	@trap '$(DB_STOP)' EXIT; \
	$(PY) -m pytest -p no:xdist -m cluster tests/cluster $(PYTEST_ARGS)

# Lighthouse (docs/BENCHMARKS.md): the performance, accessibility, best-practices and SEO scores
# of six public pages in ca, es and en (desktop preset, median of 3 runs), on gunicorn with DEBUG
# off against its own database (relacions_lighthouse) with the demo content. About 12 minutes;
# fails when a page misses a target. Not part of `bench`, which measures the server, not the
# browser. LIGHTHOUSE_ARGS passes options (e.g. --runs 1 --languages ca).
lighthouse: install
	@command -v chromium >/dev/null || apt-get install -y --no-install-recommends chromium || { echo "Chromium is needed: apt-get install -y chromium"; exit 1; }
	@test -x node_modules/.bin/lighthouse || { echo "node_modules/.bin/lighthouse is missing: install npm, then make install"; exit 1; }
	@$(DB_START)
	$(PY) -m tests.benchmarks.lighthouse $(LIGHTHOUSE_ARGS)

# Database (pg_dump -Fc) and media (tar.gz) into backups/<timestamp>/; see docs/OPERATIONS.md.
backup: install
	@$(DB_START)
	DEBUG=$${DEBUG:-true} $(PY) manage.py backup

# Into an empty database and media folder; FORCE=1 replaces what is there.
restore: install
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=backups/<stamp> [FORCE=1]"; exit 2; }
	@$(DB_START)
	DEBUG=$${DEBUG:-true} $(PY) manage.py restore "$(BACKUP)" $(if $(FORCE),--force)

clean: db-stop
	rm -rf $(VENV) .data staticfiles .pytest_cache
