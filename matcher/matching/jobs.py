"""Match jobs: queue one for a patient, claim it, evaluate the patient against every open trial,
store what changed and record it in one transaction (matcher.results, then
matcher.matching.changes; ranking happens when results are read).

The claim is a conditional update, in the spirit of healthchecks' outbox rows: whoever holds
the newest claim token is the only one allowed to store results, so a task redelivered while a
first delivery is still running cannot store twice, and a job whose worker was killed is
picked up again by the redelivery.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from matcher.db.hints import relax_commit_durability
from matcher.matching import clock
from matcher.matching.changes import record_changes
from matcher.matching.claim_read import JobToRun, claim_and_read
from matcher.matching.engine_cache import engine_cache
from matcher.models import MatchChange, MatchJob, MatchResult, Patient
from matcher.results.facts_versions import version_of
from matcher.results.store import PatientEvaluation, TrialRef, locked_trial_states, store_evaluations
from matcher.webhooks.delivery import notifies
from matcher.worker import dispatch
from rules_engine.facts import PatientFacts

logger = logging.getLogger(__name__)

MAX_DELIVERIES = 3


def queue_match(patient: Patient, trigger: str) -> MatchJob:
    """A queued job for the patient, handed to a worker once the caller's transaction commits.

    At most one job per patient waits in the queue: while one is queued (no worker has claimed
    it yet) it is returned instead of a second, so looping ``POST /patients/{id}/match`` cannot
    fill the queue every tenant shares. The waiting job reads the patient's facts when it runs,
    so it covers this call too. The patient row is locked first, so two calls at once cannot
    both create one; the queued job's row stays locked until the caller commits, so a worker
    cannot claim it (and read the facts) before the caller's writes are visible.
    """
    with transaction.atomic():
        Patient.objects.select_for_update().filter(pk=patient.pk).values_list("pk", flat=True).first()
        queued = (
            MatchJob.objects.select_for_update()
            .filter(patient=patient, status=MatchJob.Status.QUEUED)
            .order_by("created")
            .first()
        )
        if queued is not None:
            return queued
        job = MatchJob.objects.create(patient=patient, client_id=patient.client_id, trigger=trigger)
        dispatch.run_match_job(str(job.id))
    return job


@dataclass(frozen=True)
class Claim:
    job_id: uuid.UUID
    token: uuid.UUID


def claim_job(job_id: uuid.UUID | str) -> Claim | None:
    """Take the job for this delivery, or None when it is finished or dead-lettered.

    A job is claimable while queued or running (running means an earlier delivery's worker
    died, or is still going past the visibility timeout: the newer claim wins either way).
    """
    token = uuid.uuid4()
    now = timezone.now()
    claimed = MatchJob.objects.filter(
        pk=job_id, status__in=[MatchJob.Status.QUEUED, MatchJob.Status.RUNNING], deliveries__lt=MAX_DELIVERIES
    ).update(status=MatchJob.Status.RUNNING, started=now, claim=token, deliveries=F("deliveries") + 1)
    if claimed:
        return Claim(job_id=uuid.UUID(str(job_id)), token=token)
    dead = MatchJob.objects.filter(
        pk=job_id, status__in=[MatchJob.Status.QUEUED, MatchJob.Status.RUNNING], deliveries__gte=MAX_DELIVERIES
    ).update(
        status=MatchJob.Status.FAILED,
        finished=now,
        error=f"dead-lettered: delivered {MAX_DELIVERIES} times without finishing (a worker died each time)",
    )
    if dead:
        logger.error("match job %s dead-lettered after %d deliveries", job_id, MAX_DELIVERIES)
    return None


def run_job(job_id: uuid.UUID | str, as_of: date | None = None) -> str:
    """The task body. Returns the job's final status word (for the task result and logs)."""
    claimed = claim_to_run(job_id)
    if claimed is None:
        return MatchJob.objects.filter(pk=job_id).values_list("status", flat=True).first() or "missing"
    claim, job = claimed
    evaluated_at = as_of or clock.today()
    facts = PatientFacts.from_json(job.facts)
    engine, open_trials = engine_cache.sync()
    # Only candidates are evaluated: a trial whose gate (diagnosis family, age, sex) the patient
    # cannot pass is ineligible without asking the rest, and is counted, not stored. A trial
    # that already holds a result for the patient is evaluated all the same, so that result is
    # brought up to date (its change recorded) rather than left standing.
    # by the trial's key, not its NCT id: a join to the trials let the planner drive from them
    # through the (trial, state) index, reading every patient's results (as in selectors._ranked_heads)
    held = set(
        MatchResult.objects.filter(patient_id=job.patient_id, state=MatchResult.State.ACTIVE).values_list(
            "trial_id", flat=True
        )
    )
    closed = engine_cache.closed(facts, evaluated_at, [t.nct_id for t in open_trials if t.pk not in held])
    candidates = [t for t in open_trials if t.nct_id not in closed]
    outcomes = engine.evaluate(facts, evaluated_at, trial_ids=[t.nct_id for t in candidates])
    evaluation = PatientEvaluation(
        patient_id=job.patient_id,
        client_id=job.client_id,
        facts=facts,
        facts_version_pk=version_of(job.patient_id, job.facts, job.facts_version_id),
        outcomes=outcomes,
    )
    gated = {t.pk: t.version_pk for t in open_trials if t.nct_id in closed}
    gated_changes_on = min((d for d in (c.changes_on for c in closed.values()) if d is not None), default=None)
    stored = store_results(
        claim, evaluated_at, evaluation, {t.nct_id: t for t in candidates}, gated=gated, gated_changes_on=gated_changes_on,
        # a scheduled job runs because a day came: what appears then (an age gate opened) is time's doing
        appeared_because=MatchChange.Cause.TIME if job.trigger == MatchJob.Trigger.SCHEDULED else None,
    )
    if not stored:
        logger.info("match job %s: a newer delivery holds the claim; results not stored", claim.job_id)
        return "superseded"
    logger.info("match job %s succeeded: %d trials evaluated, %d not candidates", claim.job_id, len(outcomes), len(gated))
    return MatchJob.Status.SUCCEEDED


