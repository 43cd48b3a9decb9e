"""POST /api/v1/fhir/match: the patient is stored and matched as a post to /patients would be,
and the answer is a FHIR searchset of ResearchStudy whose order and scores are /matches'."""

from __future__ import annotations

import copy
import json

import pytest
from fhir.resources.R4B.bundle import Bundle

from matcher.fhir import service
from matcher.fhir.studies import CRITERION, ELIGIBILITY, NO_GEOCODED_SITE, SITE_DISTANCE
from matcher.models import MatchJob, Patient
from tests.fhir_api.conftest import EXAMPLE_NAMES, example
from trials.models import Site, Trial

pytestmark = pytest.mark.django_db

MATCH = "/api/v1/fhir/match"
HER2_WITH_TWO_VALUES = {
    "resourceType": "Observation",
    "status": "final",
    "code": {"coding": [{"system": "http://loinc.org", "code": "48676-1"}]},
    "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "260385009"}]},
    "valueQuantity": {"value": 1, "unit": "{score}"},
}


def match(api, body, query: str = ""):
    return api.post(MATCH + query, json.dumps(body), content_type="application/fhir+json")


def studies(answer: dict) -> list[dict]:
    return [e for e in answer["entry"] if e["search"]["mode"] == "match"]


def extension(resource: dict, url: str):
    return next((e for e in resource.get("extension", []) if e["url"] == url), None)


def with_parameters(bundle: dict, **values: str) -> dict:
    bundle = copy.deepcopy(bundle)
    parameters = [{"name": k, "valueString": v} for k, v in values.items()]
    bundle["entry"].append({"resource": {"resourceType": "Parameters", "parameter": parameters}})
    return bundle


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_example_answers_a_valid_searchset_in_the_order_and_with_the_scores_of_matches(api, seeded, jobs_run_inline, name):
    response = match(api, example(name))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    answer = response.json()
    Bundle.model_validate(answer)  # fhir.resources parses it without error
    assert answer["type"] == "searchset"
    patient = Patient.objects.get(identifier_value=name)
    matches = api.get(f"/api/v1/patients/{patient.id}/matches").json()["results"]
    got = [(e["resource"]["id"], e["search"]["score"], extension(e["resource"], ELIGIBILITY)["valueCode"]) for e in studies(answer)]
    assert got == [(r["trial"], r["score"], r["eligibility"]) for r in matches]
    assert all(0 <= score <= 1 for _, score, _ in got)
    first, result = studies(answer)[0]["resource"], matches[0]
    criteria = [e for e in first["extension"] if e["url"] == CRITERION]
    assert [{p["url"]: next(v for k, v in p.items() if k != "url") for p in c["extension"]}["outcome"] for c in criteria] == [
        c["outcome"] for c in result["criteria"]
    ]
    assert first["identifier"] == [{"system": "http://clinicaltrials.gov", "value": result["trial"]}]


def test_the_mcode_wrapper_answers_the_same_as_the_bare_bundle(api, seeded, jobs_run_inline):
    bare = studies(match(api, example("D01")).json())
    wrapped = studies(match(api, {"patientData": example("D01")}).json())
    assert [e["search"] for e in wrapped] == [e["search"] for e in bare]
    assert Patient.objects.count() == 1  # the same identifier: the same patient, upserted


def test_an_invalid_unrelated_resource_is_warned_and_the_verdicts_stand(make_client, seeded, jobs_run_inline):
    clean = studies(match(make_client("clean"), example("D03")).json())
    noisy = example("D03")
    noisy["entry"].append({"resource": copy.deepcopy(HER2_WITH_TWO_VALUES)})
    answer = match(make_client("noisy"), noisy).json()
    Bundle.model_validate(answer)
    assert [(e["resource"]["id"], e["search"]["score"]) for e in studies(answer)] == [
        (e["resource"]["id"], e["search"]["score"]) for e in clean
    ]
    outcome = [e for e in answer["entry"] if e["search"]["mode"] == "outcome"]
    assert [i["expression"] for i in outcome[0]["resource"]["issue"]] == [[f"entry[{len(noisy['entry']) - 1}].resource"]]


def test_strict_refuses_the_invalid_resource(api, seeded, jobs_run_inline):
    noisy = example("D03")
    noisy["entry"].append({"resource": copy.deepcopy(HER2_WITH_TWO_VALUES)})
    response = match(api, noisy, "?strict=true")
    assert response.status_code == 400
    assert response.json()["field"].startswith(f"entry[{len(noisy['entry']) - 1}].resource")
    assert not Patient.objects.exists()


def test_a_job_not_finished_within_the_wait_answers_202_with_the_job(api, seeded, monkeypatch):
    monkeypatch.setattr(service, "wait_seconds", lambda: 0)
    response = match(api, example("D01"))
    assert response.status_code == 202
    body = response.json()
    assert MatchJob.objects.get(pk=body["match_job"]["id"]).status == MatchJob.Status.QUEUED
    assert body["warnings"] == []


