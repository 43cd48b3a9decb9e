"""GET /api/v1/fhir/ResearchSubject: one R4 ResearchSubject per result a coordinator has worked,
its status following the coordinator's review status, and a webhook event when it changes."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth.models import User
from fhir.resources.R4B.bundle import Bundle

from matcher.fhir.research_subject import EVENT, STATUS
from matcher.matching.jobs import run_job
from matcher.models import MatchResult, Webhook, WebhookDelivery
from matcher.queue.actions import set_status
from tests.fhir_api.conftest import TODAY, example

pytestmark = pytest.mark.django_db
SUBJECTS = "/api/v1/fhir/ResearchSubject"
Review = MatchResult.ReviewStatus


@pytest.fixture
def matched(api, seeded):
    body = api.post("/api/v1/patients", json.dumps(example("D01")), content_type="application/fhir+json").json()
    run_job(body["match_job"]["id"], as_of=TODAY)
    return body["id"]


@pytest.fixture
def coordinator(db):
    return User.objects.create_user("coordinator")


def subjects(api, patient_id: str, study: str = "") -> list[dict]:
    response = api.get(SUBJECTS, {"patient": patient_id, **({"study": study} if study else {})})
    assert response.status_code == 200, response.content
    answer = response.json()
    Bundle.model_validate(answer)
    return [e["resource"] for e in answer["entry"]]


def test_results_nobody_worked_are_not_subjects(api, matched):
    assert subjects(api, matched) == []


@pytest.mark.parametrize(
    "review, expected",
    [
        (Review.UNDER_REVIEW, "candidate"),
        (Review.CONTACTED, "candidate"),
        (Review.SCREENING, "screening"),
        (Review.ENROLLED, "on-study"),
        (Review.NOT_ELIGIBLE, "ineligible"),
        (Review.DECLINED, "withdrawn"),
        (Review.DEFERRED, "candidate"),
    ],
)
def test_the_status_follows_the_review_status(api, matched, coordinator, review, expected):
    row = MatchResult.objects.filter(patient_id=matched).order_by("trial__nct_id").first()
    set_status(row, review, coordinator, reason="recorded by the test")
    [subject] = subjects(api, matched)
    assert subject["status"] == expected
    assert subject["study"]["identifier"]["value"] == row.trial.nct_id
    assert subject["individual"]["reference"] == f"Patient/{matched}"


def test_every_review_status_has_a_research_subject_status():
    assert set(STATUS) == set(Review.values)


def test_a_status_change_is_followed_and_the_study_filter_narrows(api, matched, coordinator):
    first, second = MatchResult.objects.filter(patient_id=matched).order_by("trial__nct_id")[:2]
    set_status(first, Review.SCREENING, coordinator)
    set_status(second, Review.UNDER_REVIEW, coordinator)
    set_status(first, Review.ENROLLED, coordinator, reason="consented")
    assert {s["study"]["identifier"]["value"]: s["status"] for s in subjects(api, matched)} == {
        first.trial.nct_id: "on-study",
        second.trial.nct_id: "candidate",
    }
    assert [s["status"] for s in subjects(api, matched, second.trial.nct_id)] == ["candidate"]


def test_a_webhook_event_is_recorded_with_the_change_when_the_status_changes(api, matched, coordinator):
    Webhook.objects.create(client=api.eligo_client, url="https://hooks.example/eligo", secret="s")
    row = MatchResult.objects.filter(patient_id=matched).order_by("trial__nct_id").first()
    set_status(row, Review.UNDER_REVIEW, coordinator)  # candidate -> candidate: no event
    assert not WebhookDelivery.objects.filter(event=EVENT).exists()
    set_status(row, Review.SCREENING, coordinator)
    [delivery] = WebhookDelivery.objects.filter(event=EVENT)
    assert delivery.payload == {
        "event": EVENT, "patient": matched, "trial": row.trial.nct_id, "old_status": "candidate", "new_status": "screening",
    }


def test_the_patient_parameter_is_required_and_the_study_must_be_an_nct_id(api, matched):
    assert api.get(SUBJECTS).json()["field"] == "patient"
    response = api.get(SUBJECTS, {"patient": matched, "study": "nct-junk"})
    assert (response.status_code, response.json()["field"]) == (400, "study")


def test_another_clients_patient_is_not_found(make_client, matched):
    assert make_client("other").get(SUBJECTS, {"patient": matched}).status_code == 404