def claim_to_run(job_id: uuid.UUID | str) -> tuple[Claim, JobToRun] | None:
    """``claim_job``, and what ``run_job`` reads of the job and its patient (``JobToRun``).

    On PostgreSQL the claim's UPDATE returns them (``claim_read``): the plain way claimed, then
    read the job joined to its whole patient row through the ORM, the stored record (the posted
    Bundle, ~13 KB of JSON) decoded and unread; in-process on bench/e2e.py's database (load ~10)
    that read alone was ~1.4 ms of worker CPU (0.97 with only the fields read). A delivery the
    claim is not for takes ``claim_job``'s way (dead-lettering); ``tests/api/test_first_post.py``
    pins the two ways to one answer."""
    key = _as_uuid(job_id)
    if connection.vendor == "postgresql" and key is not None:
        token = uuid.uuid4()
        found = claim_and_read(key, token, timezone.now(), MAX_DELIVERIES)
        if found is not None:
            return Claim(job_id=key, token=token), found
    claim = claim_job(job_id)
    if claim is None:
        return None
    job = MatchJob.objects.select_related("patient").only(*RUN_FIELDS).get(pk=claim.job_id)
    return claim, JobToRun(job.patient_id, job.client_id, job.trigger, job.patient.facts, job.patient.facts_version_id)


def _as_uuid(job_id: uuid.UUID | str) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(job_id))
    except ValueError:  # the plain way answers it as it always did
        return None


# What ``run_job`` reads of its job and patient: any other field would cost a query.
RUN_FIELDS = ("patient_id", "client_id", "trigger", "patient__facts", "patient__facts_version_id")


