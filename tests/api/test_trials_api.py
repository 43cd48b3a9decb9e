"""The trials API: authentication, permissions, filters, upserts and errors (contract 2 and 3)."""

from __future__ import annotations

import copy
import gzip
import json

import pytest

from tests.conftest import CORPUS
from trials.models import CriteriaVersion, Trial

pytestmark = pytest.mark.django_db

SEED_IDS = ["NCT04094766", "NCT05563545", "NCT05744440", "NCT06559644", "NCT06585345"]


@pytest.fixture(scope="module")
def corpus_studies() -> list[dict]:
    with gzip.open(CORPUS / "ctgov-v2-nsclc-phase3.json.gz", "rt", encoding="utf-8") as fh:
        return json.load(fh)


def test_a_call_without_a_token_is_refused(client, seeded):
    response = client.get("/api/v1/trials")
    assert response.status_code == 401
    assert "credentials" in response.json()["error"].lower()


def test_a_call_with_a_wrong_token_is_refused(client, seeded):
    response = client.get("/api/v1/trials", HTTP_AUTHORIZATION="Token not-a-real-token")
    assert response.status_code == 401


def test_health_needs_no_token_and_names_each_dependency(client):
    response = client.get("/api/v1/health")
    assert set(response.json()) == {"database", "broker"}
    assert response.json()["database"] == "ok"


def test_the_trial_list_has_every_seed_in_nct_order(api, seeded):
    body = api.get("/api/v1/trials").json()
    assert [t["nct_id"] for t in body["results"]] == SEED_IDS
    assert "next" in body


# The list's queries with every seed on one page: 7 when measured (the client's token, the
# cursor page with its current versions, then one prefetch each for conditions, sites, current
# lines and newest versions). A query a trial for ``held_version`` (the N+1 this pins) adds five.
LIST_QUERIES = 7


def test_the_trial_list_asks_a_fixed_number_of_queries_held_versions_included(api, seeded, django_assert_max_num_queries):
    held = {}
    for trial in Trial.objects.filter(nct_id__in=SEED_IDS[:2]):
        number = trial.criteria_versions.order_by("-number").first().number + 1
        CriteriaVersion.objects.create(trial=trial, number=number, reason="correction", held=True, disagreements=[])
        held[trial.nct_id] = {"version": number, "held": True, "disagreements": []}
    with django_assert_max_num_queries(LIST_QUERIES):
        body = api.get("/api/v1/trials").json()
    assert len(body["results"]) == len(SEED_IDS)
    assert {t["nct_id"]: t["held_version"] for t in body["results"] if t["held_version"]} == held


def test_a_trial_answers_in_the_contract_shape(api, seeded):
    trial = api.get("/api/v1/trials/NCT06559644").json()
    assert {"nct_id", "title", "status", "phase", "conditions", "criteria"} <= set(trial)
    assert trial["status"] == "NOT_YET_RECRUITING"
    assert trial["conditions"] == ["Leukemia, Myeloid, Acute", "B-cell Acute Lymphoblastic Leukemia"]
    first = trial["criteria"][0]
    assert set(first) == {"type", "text", "review", "structured", "position", "rule", "corrected"}  # section 6 adds three
    assert first["type"] == "inclusion"
    assert first["text"].startswith("Age ≥18 and <70 years old")


def test_an_unknown_trial_is_404(api, seeded):
    assert api.get("/api/v1/trials/NCT99999999").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=RECRUITING", ["NCT05744440", "NCT06585345"]),
        ("status=COMPLETED&status=WITHDRAWN", ["NCT04094766", "NCT05563545"]),
        ("condition=myeloid", ["NCT05744440", "NCT06559644"]),
        ("condition=lymphoblastic&status=COMPLETED", ["NCT05563545"]),
        ("phase=PHASE1", ["NCT04094766", "NCT05563545"]),
    ],
)
def test_trials_filter_by_status_condition_and_phase(api, seeded, query, expected):
    body = api.get(f"/api/v1/trials?{query}").json()
    assert [t["nct_id"] for t in body["results"]] == expected


def test_trials_paginate_with_a_next_link(api, seeded):
    first = api.get("/api/v1/trials?page_size=2").json()
    assert [t["nct_id"] for t in first["results"]] == SEED_IDS[:2]
    second = api.get(first["next"]).json()
    assert [t["nct_id"] for t in second["results"]] == SEED_IDS[2:4]


def test_an_unknown_status_filter_is_a_400_naming_the_field(api, seeded):
    response = api.get("/api/v1/trials?status=OPEN")
    assert response.status_code == 400
    assert response.json()["field"] == "status"


def test_posting_a_study_needs_the_trial_manager_right(api, corpus_studies):
    response = api.post("/api/v1/trials", corpus_studies[0], format="json")
    assert response.status_code == 403
    assert not Trial.objects.exists()


