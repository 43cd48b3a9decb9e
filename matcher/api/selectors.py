"""Reading patients, jobs and results, always through the client: tenancy lives here, so no
view can forget it. Another client's object is simply not found (404), never forbidden."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import F, QuerySet
from django.http import Http404

from matcher.models import AccessEvent, ApiClient, MatchJob, MatchResult, Patient
from matcher.results.history import ChangeHistory
from matcher.results.render import Pinned, answer_lines
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


# A result's place in the ranking (contract section 4): eligibility class, higher score first,
# then NCT id so equal scores keep one order across pages.
RankKey = tuple[int, float, str]


def rank_key(row: dict) -> RankKey:
    return (row["eligibility_rank"], -row["score"], row["trial_nct_id"])


def _ranked_heads(patient: Patient) -> list[dict]:
    """Every active result of an open trial, without criteria, in rank order, each with its
    overall rank: small rows (~1,000 at 1,000 open trials), so filters and pages are cut in
    Python and every result keeps the rank it has in the whole list."""
    rows: list[dict] = [
        dict(row)
        for row in MatchResult.objects.filter(patient=patient, state=MatchResult.State.ACTIVE)
        .filter(trial__overall_status__in=OPEN_STATUSES)  # a trial closed since is gone at once
        .values(
            "id", "eligibility", "eligibility_rank", "score", "error", "changes_on", "first_seen", "last_changed",
            "criteria_version_id", "evaluated_at", "patient_id", "facts_version_id", "outcomes",
            trial_nct_id=F("trial__nct_id"), title=F("trial__title"),
            status=F("trial__overall_status"),
        )
    ]
    rows.sort(key=rank_key)
    for rank, row in enumerate(rows, start=1):
        row["rank"] = rank
    return rows


def failing_only(criteria: list[tuple], parents: list[int | None], eligibility: str) -> list[tuple]:
    """``?criteria=failing``: the top-level lines that decide the verdict against the patient
    (an inclusion not met, an exclusion met) and, while the verdict is possibly eligible, the
    undecided lines that keep it open (unknown and not left to review). Nested lines never
    decide on their own (their heading does), and an eligible verdict has none."""
    kept = []
    for (type_, text, outcome, review, reason), parent in zip(criteria, parents, strict=True):
        if parent is not None:
            continue
        against = (type_ == "inclusion" and outcome == "not_met") or (type_ == "exclusion" and outcome == "met")
        open_ = eligibility == "possibly_eligible" and outcome == "unknown" and not review
        if against or open_:
            kept.append((type_, text, outcome, review, reason))
    return kept


def _with_criteria(heads: list[dict], failing: bool) -> list[dict]:
    """The heads with their lines, rendered from the pinned versions (``matcher.results.render``)."""
    # the failing form of an eligible verdict has no lines: nothing to render for it
    lines = answer_lines([Pinned.of(r) for r in heads if not (failing and r["eligibility"] == "eligible")])
    criteria: dict[int, list[tuple]] = {}
    for r in heads:
        shown, parents = lines.get(r["id"], ([], []))
        criteria[r["id"]] = failing_only(shown, parents, r["eligibility"]) if failing else list(shown)
    return [
        {
            "rank": r["rank"], "trial": r["trial_nct_id"], "title": r["title"], "status": r["status"],
            "eligibility": r["eligibility"], "score": r["score"], "criteria": criteria[r["id"]], "error": r["error"],
            "changes_on": r["changes_on"], "first_seen": r["first_seen"], "last_changed": r["last_changed"] or r["first_seen"],
        }
        for r in heads
    ]


@dataclass(frozen=True)
class Page:
    results: list[dict]
    last: RankKey | None  # the rank key of the last result when more follow, else None


def current_results(
    patient: Patient,
    eligibility: list[str] | None = None,
    *,
    after: RankKey | None = None,
    limit: int | None = None,
    failing: bool = False,
) -> list[dict]:
    """The patient's active results for open trials, ranked (contract section 4), each with
    every criterion's outcome as a (type, text, outcome, review, reason) tuple, as plain data
    for ``matches_json.render``. A filtered answer keeps each result's overall rank."""
    return results_page(patient, eligibility, after=after, limit=limit, failing=failing).results


def results_page(
    patient: Patient,
    eligibility: list[str] | None = None,
    *,
    after: RankKey | None = None,
    limit: int | None = None,
    failing: bool = False,
) -> Page:
    """One page of ``current_results``: the results ranked after ``after`` (a keyset, so a
    result that changes between two pages neither repeats nor skips the others), at most
    ``limit`` of them. Reasons are rendered only for the page."""
    heads = _ranked_heads(patient)
    if eligibility:
        heads = [r for r in heads if r["eligibility"] in eligibility]
    if after is not None:
        heads = [r for r in heads if rank_key(r) > after]
    more = limit is not None and len(heads) > limit
    if limit is not None:
        heads = heads[:limit]
    return Page(_with_criteria(heads, failing), rank_key(heads[-1]) if more and heads else None)


def stored_result(patient: Patient, nct_id: str, failing: bool = False) -> dict | None:
    """The stored result of one open trial, exactly as its row in ``current_results``."""
    found = [r for r in _ranked_heads(patient) if r["trial_nct_id"] == nct_id]
    if not found:
        return None
    return {**_with_criteria(found, failing)[0], "evaluated_at": found[0]["evaluated_at"]}


def changes_of(patient: Patient) -> ChangeHistory:
    """Stored changes and the appearances their results imply (``matcher.results.history``)."""
    return ChangeHistory.where(patient=patient)


def access_events_of(client: ApiClient, patient_id: uuid.UUID | None = None) -> QuerySet[AccessEvent]:
    """The client's patients' access events (a deleted patient's among them, without its id)."""
    events = AccessEvent.objects.filter(client=client)
    if patient_id is not None:
        events = events.filter(patient=patient_id)
    return events.order_by("-at", "-id")
