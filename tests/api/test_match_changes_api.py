"""GET /api/v1/patients/{id}/matches/changes: what each (re-)match changed, and why."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.matching import jobs
from matcher.models import MatchJob
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 22)


@pytest.fixture
def patient_id(api, seeded) -> str:
    body = (EXAMPLES / "patients" / "D01.json").read_bytes()
    pid = api.post("/api/v1/patients", body, content_type="application/fhir+json").json()["id"]
    jobs.run_job(MatchJob.objects.get(patient_id=pid).pk, as_of=TODAY)
    return pid


def test_a_first_match_lists_each_open_trial_as_appeared_from_patient_data(api, patient_id):
    body = api.get(f"/api/v1/patients/{patient_id}/matches/changes").json()
    rows = {(c["trial"], c["kind"], c["cause"], c["old_eligibility"]) for c in body["results"]}
    assert rows == {(nct, "appeared", "patient_data", None) for nct in ("NCT06559644", "NCT06585345", "NCT05744440")}


def test_each_change_says_the_eligibility_it_arrived_at(api, patient_id):
    matches = {r["trial"]: r["eligibility"] for r in api.get(f"/api/v1/patients/{patient_id}/matches").json()["results"]}
    changes = api.get(f"/api/v1/patients/{patient_id}/matches/changes").json()["results"]
    assert {c["trial"]: c["new_eligibility"] for c in changes} == matches


def test_changes_can_be_narrowed_to_one_trial(api, patient_id):
    body = api.get(f"/api/v1/patients/{patient_id}/matches/changes?trial=NCT05744440").json()
    assert [c["trial"] for c in body["results"]] == ["NCT05744440"]


def test_another_clients_patient_changes_answer_404(make_client, patient_id):
    assert make_client("hospital-b").get(f"/api/v1/patients/{patient_id}/matches/changes").status_code == 404


def test_the_changes_endpoint_is_in_the_schema(api):
    schema = api.get("/api/v1/schema", HTTP_ACCEPT="application/json").content.decode()
    assert "/api/v1/patients/{patient_id}/matches/changes" in schema