def test_posting_a_study_creates_then_updates_it(manager, corpus_studies):
    study = corpus_studies[0]
    nct = study["protocolSection"]["identificationModule"]["nctId"]
    created = manager.post("/api/v1/trials", study, format="json")
    assert created.status_code == 201
    assert created.json()["nct_id"] == nct
    again = manager.post("/api/v1/trials", study, format="json")
    assert again.status_code == 200
    assert Trial.objects.filter(nct_id=nct).count() == 1


def test_a_posted_study_keeps_the_registry_ages_and_sex(manager, corpus_studies):
    study = corpus_studies[0]
    eligibility = study["protocolSection"]["eligibilityModule"]
    body = manager.post("/api/v1/trials", study, format="json").json()
    assert body["minimum_age"] == eligibility.get("minimumAge", "")
    assert body["maximum_age"] == eligibility.get("maximumAge", "")
    assert body["sex"] == eligibility.get("sex", "")


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda s: s.pop("protocolSection"), "$.protocolSection"),
        (lambda s: s["protocolSection"]["identificationModule"].pop("nctId"), "$.protocolSection.identificationModule.nctId"),
        (lambda s: s["protocolSection"]["identificationModule"].update(nctId="NCT12"), "$.protocolSection.identificationModule.nctId"),
        (lambda s: s["protocolSection"]["statusModule"].update(overallStatus="OPEN"), "$.protocolSection.statusModule.overallStatus"),
    ],
    ids=["no-protocol-section", "no-nct-id", "bad-nct-id", "unknown-status"],
)
def test_a_malformed_study_is_a_400_naming_the_field_and_stores_nothing(manager, corpus_studies, mutate, field):
    study = copy.deepcopy(corpus_studies[1])
    mutate(study)
    response = manager.post("/api/v1/trials", study, format="json")
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert not Trial.objects.exists()


def test_a_list_posted_to_the_single_study_endpoint_is_refused(manager, corpus_studies):
    response = manager.post("/api/v1/trials", corpus_studies[:2], format="json")
    assert response.status_code == 400
    assert not Trial.objects.exists()


def test_patching_a_status_needs_the_trial_manager_right(api, seeded):
    response = api.patch("/api/v1/trials/NCT05563545", {"status": "RECRUITING"}, format="json")
    assert response.status_code == 403
    assert Trial.objects.get(nct_id="NCT05563545").overall_status == "COMPLETED"


def test_patching_a_status_changes_it_and_records_the_change(manager, seeded):
    response = manager.patch("/api/v1/trials/NCT05563545", {"status": "RECRUITING"}, format="json")
    assert response.status_code == 200
    trial = Trial.objects.get(nct_id="NCT05563545")
    assert trial.overall_status == "RECRUITING"
    change = trial.changes.get()
    assert (change.kind, change.old_value, change.new_value) == ("status", "COMPLETED", "RECRUITING")


def test_patching_an_unknown_status_is_a_400_naming_the_field(manager, seeded):
    response = manager.patch("/api/v1/trials/NCT05563545", {"status": "OPEN"}, format="json")
    assert response.status_code == 400
    assert response.json()["field"] == "status"
    assert Trial.objects.get(nct_id="NCT05563545").overall_status == "COMPLETED"


def test_patching_criteria_makes_a_new_version_and_keeps_the_old(manager, seeded):
    trial = Trial.objects.get(nct_id="NCT05744440")
    trial.golden_patients.all().delete()  # the seed examples would hold these lines (tests/api/test_curation_api.py)
    old_version = trial.current_criteria
    old_lines = list(old_version.criteria.values_list("text", flat=True))
    new = [{"type": "inclusion", "text": "Age 18-80 years"}, {"type": "exclusion", "text": "Confirmed APL"}]
    body = manager.patch("/api/v1/trials/NCT05744440", {"criteria": new}, format="json").json()
    assert [c["text"] for c in body["criteria"]] == ["Age 18-80 years", "Confirmed APL"]
    assert body["criteria_version"] == old_version.number + 1
    old_version.refresh_from_db()
    assert list(old_version.criteria.values_list("text", flat=True)) == old_lines


def test_a_criteria_line_without_a_type_is_a_400_naming_it(manager, seeded):
    response = manager.patch("/api/v1/trials/NCT05744440", {"criteria": [{"text": "Age 18-80"}]}, format="json")
    assert response.status_code == 400
    assert response.json()["field"] == "criteria[0].type"


def test_the_openapi_schema_needs_a_token(client):
    assert client.get("/api/v1/schema").status_code == 401


def test_the_openapi_schema_describes_the_trial_and_patient_paths(api):
    response = api.get("/api/v1/schema", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = json.loads(response.content)["paths"]
    for path in ("/api/v1/trials", "/api/v1/trials/{nct_id}", "/api/v1/patients", "/api/v1/health"):
        assert path in paths
