"""Jobs whose message or result was lost are handed out again by the sweep."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from matcher.matching import jobs
from matcher.models import MatchJob, Patient

pytestmark = pytest.mark.django_db


@pytest.fixture
def patient(api) -> Patient:
    return Patient.objects.create(
        client=api.eligo_client, identifier_value="p1", format="fhir", record={}, facts={}
    )


def _job(patient: Patient, status: str, age: timedelta) -> MatchJob:
    job = MatchJob.objects.create(patient=patient, client=patient.client, status=status)
    MatchJob.objects.filter(pk=job.pk).update(created=timezone.now() - age)
    return job


@pytest.mark.parametrize("status", ["queued", "running"])
def test_a_job_queued_or_running_for_over_an_hour_is_stalled(patient, status):
    job = _job(patient, status, timedelta(hours=2))
    assert jobs.stalled_jobs() == [str(job.pk)]


@pytest.mark.parametrize("status,age", [("queued", timedelta(minutes=5)), ("succeeded", timedelta(hours=2)), ("failed", timedelta(hours=2))])
def test_a_recent_or_finished_job_is_not_stalled(patient, status, age):
    _job(patient, status, age)
    assert jobs.stalled_jobs() == []