def store_results(
    claim: Claim,
    evaluated_at: date,
    evaluation: PatientEvaluation,
    trials: dict[str, TrialRef],
    *,
    gated: dict[int, int] | None = None,
    gated_changes_on: date | None = None,
    appeared_because: str | None = None,
) -> bool:
    """All results in one transaction, and only while this delivery still holds the claim.

    Each trial's version and status are checked again under a share lock (a criteria edit or
    a close waits for this commit): an outcome for a version that moved on, or for a trial
    that left the open statuses meanwhile, is dropped rather than written over the newer
    verdict or reviving a closed trial's result, and the trials this job did not get right
    (moved on, or opened since it read the catalogue) are re-matched for the patient after
    commit, so nothing is missed. ``gated`` ({trial pk: criteria version pk}) are the trials
    judged not candidates at that version: they count as evaluated (nothing stored), and
    ``gated_changes_on``, the first day time alone opens one of their gates (a birthday), joins
    the patient's next time re-match."""
    with transaction.atomic():
        # The claim is checked by the UPDATE that finishes the job, under the locks, before any
        # write: a first look (``.exists()``) before the locks was one more statement a job for a
        # delivery superseded meanwhile, which is rare and then writes nothing either way
        # (``tests/rematch/test_worker_faults.py``).
        relax_commit_durability()
        evaluated = {t.pk: t for t in trials.values()}
        held = set(
            MatchResult.objects.filter(patient_id=evaluation.patient_id, state=MatchResult.State.ACTIVE).values_list(
                "trial_id", flat=True
            )
        )
        # Trials first, then the patient: the order a trial's re-match chunk takes them in. Every
        # trial open now is read and locked too: one opened since the catalogue was read is re-matched.
        states = locked_trial_states(evaluated.keys() | held, and_open=True)
        # The patient row is the lock that orders a job against a trial re-match of the same
        # patient: each sees the other's committed rows, never half of them.
        Patient.objects.select_for_update().filter(pk=evaluation.patient_id).values_list("pk", flat=True).first()
        current = [o for o in evaluation.outcomes if states.get(trials[o.trial_id].pk) == (trials[o.trial_id].version_pk, True)]
        judged = {pk: t.version_pk for pk, t in evaluated.items()} | (gated or {})
        again = sorted(pk for pk, (version_pk, is_open) in states.items() if is_open and version_pk is not None and (
            judged.get(pk) != version_pk
        ))
        closed = frozenset(pk for pk, (_, is_open) in states.items() if not is_open)
        finished = MatchJob.objects.filter(pk=claim.job_id, claim=claim.token, status=MatchJob.Status.RUNNING).update(
            status=MatchJob.Status.SUCCEEDED,
            finished=timezone.now(),
            evaluated_at=evaluated_at,
            gated=len(gated or {}),
            error="",
        )
        if not finished:
            return False
        kept = dataclasses.replace(evaluation, outcomes=current)
        # every gate was judged just now: its day replaces the one kept (before scheduling reads it)
        Patient.objects.filter(pk=evaluation.patient_id).update(gate_opens_on=gated_changes_on)
        summary = store_evaluations(
            [kept], trials, evaluated_at, job_id=claim.job_id, close_others=True, closed_trials=closed,
            appeared_because=appeared_because, announced=notifies,
        )
        record_changes(summary.changes, summary.implied)
        if again:
            logger.info("match job %s: %d trials changed meanwhile, re-matched for the patient", claim.job_id, len(again))
            dispatch.rematch_patient_trials(str(evaluation.patient_id), again)
    return True


STALLED_AFTER = timedelta(hours=1)


def stalled_jobs(now: datetime | None = None, after: str | None = None, limit: int = 10000) -> list[str]:
    """Jobs queued or running for over an hour: their message or their result was lost (a
    broker restart, a database crash). The claim and delivery count make a re-run safe.
    In id order, from after ``after``, at most ``limit``: the sweep works through them in
    bounded batches."""
    cutoff = (now or timezone.now()) - STALLED_AFTER
    stalled = MatchJob.objects.filter(status__in=[MatchJob.Status.QUEUED, MatchJob.Status.RUNNING], created__lt=cutoff)
    if after:
        stalled = stalled.filter(pk__gt=uuid.UUID(after))
    return [str(pk) for pk in stalled.order_by("pk").values_list("pk", flat=True)[:limit]]


def fail_job(job_id: uuid.UUID | str, error: str) -> None:
    """A job that cannot finish (time limit, retries exhausted, any error) says why; results
    stay as before. ``error`` is shown to the client: a fixed phrase or an exception's class,
    never an exception's message (it may quote a patient's values)."""
    MatchJob.objects.filter(pk=job_id).filter(~Q(status=MatchJob.Status.SUCCEEDED)).update(
        status=MatchJob.Status.FAILED, finished=timezone.now(), error=error[:2000]
    )


def requeue_for_retry(job_id: uuid.UUID | str) -> None:
    """Hand a job back after a transient error (database, broker) before the task retries: it
    is queued again and the attempt does not count towards dead-lettering, which is for
    deliveries whose worker died."""
    MatchJob.objects.filter(pk=job_id, status=MatchJob.Status.RUNNING, deliveries__gt=0).update(
        status=MatchJob.Status.QUEUED, claim=None, deliveries=F("deliveries") - 1
    )
