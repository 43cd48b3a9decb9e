"""The trial-matching operation through a real worker: the view waits for the job the worker
runs (another process, reading the committed rows) and answers the searchset within the wait."""

from __future__ import annotations

import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from tests.conftest import EXAMPLES

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_the_operation_answers_the_searchset_once_the_worker_has_matched(api, seeded, worker):
    body = (EXAMPLES / "patients" / "D01.json").read_bytes()
    response = api.post("/api/v1/fhir/match", body, content_type="application/fhir+json")
    assert response.status_code == 200, response.content[:300]
    answer = json.loads(response.content)
    Bundle.model_validate(answer)
    patient = api.get("/api/v1/patients").json()["results"][0]["id"]
    matches = api.get(f"/api/v1/patients/{patient}/matches").json()["results"]
    assert [(e["resource"]["id"], e["search"]["score"]) for e in answer["entry"]] == [(r["trial"], r["score"]) for r in matches]
