"""Two first posts of one identifier at the same moment (issue 16, data hygiene): both succeed,
one creating (201) and one updating (200) the same patient, with no 500 and no log line that
carries the identifier. Real threads, each with its own PostgreSQL connection, committed data."""

from __future__ import annotations

import io
import json
import logging
import threading

import pytest
from django.db import connection

from matcher.models import Patient
from tests.conftest import EXAMPLES

PAIRS = 8


def _bundle(identifier: str) -> str:
    body = json.loads((EXAMPLES / "patients" / "D01.json").read_text())
    body["entry"][0]["resource"]["identifier"][0]["value"] = identifier
    return json.dumps(body)


@pytest.fixture
def log_output():
    """What the configured handlers write: the real console handler's stream, swapped for a buffer."""
    buffer = io.StringIO()
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler)]
    old = [h.setStream(buffer) for h in handlers]
    yield buffer
    for handler, stream in zip(handlers, old, strict=True):
        handler.setStream(stream)


@pytest.mark.django_db(transaction=True)
def test_concurrent_first_posts_of_one_identifier_are_one_create_and_one_update(make_client, log_output):
    from rest_framework.test import APIClient

    first = make_client("poster")
    second = APIClient()
    second.credentials(**first._credentials)  # both threads post as the same client
    apis = [first, second]
    statuses: dict[str, list[int]] = {}
    failures: list[BaseException] = []

    def post(identifier: str, barrier: threading.Barrier, api) -> None:
        try:
            api.raise_request_exception = False
            barrier.wait(timeout=10)
            response = api.post("/api/v1/patients", _bundle(identifier), content_type="application/fhir+json")
            statuses.setdefault(identifier, []).append(response.status_code)
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)
        finally:
            connection.close()

    identifiers = [f"RACE-{i:04d}-CONCURRENT" for i in range(PAIRS)]
    for identifier in identifiers:
        barrier = threading.Barrier(2)
        threads = [threading.Thread(target=post, args=(identifier, barrier, api)) for api in apis]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=60)
    assert failures == []
    assert {i: sorted(s) for i, s in statuses.items()} == {i: [200, 201] for i in identifiers}
    assert Patient.objects.filter(identifier_value__startswith="RACE-").count() == PAIRS
    assert "RACE-" not in log_output.getvalue()
