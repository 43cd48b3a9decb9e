"""Reading patients, jobs and results, always through the client: tenancy lives here, so no
view can forget it. Another client's object is simply not found (404), never forbidden."""

from __future__ import annotations

import uuid

from django.db.models import F, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404

from matcher.db.hints import index_reads
from matcher.models import AccessEvent, ApiClient, CriterionResult, MatchChange, MatchJob, MatchResult, Patient
from matcher.results.lines import version_lines
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


def current_results(patient: Patient, eligibility: list[str] | None = None) -> list[dict]:
    """The patient's active results for open trials, ranked (contract section 4), each with
    every criterion's outcome as a (type, text, outcome, review, reason) tuple, as plain data
    for ``matches_json.render``.

    The rank is a window over the whole list, so a filtered answer keeps each result's overall
    rank. Rows are read as tuples, not model instances: at 1,000 open trials an answer holds
    about 28,000 criterion outcomes, and building that many objects was most of its time.
    """
    ranked = (
        MatchResult.objects.filter(patient=patient, state=MatchResult.State.ACTIVE)
        .filter(trial__overall_status__in=OPEN_STATUSES)  # a trial closed since is gone at once
        .annotate(rank=Window(RowNumber(), order_by=[F("eligibility_rank").asc(), F("score").desc(), F("trial__nct_id").asc()]))
        .order_by("rank")
    )
    if eligibility:
        ranked = ranked.filter(eligibility__in=eligibility)
    results = list(
        ranked.values(
            "id", "rank", "eligibility", "score", "error", "changes_on", "first_seen", "last_changed",
            "criteria_version_id", trial_nct_id=F("trial__nct_id"), title=F("trial__title"),
            status=F("trial__overall_status"),
        )
    )
    lines_of = version_lines({r["criteria_version_id"] for r in results})
    version_of = {r["id"]: lines_of[r["criteria_version_id"]] for r in results}
    criteria: dict[int, list[tuple]] = {r["id"]: [] for r in results}
    # The lines' words come from the per-process cache of versions, not a join: one patient's
    # answer holds ~28,000 criterion outcomes at 1,000 open trials.
    query = (
        CriterionResult.objects.filter(result_id__in=list(criteria))
        .order_by("result_id", "position")
        .values_list("result_id", "position", "outcome", "review", "reason")
    )
    with index_reads():
        rows = list(query)
    for result_id, position, outcome, review, reason in rows:
        line = version_of[result_id][position]
        criteria[result_id].append((line.type, line.text, outcome, review, reason))
    return [
        {
            "rank": r["rank"], "trial": r["trial_nct_id"], "title": r["title"], "status": r["status"],
            "eligibility": r["eligibility"], "score": r["score"], "criteria": criteria[r["id"]], "error": r["error"],
            "changes_on": r["changes_on"], "first_seen": r["first_seen"], "last_changed": r["last_changed"],
        }
        for r in results
    ]


def changes_of(patient: Patient) -> QuerySet[MatchChange]:
    return MatchChange.objects.filter(patient=patient).select_related("trial").order_by("-created", "-id")


def access_events_of(client: ApiClient, patient_id: uuid.UUID | None = None) -> QuerySet[AccessEvent]:
    """The client's patients' access events (a deleted patient's among them, without its id)."""
    events = AccessEvent.objects.filter(client=client)
    if patient_id is not None:
        events = events.filter(patient=patient_id)
    return events.order_by("-at", "-id")
