"""Many trial changes announced together (a bulk import) re-match each patient once, instead of
fanning every change out over every patient; a few are fanned out as always."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.matching import bulk_rematch, jobs
from matcher.models import MatchJob, Patient
from tests.conftest import EXAMPLES
from trials import services
from trials.models import Trial, TrialChange

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 22)


@pytest.fixture
def patients(api, seeded) -> list[str]:
    ids = []
    for name in ("D01", "D02", "D03"):
        body = (EXAMPLES / "patients" / f"{name}.json").read_bytes()
        ids.append(api.post("/api/v1/patients", body, content_type="application/fhir+json").json()["id"])
    for job in MatchJob.objects.filter(status="queued"):
        jobs.run_job(job.pk, as_of=TODAY)
    return ids


@pytest.fixture
def changes(patients) -> list[int]:
    for trial in Trial.objects.all():
        services.set_status(trial, "WITHDRAWN")
    return list(TrialChange.objects.order_by("pk").values_list("pk", flat=True))


@pytest.fixture
def fanned_out(monkeypatch) -> list[int]:
    sent: list[int] = []
    monkeypatch.setattr(bulk_rematch.dispatch, "process_trial_change", sent.append)
    return sent


def test_many_changes_queue_one_job_per_patient_and_are_marked_covered(changes, patients, fanned_out, monkeypatch):
    monkeypatch.setattr(bulk_rematch, "BULK_FROM", len(changes))
    bulk_rematch.on_trials_changed(None, change_ids=changes)
    queued = MatchJob.objects.filter(status="queued", trigger=MatchJob.Trigger.TRIAL_CHANGED)
    assert sorted(str(p) for p in queued.values_list("patient_id", flat=True)) == sorted(patients)
    assert fanned_out == []
    assert not TrialChange.objects.filter(processed=None).exists()
    assert all(o.startswith("covered by one re-match of every patient (3)") for o in TrialChange.objects.values_list("outcome", flat=True))


def test_a_patient_with_a_job_already_waiting_gets_no_second_one(changes, patients, fanned_out, monkeypatch):
    monkeypatch.setattr(bulk_rematch, "BULK_FROM", 1)
    bulk_rematch.on_trials_changed(None, change_ids=changes[:1])
    bulk_rematch.on_trials_changed(None, change_ids=changes[1:])
    assert MatchJob.objects.filter(status="queued").count() == Patient.objects.count()


def test_a_few_changes_are_fanned_out_one_by_one_as_always(changes, fanned_out, monkeypatch):
    monkeypatch.setattr(bulk_rematch, "BULK_FROM", len(changes) + 1)
    bulk_rematch.on_trials_changed(None, change_ids=changes)
    assert fanned_out == changes
    assert not MatchJob.objects.filter(status="queued").exists()
    assert TrialChange.objects.filter(processed=None).count() == len(changes)
