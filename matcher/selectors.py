"""Reading patients, jobs and results, always through the client: tenancy lives here, so no
view can forget it. Another client's object is simply not found (404), never forbidden."""

from __future__ import annotations

import uuid

from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404

from matcher.models import ApiClient, CriterionResult, MatchChange, MatchJob, MatchResult, Patient
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


def current_results(patient: Patient, eligibility: list[str] | None = None) -> QuerySet[MatchResult]:
    """The patient's active results for open trials, ranked (contract section 4): the rank is a
    window over the whole list, so a filtered answer keeps each result's overall rank."""
    ranked = (
        MatchResult.objects.filter(patient=patient, state=MatchResult.State.ACTIVE)
        .filter(trial__overall_status__in=OPEN_STATUSES)  # a trial closed since is gone at once
        .annotate(rank=Window(RowNumber(), order_by=[F("eligibility_rank").asc(), F("score").desc(), F("trial__nct_id").asc()]))
        .select_related("trial")
        .prefetch_related(
            Prefetch("criteria", queryset=CriterionResult.objects.select_related("criterion").order_by("position"))
        )
        .order_by("rank")
    )
    if eligibility:
        ranked = ranked.filter(eligibility__in=eligibility)
    return ranked


def changes_of(patient: Patient) -> QuerySet[MatchChange]:
    return MatchChange.objects.filter(patient=patient).select_related("trial").order_by("-created", "-id")
