"""A new patient's post makes its facts version and its queued job without asking for earlier
ones (``matcher.patients.first_post``): the rows equal the plain way's (``record_facts`` and
``queue_match``), and the plain way, asked afterwards, finds them current and queued."""

from __future__ import annotations

import json

import pytest
from django.db import transaction

from matcher import intake
from matcher.api.clients import create_api_client
from matcher.matching.jobs import queue_match
from matcher.models import MatchJob, Patient, PatientFactsVersion
from matcher.patients import first_post, store
from matcher.results.facts_versions import record_facts
from tests.conftest import EXAMPLES


def _post(client, name: str, identifier: str) -> Patient:
    bundle = json.loads((EXAMPLES / "patients" / name).read_text())
    bundle["entry"][0]["resource"]["identifier"][0]["value"] = identifier
    validated = intake.validate_bundle(bundle, strict=False)
    patient, created, _ = store.upsert_patient(client, intake.normalise(validated), validated.data, Patient.Format.FHIR)
    assert created
    return patient


def _rows(patient: Patient) -> tuple:
    patient.refresh_from_db()
    versions = list(PatientFactsVersion.objects.filter(patient=patient).values_list("number", "facts", "digest"))
    current = PatientFactsVersion.objects.get(pk=patient.facts_version_id).number
    jobs = list(MatchJob.objects.filter(patient=patient).values_list("client_id", "status", "trigger", "deliveries", "claim"))
    return versions, current, jobs


def _plain(monkeypatch):
    """The plain way in the shortcut's place."""
    monkeypatch.setattr(first_post, "first_facts_version", record_facts)
    monkeypatch.setattr(first_post, "first_job", queue_match)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["D01.json", "D05.json"])
def test_a_new_patients_version_and_job_are_the_plain_ways(monkeypatch, name):
    client, _ = create_api_client("first-post")
    fast = _rows(_post(client, name, "fast"))
    _plain(monkeypatch)
    assert fast == _rows(_post(client, name, "plain"))
    assert fast[1] == 1 and len(fast[2]) == 1


@pytest.mark.django_db
def test_the_plain_way_finds_the_shortcuts_version_current_and_its_job_queued():
    client, _ = create_api_client("first-post")
    patient = _post(client, "D02.json", "again")
    version, job = patient.facts_version_id, MatchJob.objects.get(patient=patient)
    with transaction.atomic():
        assert record_facts(patient.id, patient.facts) == version
        assert queue_match(patient, MatchJob.Trigger.PATIENT_POSTED).pk == job.pk
    assert PatientFactsVersion.objects.filter(patient=patient).count() == 1
    assert MatchJob.objects.filter(patient=patient).count() == 1


@pytest.mark.django_db
def test_a_repeated_post_takes_the_plain_way(monkeypatch):
    client, _ = create_api_client("first-post")
    _post(client, "D03.json", "twice")
    called = []
    monkeypatch.setattr(first_post, "first_job", lambda *a: called.append(a))
    bundle = json.loads((EXAMPLES / "patients" / "D03.json").read_text())
    bundle["entry"][0]["resource"]["identifier"][0]["value"] = "twice"
    validated = intake.validate_bundle(bundle, strict=False)
    _, created, _ = store.upsert_patient(client, intake.normalise(validated), validated.data, Patient.Format.FHIR)
    assert not created and not called


@pytest.mark.django_db
def test_a_job_to_run_holds_what_run_job_reads_as_the_whole_rows_do(django_assert_num_queries):
    from matcher.matching.jobs import RUN_FIELDS, job_to_run

    client, _ = create_api_client("first-post")
    patient = _post(client, "D04.json", "run")
    job = MatchJob.objects.get(patient=patient)
    plain = MatchJob.objects.select_related("patient").get(pk=job.pk)
    narrow = job_to_run(job.pk)
    with django_assert_num_queries(0):  # a deferred field would be read by a query of its own
        read = [(narrow.patient if "__" in f else narrow).__dict__[f.split("__")[-1]] for f in RUN_FIELDS]
        assert (narrow.patient.facts, narrow.patient.facts_version_id, narrow.patient_id, narrow.client_id, narrow.trigger) == (
            plain.patient.facts, plain.patient.facts_version_id, plain.patient_id, plain.client_id, plain.trigger
        )
    assert read == [getattr(plain.patient if "__" in f else plain, f.split("__")[-1]) for f in RUN_FIELDS]
