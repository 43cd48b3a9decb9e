"""Reading patients, jobs and results, always through the client: tenancy lives here, so no
view can forget it. Another client's object is simply not found (404), never forbidden."""

from __future__ import annotations

import uuid

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from matcher.models import ApiClient, CriterionResult, MatchJob, MatchResult, Patient
from trials.records import OPEN_STATUSES


def _uuid_or_404(value: object) -> uuid.UUID:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise Http404 from None


def patients_of(client: ApiClient) -> QuerySet[Patient]:
    return Patient.objects.filter(client=client)


def patient_of(client: ApiClient, patient_id: object) -> Patient:
    patient = patients_of(client).filter(pk=_uuid_or_404(patient_id)).first()
    if patient is None:
        raise Http404
    return patient


def job_of(client: ApiClient, job_id: object) -> MatchJob:
    job = MatchJob.objects.filter(client=client, pk=_uuid_or_404(job_id)).first()
    if job is None:
        raise Http404
    return job


def latest_succeeded_job(patient: Patient) -> MatchJob | None:
    return (
        MatchJob.objects.filter(patient=patient, status=MatchJob.Status.SUCCEEDED).order_by("-finished").first()
    )


def results_of(job: MatchJob, eligibility: list[str] | None = None) -> QuerySet[MatchResult]:
    results = (
        MatchResult.objects.filter(job=job)
        .select_related("trial")
        .prefetch_related(
            Prefetch("criteria", queryset=CriterionResult.objects.select_related("criterion").order_by("position"))
        )
        .filter(trial__overall_status__in=OPEN_STATUSES)  # a trial closed since the job is gone at once
        .order_by("rank")
    )
    if eligibility:
        results = results.filter(eligibility__in=eligibility)
    return results
