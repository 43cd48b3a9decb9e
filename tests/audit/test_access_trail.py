"""The access audit trail (contract section 6, issue 16): every API read or write of a patient,
its jobs and its matches is one event saying who, for which client, which patient, what and
when, never a value; a client reads its own patients' events, newest first."""

from __future__ import annotations

import json
import logging

import pytest
from django.db import connection

from matcher.models import AccessEvent, MatchJob, Patient
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.django_db

FHIR = "application/fhir+json"


def bundle(name: str = "D01") -> dict:
    return json.loads((EXAMPLES / "patients" / f"{name}.json").read_text())


def post(api, body: dict | None = None):
    return api.post("/api/v1/patients", json.dumps(body or bundle()), content_type=FHIR)


def events(**filters) -> list[tuple]:
    return list(AccessEvent.objects.filter(**filters).order_by("id").values_list("action", "actor_kind", "actor_name", "client__name", "patient"))


# (call, action): each call of a patient's data against the patient posted first
CALLS = [
    (lambda api, p, j: api.get(f"/api/v1/patients/{p}"), "patient.read"),
    (lambda api, p, j: api.get("/api/v1/patients"), "patient.list"),
    (lambda api, p, j: api.get(f"/api/v1/patients/{p}/matches"), "matches.read"),
    (lambda api, p, j: api.get(f"/api/v1/patients/{p}/matches/changes"), "changes.read"),
    (lambda api, p, j: api.get(f"/api/v1/match-jobs/{j}"), "match_job.read"),
    (lambda api, p, j: api.post(f"/api/v1/patients/{p}/match"), "match_job.create"),
]


@pytest.mark.parametrize(("call", "action"), CALLS, ids=[action for _, action in CALLS])
def test_each_read_or_write_of_a_patient_is_one_event_naming_actor_client_and_patient(api, call, action):
    posted = post(api).json()
    AccessEvent.objects.all().delete()
    response = call(api, posted["id"], posted["match_job"]["id"])
    assert response.status_code in (200, 202)
    assert events() == [(action, "client", "hospital-a", "hospital-a", Patient.objects.get().id)]


def test_a_post_is_a_patient_write_recorded_with_the_post(api):
    posted = post(api).json()
    assert events() == [("patient.write", "client", "hospital-a", "hospital-a", Patient.objects.get(pk=posted["id"]).id)]


def test_a_refused_read_records_nothing(api, make_client):
    other = post(make_client("hospital-b")).json()
    AccessEvent.objects.all().delete()
    assert api.get(f"/api/v1/patients/{other['id']}").status_code == 404
    assert api.get(f"/api/v1/patients/{other['id']}/matches").status_code == 404
    assert events() == []


def test_an_event_holds_no_value_of_the_record(api):
    body = bundle()
    identifier = body["entry"][0]["resource"]["identifier"][0]["value"]
    posted = post(api, body).json()
    api.get(f"/api/v1/patients/{posted['id']}")
    answer = api.get("/api/v1/audit-events", {"patient": posted["id"]}).content.decode()
    rows = json.dumps(list(AccessEvent.objects.values()), default=str)
    for text in (answer, rows):
        assert identifier not in text
        assert body["entry"][0]["resource"]["birthDate"] not in text


def test_the_audit_api_answers_the_patients_events_newest_first(api):
    posted = post(api).json()
    api.get(f"/api/v1/patients/{posted['id']}")
    api.get(f"/api/v1/patients/{posted['id']}/matches")
    body = api.get("/api/v1/audit-events", {"patient": posted["id"]}).json()
    assert [e["action"] for e in body["results"]] == ["matches.read", "patient.read", "patient.write"]
    first = body["results"][0]
    assert set(first) == {"at", "actor", "client", "patient", "action"}
    assert (first["actor"], first["client"], first["patient"]) == ("client:hospital-a", "hospital-a", posted["id"])
    assert body["next"] is None


def test_the_audit_api_is_cursor_paginated(api):
    posted = post(api).json()
    for _ in range(4):
        api.get(f"/api/v1/patients/{posted['id']}")
    seen, url, params = [], "/api/v1/audit-events", {"patient": posted["id"], "page_size": 2}
    while url:
        page = api.get(url, params).json()
        assert len(page["results"]) <= 2
        seen += [e["action"] for e in page["results"]]
        url, params = page["next"], None
    assert seen == ["patient.read"] * 4 + ["patient.write"]


