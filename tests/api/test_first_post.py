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


def _claimed(job: MatchJob, claimed) -> tuple:
    claim, run = claimed
    job.refresh_from_db()
    assert claim.job_id == job.pk and claim.token == job.claim
    return (run, job.status, job.deliveries, job.started is not None)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["D01.json", "D04.json"])
def test_claiming_a_job_to_run_reads_what_the_claim_and_the_orms_read_give(monkeypatch, name):
    from matcher.matching import jobs

    client, _ = create_api_client("first-post")
    fast_job = MatchJob.objects.get(patient=_post(client, name, "fast"))
    plain_job = MatchJob.objects.get(patient=_post(client, name, "plain"))
    fast = _claimed(fast_job, jobs.claim_to_run(fast_job.pk))
    monkeypatch.setattr(jobs, "claim_and_read", lambda *a: None)
    plain = _claimed(plain_job, jobs.claim_to_run(str(plain_job.pk)))
    assert fast[1:] == plain[1:] == ("running", 1, True)
    for job, (run, *_) in ((fast_job, fast), (plain_job, plain)):
        assert (run.patient_id, run.client_id, run.trigger) == (job.patient_id, job.client_id, job.trigger)
        assert (run.facts, run.facts_version_id) == (job.patient.facts, job.patient.facts_version_id)
    assert fast[0].facts == plain[0].facts and fast[0].facts_version_id is not None


@pytest.mark.django_db
def test_a_job_claimed_as_often_as_allowed_is_not_claimed_to_run_but_dead_lettered():
    from matcher.matching import jobs

    client, _ = create_api_client("first-post")
    job = MatchJob.objects.get(patient=_post(client, "D02.json", "dead"))
    MatchJob.objects.filter(pk=job.pk).update(deliveries=jobs.MAX_DELIVERIES)
    assert jobs.claim_to_run(job.pk) is None
    job.refresh_from_db()
    assert (job.status, job.deliveries) == ("failed", jobs.MAX_DELIVERIES)
