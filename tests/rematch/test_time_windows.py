"""Verdicts that change with time alone: the date is recorded on the result (or, for a trial the
patient is not yet a candidate for, on the patient), the patient's next re-match is scheduled for
it, the nightly sweep runs it, and the change says "time"."""

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


def test_a_trial_whose_age_gate_the_patient_fails_is_not_stored_and_its_day_is_kept(patient, api):
    """At 17 the trial is not a candidate (its "Age ≥18" line alone decides): nothing stored."""
    assert not MatchResult.objects.filter(patient=patient, trial__nct_id="NCT06559644").exists()
    answer = api.get(f"/api/v1/patients/{patient.pk}/matches/NCT06559644").json()
    assert answer["eligibility"] == "ineligible" and answer["gate"]["position"] == 1


def test_a_result_already_held_is_judged_again_and_records_the_day_time_alone_changes_it(api, seeded):
    """Matched at 25 (a candidate, stored), then the record says 17: the held result is brought up
    to date rather than left standing, and keeps the day time alone changes it."""
    bundle = json.loads((EXAMPLES / "patients" / "D02.json").read_text())
    pid = api.post("/api/v1/patients", json.dumps(bundle), content_type="application/fhir+json").json()["id"]
    jobs.run_job(MatchJob.objects.get(patient_id=pid).pk, as_of=TODAY)
    assert MatchResult.objects.get(patient_id=pid, trial__nct_id="NCT06559644").eligibility != "ineligible"
    for entry in bundle["entry"]:
        if entry["resource"]["resourceType"] == "Patient":
            entry["resource"]["birthDate"] = "2008-12-02"
    api.post("/api/v1/patients", json.dumps(bundle), content_type="application/fhir+json")
    jobs.run_job(MatchJob.objects.get(patient_id=pid, status="queued").pk, as_of=TODAY)
    result = MatchResult.objects.get(patient_id=pid, trial__nct_id="NCT06559644")
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
    change = MatchChange.objects.get(result=result, kind="appeared")  # a candidate from that day on
    assert change.cause == "time"


def test_a_rematch_on_the_same_day_with_the_same_record_writes_nothing(patient):
    stamps = dict(MatchResult.objects.filter(patient=patient).values_list("pk", "last_changed"))
    job = MatchJob.objects.create(patient=patient, client=patient.client, trigger="requested")
    jobs.run_job(job.pk, as_of=TODAY)
    assert dict(MatchResult.objects.filter(patient=patient).values_list("pk", "last_changed")) == stamps
    assert MatchChange.objects.filter(patient=patient).exclude(kind="appeared").count() == 0


def test_the_nightly_sweep_is_scheduled_and_editable_in_the_database(migrated_rows):
    migrated_rows("matcher", "0002_results_per_patient_trial", "add_nightly_sweep",
                  PeriodicTask.objects.filter(task="matcher.tasks.nightly_rematch_sweep").exists())
    task = PeriodicTask.objects.get(task="matcher.tasks.nightly_rematch_sweep")
    assert task.enabled and task.crontab is not None
