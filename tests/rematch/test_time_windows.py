"""Verdicts that change with time alone: the date is recorded on the result, the patient's next
re-match is scheduled for it, the nightly sweep runs it, and the change says "time"."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django_celery_beat.models import PeriodicTask

from matcher.matching import jobs, rematch
from matcher.models import MatchChange, MatchJob, MatchResult, Patient
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 22)


BIRTHDAY_18 = date(2026, 12, 2)  # ten days after TODAY


@pytest.fixture
def patient(api, seeded) -> Patient:
    """D02 (relapsed B-ALL, possibly eligible for NCT06559644 at 25), made 17 and turning 18
    in ten days: that trial asks for "Age ≥18 and <70"."""
    bundle = json.loads((EXAMPLES / "patients" / "D02.json").read_text())
    for entry in bundle["entry"]:
        if entry["resource"]["resourceType"] == "Patient":
            entry["resource"]["birthDate"] = "2008-12-02"
    pid = api.post("/api/v1/patients", json.dumps(bundle), content_type="application/fhir+json").json()["id"]
    jobs.run_job(MatchJob.objects.get(patient_id=pid).pk, as_of=TODAY)
    return Patient.objects.get(pk=pid)


def test_a_result_records_the_day_time_alone_changes_it(patient):
    result = MatchResult.objects.get(patient=patient, trial__nct_id="NCT06559644")
    assert (result.eligibility, result.changes_on) == ("ineligible", BIRTHDAY_18)


def test_the_patients_next_rematch_is_the_earliest_such_day(patient):
    assert patient.rematch_on == BIRTHDAY_18


def test_the_sweep_before_that_day_queues_nothing(patient):
    assert rematch.sweep_due_patients(today=patient.rematch_on - timedelta(days=1)) == rematch.Batch(0, None)
    assert not MatchJob.objects.filter(trigger="scheduled").exists()


def test_the_sweep_on_that_day_queues_a_scheduled_job_for_the_patient(patient):
    assert rematch.sweep_due_patients(today=patient.rematch_on).done == 1
    assert MatchJob.objects.filter(patient=patient, trigger="scheduled", status="queued").count() == 1


def test_a_verdict_changed_by_the_passing_of_time_says_time(patient):
    job = MatchJob.objects.create(patient=patient, client=patient.client, trigger="scheduled")
    jobs.run_job(job.pk, as_of=BIRTHDAY_18)
    result = MatchResult.objects.get(patient=patient, trial__nct_id="NCT06559644")
    assert result.eligibility != "ineligible"
    change = MatchChange.objects.get(result=result, kind="changed")
    assert (change.old_eligibility, change.cause) == ("ineligible", "time")


def test_a_rematch_on_the_same_day_with_the_same_record_writes_nothing(patient):
    stamps = dict(MatchResult.objects.filter(patient=patient).values_list("pk", "last_changed"))
    job = MatchJob.objects.create(patient=patient, client=patient.client, trigger="requested")
    jobs.run_job(job.pk, as_of=TODAY)
    assert dict(MatchResult.objects.filter(patient=patient).values_list("pk", "last_changed")) == stamps
    assert MatchChange.objects.filter(patient=patient).exclude(kind="appeared").count() == 0


def test_the_nightly_sweep_is_scheduled_and_editable_in_the_database():
    task = PeriodicTask.objects.get(task="matcher.tasks.nightly_rematch_sweep")
    assert task.enabled and task.crontab is not None
