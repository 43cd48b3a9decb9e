"""Fuzzing the API through its own OpenAPI schema: whatever schemathesis generates for each
operation (valid and invalid parameters and bodies, within a bounded number of examples), the
answer is never a 5xx, and an answer the schema declares is shaped as declared.

Why in-process (WSGI) and not over a socket: the examples then run inside the test's database
transaction, so nothing they create is queued to a worker or outlives the test, and each call
costs a few milliseconds.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given, settings

APP = get_wsgi_application()
RAW_SCHEMA = SchemaGenerator().get_schema(request=None, public=True)
schema = schemathesis.openapi.from_dict(RAW_SCHEMA)

# Examples per operation: 27 operations at 25 examples each took 6 min on a loaded machine; 10
# keep the suite quick, and derandomize makes every run try the same edge cases (empty, overlong,
# wrong type, unknown ids) so a failure reproduces.
EXAMPLES = 10


@pytest.fixture(autouse=True)
def no_wait_for_jobs(settings):
    """The FHIR match operation waits up to 30 s for its job; inside the test's transaction the
    job is never queued, so each valid example would wait the whole time (5 min for the
    operation). Not waiting answers 202 with the job, which is what the fuzzing checks."""
    settings.ELIGO_FHIR_MATCH_WAIT_SECONDS = 0


@pytest.fixture
def token(db):
    """A trial manager's token, with the WSGI handler kept from closing the test's database
    connection at the end of each request (what Django's own test client does too)."""
    from matcher.api.clients import create_api_client

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        _, issued = create_api_client("fuzzer", can_manage_trials=True)
        yield issued
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


# One test per operation, named by it ("GET /api/v1/patients"): schemathesis's own
# ``schema.parametrize()`` gives every operation the same test id, and pytest-xdist's grouped
# scheduling (``make test``) keeps one test per id, so 27 of the 28 operations went unfuzzed.
OPERATIONS = [result.ok() for result in schema.get_all_operations()]


@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.label for op in OPERATIONS])
def test_no_operation_answers_a_server_error(operation, token):
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def call(case):
        response = case.call(app=APP, headers={"Authorization": f"Token {token}"})
        assert response.status_code < 500, f"{case.method} {case.formatted_path}: {response.status_code}"

    call()


def test_every_operation_of_the_schema_is_fuzzed():
    assert len({op.label for op in OPERATIONS}) == len(OPERATIONS) == sum(len(methods) for methods in RAW_SCHEMA["paths"].values())