def test_the_patient_is_the_clients_own(make_client, seeded, jobs_run_inline):
    first, second = make_client("a"), make_client("b")
    one = match(first, example("D01"))
    two = match(second, example("D01"))
    assert one.status_code == two.status_code == 200
    assert Patient.objects.filter(identifier_value="D01").count() == 2
    theirs = Patient.objects.get(client=second.eligo_client)
    assert first.get(f"/api/v1/patients/{theirs.id}/matches").status_code == 404


def test_an_unauthenticated_call_is_refused(client, seeded):
    assert client.post(MATCH, json.dumps(example("D01")), content_type="application/fhir+json").status_code in (401, 403)


@pytest.mark.parametrize(
    "body, field",
    [
        ([1, 2], "$"),
        ({"patientData": "not a bundle"}, "patientData"),
        ({"resourceType": "Patient"}, "resourceType"),
    ],
)
def test_a_body_that_is_not_a_bundle_is_a_400_naming_it(api, body, field):
    response = match(api, body)
    assert (response.status_code, response.json()["field"]) == (400, field)


@pytest.mark.parametrize(
    "values, message",
    [({"zipCode": "00000"}, "zipCode"), ({"zipCode": "02115", "travelRadius": "far"}, "travelRadius"),
     ({"zipCode": "02115", "travelRadius": "-5"}, "travelRadius")],
)
def test_a_parameter_eligo_cannot_use_is_a_400_naming_it(api, values, message):
    response = match(api, with_parameters(example("D01"), **values))
    assert response.status_code == 400
    assert message in response.json()["error"]
    assert response.json()["field"].startswith("entry[")


# -- filters --------------------------------------------------------------------------------

BOSTON_ZIP = "02115"  # centroid 42.3427, -71.0922


@pytest.fixture
def sites(seeded):
    """The three open seed trials: one site in Boston (~1 mile), one in New York (~190 miles),
    one with no coordinates."""
    near, far, unknown = "NCT06559644", "NCT06585345", "NCT05744440"
    for nct in (near, far, unknown):
        Trial.objects.get(nct_id=nct).sites.all().delete()
    Site.objects.create(trial=Trial.objects.get(nct_id=near), position=1, facility="Near", city="Boston", latitude=42.3376, longitude=-71.1050)
    Site.objects.create(trial=Trial.objects.get(nct_id=far), position=1, facility="Far", city="New York", latitude=40.7128, longitude=-74.0060)
    Site.objects.create(trial=Trial.objects.get(nct_id=unknown), position=1, facility="Somewhere", city="Unknown")
    return near, far, unknown


def test_the_zip_filter_keeps_sites_inside_the_radius_and_marks_trials_with_no_geocoded_site(api, sites, jobs_run_inline):
    near, far, unknown = sites
    answer = match(api, with_parameters(example("D01"), zipCode=BOSTON_ZIP, travelRadius="50")).json()
    Bundle.model_validate(answer)
    found = {e["resource"]["id"]: e["resource"] for e in studies(answer)}
    assert set(found) == {near, unknown}
    assert extension(found[near], SITE_DISTANCE)["valueDecimal"] < 2
    assert extension(found[unknown], NO_GEOCODED_SITE) == {"url": NO_GEOCODED_SITE, "valueBoolean": True}
    assert found[near]["contained"][0]["position"] == {"latitude": 42.3376, "longitude": -71.105}


def test_a_wide_radius_keeps_the_far_site_with_its_distance(api, sites, jobs_run_inline):
    near, far, unknown = sites
    answer = match(api, with_parameters(example("D01"), zipCode=BOSTON_ZIP, travelRadius="250")).json()
    found = {e["resource"]["id"]: e["resource"] for e in studies(answer)}
    assert set(found) == {near, far, unknown}
    assert 180 < extension(found[far], SITE_DISTANCE)["valueDecimal"] < 200


def test_the_status_and_phase_filters(api, seeded, jobs_run_inline):
    everything = {e["resource"]["id"]: e["resource"] for e in studies(match(api, example("D01")).json())}
    for status in ("active", "approved"):
        kept = {e["resource"]["id"] for e in studies(match(api, with_parameters(example("D01"), recruitmentStatus=status)).json())}
        assert kept == {n for n, r in everything.items() if r["status"] == status}
    phase = next(r["phase"]["coding"][0]["code"] for r in everything.values() if "phase" in r)
    kept = {e["resource"]["id"] for e in studies(match(api, with_parameters(example("D01"), phase=phase)).json())}
    assert kept and kept <= set(everything)
    assert all(everything[n].get("phase", {}).get("coding", [{}])[0].get("code", "").startswith(phase[:7]) for n in kept)