@pytest.mark.parametrize("patient", ["other-client", "unknown", "not-a-uuid"])
def test_the_audit_api_answers_404_for_a_patient_that_is_not_the_clients(api, make_client, patient):
    other = post(make_client("hospital-b")).json()["id"]
    ids = {"other-client": other, "unknown": "00000000-0000-4000-8000-000000000000", "not-a-uuid": "x"}
    assert api.get("/api/v1/audit-events", {"patient": ids[patient]}).status_code == 404


def test_without_a_patient_the_audit_api_answers_all_of_the_clients_patients_and_no_others(api, make_client):
    mine = post(api).json()["id"]
    other_api = make_client("hospital-b")
    post(other_api, bundle("D03"))
    answer = api.get("/api/v1/audit-events").json()["results"]
    assert {(e["client"], e["patient"]) for e in answer} == {("hospital-a", mine)}


def test_a_deleted_patient_keeps_its_events_without_its_id(api):
    posted = post(api).json()
    api.get(f"/api/v1/patients/{posted['id']}")
    assert api.delete(f"/api/v1/patients/{posted['id']}").status_code == 204
    assert events() == [
        ("patient.write", "client", "hospital-a", "hospital-a", None),
        ("patient.read", "client", "hospital-a", "hospital-a", None),
        ("patient.delete", "client", "hospital-a", "hospital-a", None),
    ]
    assert api.get("/api/v1/audit-events", {"patient": posted["id"]}).status_code == 404
    actions = [e["action"] for e in api.get("/api/v1/audit-events").json()["results"]]
    assert actions == ["patient.delete", "patient.read", "patient.write"]


@pytest.fixture
def refuse_events():
    """Makes the trail's table refuse inserts of one action, as a full disk or a lost lock
    would for all: a real database error, not a mock."""
    made = []

    def refuse(action: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "CREATE FUNCTION refuse_access_event() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'trail unavailable'; END $$"
            )
            cursor.execute(
                "CREATE TRIGGER refuse_access_event BEFORE INSERT ON matcher_accessevent "
                f"FOR EACH ROW WHEN (NEW.action = '{action}') EXECUTE FUNCTION refuse_access_event()"
            )
        made.append(action)

    yield refuse
    if made:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER refuse_access_event ON matcher_accessevent")
            cursor.execute("DROP FUNCTION refuse_access_event()")


def test_a_read_is_answered_even_when_its_event_cannot_be_recorded(api, refuse_events, caplog):
    posted = post(api).json()
    refuse_events("patient.read")
    with caplog.at_level(logging.WARNING, logger="matcher.audit.trail"):
        response = api.get(f"/api/v1/patients/{posted['id']}")
        matches = api.get(f"/api/v1/patients/{posted['id']}/matches")  # the transaction is still usable
    assert (response.status_code, matches.status_code) == (200, 200)
    assert response.json()["id"] == posted["id"]
    assert "patient.read not recorded" in caplog.text
    assert posted["id"] not in caplog.text
    assert [a for (a, *_) in events()] == ["patient.write", "matches.read"]


def test_a_write_whose_event_cannot_be_recorded_does_not_happen(api, refuse_events):
    refuse_events("patient.write")
    api.raise_request_exception = False
    response = post(api)
    assert response.status_code == 500
    assert (Patient.objects.count(), MatchJob.objects.count()) == (0, 0)


def test_the_fhir_operations_record_their_reads_and_writes(api, seeded, settings):
    """``POST /fhir/match`` stores and matches the patient like a post; ResearchSubject reads the
    coordinators' work on its matches."""
    settings.ELIGO_FHIR_MATCH_WAIT_SECONDS = 0
    answer = api.post("/api/v1/fhir/match", json.dumps(bundle()), content_type=FHIR)
    assert answer.status_code in (200, 202)
    patient = Patient.objects.get().id
    assert api.get("/api/v1/fhir/ResearchSubject", {"patient": str(patient)}).status_code == 200
    assert [(a, kind, p) for a, kind, _, _, p in events()][0] == ("patient.write", "client", patient)
    assert ("matches.read", "client", patient) in [(a, kind, p) for a, kind, _, _, p in events()][1:]
