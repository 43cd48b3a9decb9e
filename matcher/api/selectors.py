"""Reading patients, jobs and results, always through the client: tenancy lives here, so no
view can forget it. Another client's object is simply not found (404), never forbidden."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from matcher.db.arrays import AnyOf
from matcher.models import AccessEvent, ApiClient, MatchJob, MatchResult, Patient
from matcher.results.history import ChangeHistory
from matcher.results.render import Pinned, answer_lines
from trials.models import Trial
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
    Python and every result keeps the rank it has in the whole list.

    Two statements, each with one plan (``patient_results``, ``open_trials_of``), where one join
    let the planner drive from the open trials through the (trial, state) index and filter each
    trial's results by patient: measured on bench/e2e.py's database (1,000 trials, ~370 patients,
    no statistics since never analysed) 396 ms of PostgreSQL CPU and ~1 s a matches GET, growing
    with the patients stored; the split reads one patient's rows through the unique (patient,
    trial) index whatever the statistics say (~8 ms)."""
    rows = patient_results(patient)
    trials = open_trials_of({row["trial_id"] for row in rows})
    heads: list[dict] = []
    for row in rows:
        trial = trials.get(row.pop("trial_id"))
        if trial is not None:  # a trial closed since is gone at once
            row["trial_nct_id"], row["title"], row["status"] = trial
            heads.append(row)
    heads.sort(key=rank_key)
    for rank, row in enumerate(heads, start=1):
        row["rank"] = rank
    return heads


_HEAD_FIELDS = (
    "id", "trial_id", "eligibility", "eligibility_rank", "score", "error", "changes_on", "first_seen", "last_changed",
    "criteria_version_id", "evaluated_at", "patient_id", "facts_version_id", "outcomes",
)


def patient_results(patient: Patient) -> list[dict]:
    """The patient's active result rows (``_HEAD_FIELDS``), by the patient's own index alone."""
    return [dict(row) for row in MatchResult.objects.filter(patient=patient, state=MatchResult.State.ACTIVE).values(*_HEAD_FIELDS)]


def open_trials_of(trial_pks: set[int]) -> dict[int, tuple[str, str, str]]:
    """{pk: (nct_id, title, status)} of those trials that are open to matching, by primary key."""
    if not trial_pks:
        return {}
    return {
        pk: (nct_id, title, status)
        for pk, nct_id, title, status in Trial.objects.filter(
            AnyOf("pk", sorted(trial_pks)), overall_status__in=OPEN_STATUSES
        ).values_list("pk", "nct_id", "title", "overall_status")
    }


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
        # the full form keeps the list as rendered (a ``render.Gathered`` joins its encoded lines in C)
        criteria[r["id"]] = failing_only(shown, parents, r["eligibility"]) if failing else shown
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
