"""The OpenAPI schema tells the truth: real answers of the API validate against the response
schema it declares for them (generated clients and fuzzers read this schema), and it passes
drf-spectacular's own validation without a warning."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import jsonschema
import pytest
from django.core.management import call_command

from matcher.matching.jobs import run_job
from matcher.models import Webhook, WebhookDelivery
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def _json_schema(node: Any) -> Any:
    """OpenAPI 3.0 -> JSON Schema: ``nullable: true`` admits null."""
    if isinstance(node, list):
        return [_json_schema(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _json_schema(v) for k, v in node.items() if k != "nullable"}
    if node.get("nullable"):
        return {"anyOf": [out, {"type": "null"}]}
    return out


def check(schema: dict, path: str, method: str, status: int, body: Any) -> None:
    operation = schema["paths"][path][method]
    content = operation["responses"][str(status)]["content"]
    declared = next(iter(content.values()))["schema"]
    root = {"components": _json_schema(copy.deepcopy(schema["components"])), **_json_schema(declared)}
    jsonschema.validate(body, root)


def example() -> dict:
    return json.loads((EXAMPLES / "patients" / "D01.json").read_text())


def test_the_schema_validates_without_warnings():
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")


def test_real_answers_validate_against_the_declared_schema(api, seeded, schema):
    posted = api.post("/api/v1/patients", json.dumps(example()), content_type="application/fhir+json")
    check(schema, "/api/v1/patients", "post", 201, posted.json())
    patient_id = posted.json()["id"]
    run_job(posted.json()["match_job"]["id"], as_of=date(2026, 11, 22))
    answers = [
        ("/api/v1/patients", "/api/v1/patients"),
        ("/api/v1/patients/{patient_id}", f"/api/v1/patients/{patient_id}"),
        ("/api/v1/patients/{patient_id}/matches", f"/api/v1/patients/{patient_id}/matches"),
        ("/api/v1/patients/{patient_id}/matches/changes", f"/api/v1/patients/{patient_id}/matches/changes"),
        ("/api/v1/match-jobs/{job_id}", posted.json()["match_job"]["url"]),
        ("/api/v1/trials", "/api/v1/trials"),
    ]
    for template, url in answers:
        response = api.get(url)
        assert response.status_code == 200, template
        check(schema, template, "get", 200, response.json())


def test_a_paginated_list_is_declared_as_the_object_it_answers(api, schema):
    hook = Webhook.objects.create(client=api.eligo_client, url="https://hooks.example/eligo", secret="s")
    WebhookDelivery.objects.create(webhook=hook, event="match.eligible", payload={"event": "match.eligible"})
    answer = api.get("/api/v1/webhook/deliveries").json()
    assert set(answer) >= {"next", "results"}
    check(schema, "/api/v1/webhook/deliveries", "get", 200, answer)
    with pytest.raises(jsonschema.ValidationError):
        check(schema, "/api/v1/webhook/deliveries", "get", 200, answer["results"])  # a bare array is not it
