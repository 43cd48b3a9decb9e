"""Loaded by pytest before Django's settings (``-p tests.environment`` in pyproject's addopts),
because the settings refuse to load without a SECRET_KEY when DEBUG is off, and conftest files
come too late for that. Child processes (Celery workers the tests start) inherit these.

The cache key prefix is fresh per run: throttle counters and sign-in failures are keyed by
database ids, which a new test database hands out again.

Under pytest-xdist (``make test`` runs two processes) each process has its own test database
(pytest-django suffixes the name) and here its own Redis database: the worker tests' Celery
worker takes every task on its broker, so two processes sharing one would run each other's jobs
against the wrong database.
"""

import os
import uuid
from urllib.parse import urlsplit, urlunsplit


def redis_url_for_process(url: str, worker: str | None) -> str:
    """``gw0`` keeps the URL; ``gwN`` counts down from its database number (15, 14, ...), wrapping
    within Redis's 16 databases, so the single-process database stays the first one's."""
    if not worker or not worker.startswith("gw") or not worker[2:].isdigit() or worker == "gw0":
        return url
    parts = urlsplit(url)
    path = parts.path.strip("/")
    base = int(path) if path.isdigit() else 0
    return urlunsplit(parts._replace(path=f"/{(base - int(worker[2:])) % 16}"))

os.environ.setdefault("SECRET_KEY", "eligo-tests-only-" + "not-secret-" * 4)
os.environ["ELIGO_CACHE_KEY_PREFIX"] = f"eligo-test-{uuid.uuid4().hex[:12]}"
# The suite posts far faster than any hospital: throttles are off unless a test sets its rates
# (tests/api/test_throttling.py does, with the settings fixture).
for scope in ("BURST", "SUSTAINED", "MATCH"):
    os.environ.setdefault(f"ELIGO_THROTTLE_{scope}", "1000000/s")

if "PYTEST_XDIST_WORKER" in os.environ:
    os.environ["REDIS_URL"] = redis_url_for_process(
        os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0", os.environ["PYTEST_XDIST_WORKER"]
    )
