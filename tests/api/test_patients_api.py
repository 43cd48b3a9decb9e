"""Posting, reading and deleting patients: upserts, errors naming the element, tenancy."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matcher.models import MatchJob, MatchResult, Patient, PatientFactsVersion
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.django_db

FHIR = "application/fhir+json"
NATIVE = "application/vnd.eligo.patient+json"


def bundle(name: str = "D01") -> dict:
    return json.loads((EXAMPLES / "patients" / f"{name}.json").read_text())


def post(api, body, content_type: str = FHIR, strict: bool = False):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return api.post("/api/v1/patients" + ("?strict=true" if strict else ""), data, content_type=content_type)


def test_a_new_patient_is_created_with_a_queued_match_job(api):
    response = post(api, bundle())
    assert response.status_code == 201
    body = response.json()
    assert body["match_job"]["status"] == "queued"
    assert body["match_job"]["url"].endswith(f"/api/v1/match-jobs/{body['match_job']['id']}")
    assert MatchJob.objects.get(pk=body["match_job"]["id"]).patient_id.hex == body["id"].replace("-", "")


def test_posting_the_same_identifier_again_updates_the_same_patient(api):
    first = post(api, bundle()).json()
    changed = bundle()
    changed["entry"][0]["resource"]["birthDate"] = "1970-01-01"
    second = post(api, changed)
    assert second.status_code == 200
    assert second.json()["id"] == first["id"]
    assert Patient.objects.get().facts["birth_date"] == "1970-01-01"
    # The first post's job is still queued: it reads the updated facts when it runs, so the
    # second post answers with it rather than queueing another (one queued job per patient).
    assert second.json()["match_job"]["id"] == first["match_job"]["id"]
    assert MatchJob.objects.count() == 1


def test_plain_application_json_is_read_as_fhir(api):
    assert post(api, bundle(), content_type="application/json").status_code == 201


def test_the_stored_record_keeps_the_bundle_and_the_facts_with_their_sources(api):
    created = post(api, bundle("D03")).json()
    record = api.get(f"/api/v1/patients/{created['id']}").json()
    assert record["record"] == bundle("D03")
    bilirubin = record["facts"]["measurements"]["bilirubin"][0]
    assert (bilirubin["value"], bilirubin["unit"], bilirubin["uln"]) == (1.6, "mg/dL", 1.0)
    assert bilirubin["source"]


def test_the_same_identifier_from_two_clients_is_two_patients(make_client):
    a, b = make_client(), make_client()
    assert post(a, bundle()).json()["id"] != post(b, bundle()).json()["id"]
    assert Patient.objects.count() == 2


@pytest.mark.parametrize(
    ("body", "path"),
    [
        (b"{not json", "$"),
        ({"resourceType": "Patient", "id": "x"}, "resourceType"),
        ({"resourceType": "Bundle", "type": "collection", "entry": []}, "entry"),
    ],
    ids=["not-json", "not-a-bundle", "no-patient"],
)
def test_a_body_that_is_not_a_patient_bundle_is_a_400_naming_the_element(api, body, path):
    response = post(api, body)
    assert response.status_code == 400
    assert response.json()["field"] == path
    assert not Patient.objects.exists()


def _two_patients(b: dict) -> None:
    b["entry"].append(copy.deepcopy(b["entry"][0]))


def _no_identifier(b: dict) -> None:
    del b["entry"][0]["resource"]["identifier"]


def _dangling_subject(b: dict) -> None:
    b["entry"][3]["resource"]["subject"]["reference"] = "urn:uuid:00000000-0000-0000-0000-000000000000"


def _wrong_value_type(b: dict) -> None:
    b["entry"][4]["resource"]["valueQuantity"]["value"] = "sixty"


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (_two_patients, "entry"),
        (_no_identifier, "entry[0].resource.identifier"),
        (_dangling_subject, "entry[3].resource.subject.reference"),
        (_wrong_value_type, "entry[4].resource.valueQuantity.value"),
    ],
    ids=["two-patients", "no-identifier", "missing-reference", "wrong-type"],
)
def test_a_malformed_bundle_is_a_400_naming_the_exact_element(api, mutate, path):
    b = bundle()
    mutate(b)
    response = post(api, b, strict=True)
    assert response.status_code == 400
    assert response.json()["field"].startswith(path)
    assert not Patient.objects.exists()


def test_a_failed_post_leaves_the_stored_patient_as_it_was(api):
    post(api, bundle())
    stored = Patient.objects.get()
    broken = bundle()
    _wrong_value_type(broken)
    assert post(api, broken, strict=True).status_code == 400
    again = Patient.objects.get()
    assert (again.record, again.facts, again.updated) == (stored.record, stored.facts, stored.updated)
    assert MatchJob.objects.count() == 1


def test_an_error_message_never_quotes_the_patients_identifier(api):
    b = bundle()
    _dangling_subject(b)
    for strict in (True, False):
        text = post(api, b, strict=strict).content.decode()
        assert "D01" not in text and "1971-05-24" not in text


@pytest.mark.parametrize(
    ("mutate", "path"),
    [(_dangling_subject, "entry[3].resource"), (_wrong_value_type, "entry[4].resource")],
    ids=["missing-reference", "wrong-type"],
)
def test_leniently_the_broken_resource_is_kept_and_warned_and_the_post_succeeds(api, mutate, path):
    b = bundle()
    mutate(b)
    response = post(api, b)
    assert response.status_code == 201
    warned = response.json()["warnings"]
    assert [w["path"] for w in warned] == [path]
    stored = api.get(f"/api/v1/patients/{response.json()['id']}").json()
    assert stored["record"] == b
    assert stored["warnings"] == warned


def test_unknown_resource_types_and_codes_are_kept_and_ignored(api):
    b = bundle()
    b["entry"].append({"resource": {"resourceType": "Basic", "id": "extra", "code": {"text": "anything"}}})
    b["entry"][1]["resource"]["code"]["coding"].append({"system": "http://example.org/local", "code": "X1"})
    response = post(api, b)
    assert response.status_code == 201
    stored = Patient.objects.get()
    assert stored.record["entry"][-1]["resource"]["resourceType"] == "Basic"
    assert stored.ignored


def test_a_body_over_the_size_limit_is_413(api):
    response = api.post("/api/v1/patients", b" " * (5 * 1024 * 1024 + 1), content_type=FHIR)
    assert response.status_code == 413
    assert not Patient.objects.exists()


def test_eligos_own_json_becomes_the_same_kind_of_patient(api):
    record = {
        "identifier": {"system": "urn:example:mrn", "value": "N1"},
        "birth_date": "1980-01-01",
        "sex": "female",
        "diagnoses": [{"code": "aml", "status": "relapsed", "date": "2026-10-01"}],
        "measurements": [{"concept": "lvef", "value": 55, "unit": "%", "date": "2026-11-01"}],
    }
    response = post(api, record, content_type=NATIVE)
    assert response.status_code == 201
    facts = Patient.objects.get().facts
    assert "aml" in facts["events"] and facts["measurements"]["lvef"][0]["value"] == 55


def test_eligos_own_json_with_a_bad_field_is_a_400_naming_it(api):
    record = {"identifier": {"value": "N1"}, "measurements": [{"concept": "lvef", "value": "high", "unit": "%"}]}
    response = post(api, record, content_type=NATIVE)
    assert response.status_code == 400
    assert response.json()["field"] == "measurements[0].value"


def test_deleting_a_patient_removes_its_jobs_and_results(api, seeded):
    created = post(api, bundle()).json()
    job = MatchJob.objects.get()
    from trials.models import Trial

    trial = Trial.objects.get(nct_id="NCT05744440")
    result = MatchResult.objects.create(
        patient_id=created["id"], client=job.client, first_job=job, trial=trial, criteria_version=trial.current_criteria,
        eligibility="eligible", score=1.0, evaluated_at=date(2026, 11, 22), digest="d", last_changed=timezone.now(),
    )
    assert result.pk and PatientFactsVersion.objects.filter(patient_id=created["id"]).exists()
    assert api.delete(f"/api/v1/patients/{created['id']}").status_code == 204
    assert not Patient.objects.exists()
    assert not MatchJob.objects.exists() and not MatchResult.objects.exists() and not PatientFactsVersion.objects.exists()
    assert api.get(f"/api/v1/patients/{created['id']}").status_code == 404


def test_another_clients_patient_cannot_be_read_listed_matched_or_deleted(make_client):
    owner, other = make_client(), make_client()
    created = post(owner, bundle()).json()
    pid = created["id"]
    assert other.get(f"/api/v1/patients/{pid}").status_code == 404
    assert other.get("/api/v1/patients").json()["results"] == []
    assert other.post(f"/api/v1/patients/{pid}/match").status_code == 404
    assert other.get(f"/api/v1/patients/{pid}/matches").status_code == 404
    assert other.get(f"/api/v1/match-jobs/{created['match_job']['id']}").status_code == 404
    assert other.delete(f"/api/v1/patients/{pid}").status_code == 404
    assert Patient.objects.filter(pk=pid).exists()


def test_a_client_lists_only_its_own_patients(make_client):
    owner, other = make_client(), make_client()
    mine = post(owner, bundle("D01")).json()["id"]
    post(other, bundle("D02"))
    assert [p["id"] for p in owner.get("/api/v1/patients").json()["results"]] == [mine]


def test_a_malformed_patient_id_is_404_not_500(api):
    assert api.get("/api/v1/patients/not-a-uuid").status_code == 404


def test_matches_before_any_job_finished_are_empty(api):
    pid = post(api, bundle()).json()["id"]
    body = api.get(f"/api/v1/patients/{pid}/matches").json()
    assert body == {"patient": pid, "job": None, "evaluated_at": None, "results": []}


def test_an_unknown_eligibility_filter_is_a_400_naming_it(api):
    pid = post(api, bundle()).json()["id"]
    response = api.get(f"/api/v1/patients/{pid}/matches?eligibility=maybe")
    assert response.status_code == 400 and response.json()["field"] == "eligibility"


def _mutations():
    """Small structural edits of a valid bundle: the kinds of damage real integrations send."""
    junk = st.one_of(st.none(), st.integers(), st.text(max_size=5), st.lists(st.integers(), max_size=2), st.just({}))
    return st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(["drop", "junk", "dup"]), junk), min_size=1, max_size=4)


def _apply(b: dict, edits) -> dict:
    for seed, action, value in edits:
        nodes = []

        def walk(node, parent=None, key=None, nodes=nodes):
            nodes.append((parent, key))
            if isinstance(node, dict):
                for k, v in list(node.items()):
                    walk(v, node, k)
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    walk(v, node, i)

        walk(b)
        parent, key = nodes[seed % len(nodes)]
        if parent is None:
            continue
        if action == "drop" and isinstance(parent, dict):
            parent.pop(key, None)
        elif action == "dup" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        else:
            parent[key] = value
    return b


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=_mutations(), name=st.sampled_from(["D01", "D05", "D08", "D10"]))
def test_mutated_bundles_never_cause_a_server_error(api, edits, name):
    response = post(api, _apply(bundle(name), edits))
    assert response.status_code in (200, 201, 400), response.content[:300]


def test_a_nul_character_anywhere_is_a_400_naming_its_element(api):
    b = bundle()
    b["entry"][1]["resource"]["code"]["coding"][0]["display"] = "AML\u0000"
    response = post(api, b)
    assert response.status_code == 400
    assert response.json()["field"] == "entry[1].resource.code.coding[0].display"
    assert not Patient.objects.exists()
