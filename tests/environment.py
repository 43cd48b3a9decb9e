"""Loaded by pytest before Django's settings (``-p tests.environment`` in pyproject's addopts),
because the settings refuse to load without a SECRET_KEY when DEBUG is off, and conftest files
come too late for that. Child processes (Celery workers the tests start) inherit these.

The cache key prefix is fresh per run: throttle counters and sign-in failures are keyed by
database ids, which a new test database hands out again.
"""

import os
import uuid

os.environ.setdefault("SECRET_KEY", "eligo-tests-only-" + "not-secret-" * 4)
os.environ["ELIGO_CACHE_KEY_PREFIX"] = f"eligo-test-{uuid.uuid4().hex[:12]}"
# The suite posts far faster than any hospital: throttles are off unless a test sets its rates
# (tests/api/test_throttling.py does, with the settings fixture).
for scope in ("BURST", "SUSTAINED", "MATCH"):
    os.environ.setdefault(f"ELIGO_THROTTLE_{scope}", "1000000/s")
