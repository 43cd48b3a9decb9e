# The two commands of the README's quick start: `make run` and `make test`.
# Both install what they need into .venv from pyproject.toml (the one way to install).

VENV ?= .venv
PY := $(VENV)/bin/python
export DJANGO_SETTINGS_MODULE := matcher.config.settings

.PHONY: install run test

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# The admin queue's browser test drives Debian's Chromium (Playwright never downloads one).
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	apt-get install -y -qq chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium)

# Development mode: SQLite in the project folder, match jobs run in-process (no Redis needed),
# webhooks may point at receivers on this machine (http, loopback: ELIGO_WEBHOOK_ALLOW_INSECURE).
run: install
	ELIGO_EMBEDDED_WORKER=1 DEBUG=1 $(PY) manage.py migrate --no-input
	ELIGO_EMBEDDED_WORKER=1 DEBUG=1 $(PY) manage.py load_seeds
	ELIGO_EMBEDDED_WORKER=1 DEBUG=1 $(PY) manage.py demo_client
	ELIGO_EMBEDDED_WORKER=1 DEBUG=1 ELIGO_WEBHOOK_ALLOW_INSECURE=1 $(PY) manage.py runserver 127.0.0.1:8000

# Lint and import order (ruff), types (mypy), the OpenAPI schema (drf-spectacular's validation,
# a warning fails), then the whole suite (the import-structure test included) on PostgreSQL with
# a real Redis broker and real Celery workers, in two processes (pytest-xdist): one took 17.5
# minutes on CI's 2 cores, over the 15-minute budget. Each process has its own test database and
# Redis database (tests/environment.py); a test file runs in one process, so the corpus is parsed once.
TEST_PROCESSES ?= 2
test: install $(CHROMIUM)
	$(VENV)/bin/ruff check
	$(VENV)/bin/mypy
	SECRET_KEY=$${SECRET_KEY:-eligo-tests-only-not-secret-not-secret-not-secret-not-secret} \
	$(PY) manage.py spectacular --validate --fail-on-warn --file /dev/null
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/eligo} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/15} \
	SECRET_KEY=$${SECRET_KEY:-eligo-tests-only-not-secret-not-secret-not-secret-not-secret} \
	$(PY) -m pytest -n $(TEST_PROCESSES) --dist loadfile
