"""Re-matching when a trial changes, and when time passes.

A trial change (``trials.TrialChange``, an outbox row written with the change) is processed
once: claimed by a conditional update, it either closes the trial's results (the trial left
the open statuses) or splits every stored patient into id ranges and queues one chunk task per
range, so a trial is re-evaluated against 10,000 patients by every worker in parallel, never in
one task. Each chunk evaluates the trial's *current* state and writes under a share lock of the
trial row, so an older change can never overwrite what a newer one wrote: whichever chunk runs
last evaluates the newest criteria, and a chunk that finds the trial moved on writes nothing.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from matcher.db.arrays import AnyOf
from matcher.matching import clock, jobs
from matcher.matching.changes import record_changes
from matcher.matching.chunk_read import chunk_patients
from matcher.matching.engine_cache import engine_cache
from matcher.matching.jobs import queue_match
from matcher.models import MatchJob, MatchResult, Patient, RematchChunkDone
from matcher.results.facts_versions import version_of
from matcher.results.store import (
    PatientEvaluation,
    TrialRef,
    close_batch,
    locked_trial_states,
    store_evaluations,
)
from matcher.worker import dispatch
from rules_engine.facts import PatientFacts
from trials.models import TrialChange

logger = logging.getLogger(__name__)

CHUNK_SIZE = 1000


@dataclass(frozen=True)
class Chunk:
    """Patients with ``low <= id <= high``; ids are UUIDs, so ranges need no list of ids."""

    low: str
    high: str


def claim_change(change_id: int) -> TrialChange | None:
    """Take a change for processing, once: a redelivered or duplicated message finds it taken."""
    claimed = TrialChange.objects.filter(pk=change_id, processed=None).update(processed=timezone.now())
    return TrialChange.objects.select_related("trial").get(pk=change_id) if claimed else None


def process_change(change_id: int) -> tuple[str, list[Chunk]]:
    """Close or fan out one trial change; returns what was done and the chunks to queue."""
    with transaction.atomic():
        change = claim_change(change_id)
        if change is None:
            return "already processed", []
        trial = change.trial
        if TrialChange.objects.filter(trial_id=trial.pk, pk__gt=change.pk).exists():
            return _finish(change, "superseded by a newer change of this trial"), []
        if not trial.is_open or trial.current_criteria_id is None:
            closed = close_trial_results(
                trial.pk, f"the trial is {trial.overall_status.replace('_', ' ').lower()}", change
            )
            return _finish(change, f"closed {closed} results"), []
        chunks = patient_chunks()
        TrialChange.objects.filter(pk=change.pk).update(chunks=len(chunks), outcome=f"{len(chunks)} chunks queued")
        return f"{len(chunks)} chunks", chunks


def close_trial_results(trial_pk: int, reason: str, change: TrialChange) -> int:
    """Every active result of a trial that left the open statuses is gone, batch by batch, each
    batch's changes recorded with their webhook deliveries; returns how many were closed."""
    total = 0
    while True:
        closed, changes = close_batch(trial_pk, reason, change)
        if not changes:
            return total
        record_changes(changes)
        total += closed


def _finish(change: TrialChange, outcome: str) -> str:
    TrialChange.objects.filter(pk=change.pk).update(outcome=outcome[:200])
    return outcome


def patient_chunks(size: int = CHUNK_SIZE) -> list[Chunk]:
    """Every stored patient in id ranges of ``size``; only the range bounds are read."""
    ids = list(Patient.objects.order_by("pk").values_list("pk", flat=True))
    return [Chunk(str(ids[i]), str(ids[min(i + size, len(ids)) - 1])) for i in range(0, len(ids), size)]


def rematch_chunk(change_id: int, chunk: Chunk, as_of: date | None = None) -> int:
    """Evaluate the trial's current criteria for the patients in ``chunk``; returns how many
    results were written (0 when nothing changed, so a redelivered chunk does no harm)."""
    change = TrialChange.objects.select_related("trial").get(pk=change_id)
    if RematchChunkDone.objects.filter(change_id=change_id, low=chunk.low).exists():
        return 0  # a redelivery of a chunk that already reported back
    evaluated_at = as_of or clock.today()
    engine, trial = engine_cache.sync_one(change.trial_id)
    if trial is None:
        with transaction.atomic():
            _complete_once(change_id, chunk)
        return 0  # closed again since: the newer change closes its results
    patients = chunk_patients(uuid.UUID(chunk.low), uuid.UUID(chunk.high))
    compiled = engine.compiled(trial.nct_id)
    assert compiled is not None, "sync_one has just compiled the trial"
    # Candidates only, as in a patient's job: a patient the trial's gate shuts out is not stored,
    # unless it already holds a result for the trial (that result is brought up to date).
    held = set(
        MatchResult.objects.filter(
            trial_id=trial.pk,
            state=MatchResult.State.ACTIVE,
            patient_id__gte=uuid.UUID(chunk.low),
            patient_id__lte=uuid.UUID(chunk.high),
        ).values_list("patient_id", flat=True)
    )
    # The trial compiled for many patients (rules_engine.plan): its gates and lines judged on
    # one snapshot per patient, each line once, as GateIndex and evaluate_alone judge them.
    plan = engine.plan(compiled)
    evaluations = []
    reopen: dict[date, list[uuid.UUID]] = {}
    for pk, client_id, facts_json, facts_version_pk in patients:
        facts = PatientFacts.from_json_lazily(facts_json)  # the trial's snapshot reads few measurements
        judged = plan.start(engine.snapshot_for(compiled, facts, evaluated_at))
        if pk not in held:
            shut, opens_on = plan.shut(judged, facts)  # ``plan.closed``'s answer, its words not written
            if shut:
                if opens_on is not None:
                    reopen.setdefault(opens_on, []).append(pk)
                continue
        outcomes = [engine.evaluate_planned(plan, judged)]
        evaluations.append(
            PatientEvaluation(pk, client_id, facts, version_of(pk, facts_json, facts_version_pk), outcomes)
        )
    return _store_chunk(change, trial, evaluations, evaluated_at, chunk, reopen)


def _store_chunk(
    change: TrialChange,
    trial: TrialRef,
    evaluations: list[PatientEvaluation],
    evaluated_at: date,
    chunk: Chunk | None = None,
    reopen: dict[date, list[uuid.UUID]] | None = None,
) -> int:
    with transaction.atomic():
        # The completion row first: a concurrent duplicate delivery waits on its unique key
        # until this one commits and then finds the chunk done, so it is counted once.
        if chunk is not None and not _record_once(change.pk, chunk):
            return 0
        written = _store_locked(change, trial, evaluations, evaluated_at, reopen)
        # Counted last: the update locks the change's row, which every chunk of the change
        # updates, so counting first made the chunks' writes wait on each other's commits.
        if chunk is not None:
            _count_done(change.pk)
        return written


def _store_locked(
    change: TrialChange,
    trial: TrialRef,
    evaluations: list[PatientEvaluation],
    evaluated_at: date,
    reopen: dict[date, list[uuid.UUID]] | None,
) -> int:
    # FOR SHARE on the trial: a criteria or status change waits for this chunk to commit,
    # and a chunk that lost the race to one sees the trial has moved on.
    if not _trial_still_at(trial):
        return 0
    ids = [e.patient_id for e in evaluations]
    # Lock the chunk's patients in id order: a patient's own job and other trials' chunks
    # write the same patients' rows, and a fixed order cannot deadlock.
    locked = set(
        Patient.objects.select_for_update().filter(AnyOf("pk", ids)).order_by("pk").values_list("pk", flat=True)
    )
    evaluations = [e for e in evaluations if e.patient_id in locked]  # deleted meanwhile
    summary = store_evaluations(evaluations, {trial.nct_id: trial}, evaluated_at, trial_change=change)
    record_changes(summary.changes)
    # a patient shut out by an age gate is judged again on the day time opens it
    for day, pids in sorted((reopen or {}).items()):
        Patient.objects.filter(AnyOf("pk", pids)).filter(
            Q(gate_opens_on__isnull=True) | Q(gate_opens_on__gt=day)
        ).update(gate_opens_on=day)
        Patient.objects.filter(AnyOf("pk", pids)).filter(Q(rematch_on__isnull=True) | Q(rematch_on__gt=day)).update(
            rematch_on=day
        )
    return summary.written


def _complete_once(change_id: int, chunk: Chunk) -> bool:
    """Record the chunk as done and count it, in the caller's transaction; False when it was
    already recorded (a redelivered or duplicated chunk message)."""
    if not _record_once(change_id, chunk):
        return False
    _count_done(change_id)
    return True


def _record_once(change_id: int, chunk: Chunk) -> bool:
    try:
        with transaction.atomic():
            RematchChunkDone.objects.create(change_id=change_id, low=uuid.UUID(chunk.low), high=uuid.UUID(chunk.high))
    except IntegrityError:
        return False
    return True


def _count_done(change_id: int) -> None:
    TrialChange.objects.filter(pk=change_id).update(chunks_done=F("chunks_done") + 1)


def _trial_still_at(trial: TrialRef) -> bool:
    return locked_trial_states([trial.pk]).get(trial.pk) == (trial.version_pk, True)


def rematch_patient_trials(patient_id: str, trial_pks: list[int], as_of: date | None = None) -> int:
    """Evaluate a few trials' current criteria for one patient: the trials a match job found
    had changed (or opened) while it evaluated. Written under the same share lock and check as
    a job, so this too never writes a stale verdict; a trial that moved on yet again is queued
    once more. Returns how many results were written."""
    row = Patient.objects.filter(pk=patient_id).values_list("pk", "client_id", "facts", "facts_version_id").first()
    if row is None:
        return 0  # deleted meanwhile
    pk, client_id, facts_json, facts_version_pk = row
    evaluated_at = as_of or clock.today()
    engine, refs = engine_cache.sync_some(trial_pks)
    facts = PatientFacts.from_json(facts_json)
    outcomes = engine.evaluate(facts, evaluated_at, trial_ids=[t.nct_id for t in refs])
    trials = {t.nct_id: t for t in refs}
    with transaction.atomic():
        states = locked_trial_states(trial_pks)
        if Patient.objects.select_for_update().filter(pk=pk).values_list("pk", flat=True).first() is None:
            return 0
        current = [o for o in outcomes if states.get(trials[o.trial_id].pk) == (trials[o.trial_id].version_pk, True)]
        again = sorted(t.pk for t in refs if states.get(t.pk, (None, False))[1] and states[t.pk][0] != t.version_pk)
        evaluation = PatientEvaluation(pk, client_id, facts, version_of(pk, facts_json, facts_version_pk), current)
        summary = store_evaluations([evaluation], trials, evaluated_at)
        record_changes(summary.changes)
        if again:
            dispatch.rematch_patient_trials(str(pk), again)
        return summary.written


# --- the nightly sweep, step by step ---------------------------------------------------------
#
# Each step is its own task with its own time limit (matcher.worker.tasks), works through a
# bounded batch in primary-key order and says where the next batch starts, so one step that
# runs out of time never keeps the others from running, and a long backlog is worked off by
# continuations rather than by one task that never finishes.

SWEEP_BATCH = 2000
# A change nobody claimed this long after its commit lost its message (the broker was down
# when the change committed, or the process died between commit and enqueue).
UNPROCESSED_AFTER = timedelta(minutes=10)
# A change whose chunks did not all report back in a day lost a chunk (a worker died between
# claiming the change and queueing its chunks, or a chunk failed).
UNFINISHED_AFTER = timedelta(days=1)


@dataclass(frozen=True)
class Batch:
    """What one step did, and the key to start the next batch after (None: nothing left)."""

    done: int
    after: str | None


def _next(keys: list[str], size: int) -> str | None:
    return keys[-1] if len(keys) >= size else None


def sweep_due_patients(today: date | None = None, after: str | None = None, size: int = SWEEP_BATCH) -> Batch:
    """A job for each patient whose verdicts change with time by today."""
    today = today or clock.today()
    due = Patient.objects.filter(rematch_on__lte=today).order_by("pk")
    if after:
        due = due.filter(pk__gt=uuid.UUID(after))
    patients = list(due.only("pk", "client_id")[:size])
    for patient in patients:
        with transaction.atomic():
            queue_match(patient, MatchJob.Trigger.SCHEDULED)
    logger.info("re-match sweep: %d patients queued", len(patients))
    return Batch(len(patients), _next([str(p.pk) for p in patients], size))


def sweep_trial_changes(after: str | None = None, size: int = SWEEP_BATCH, now: datetime | None = None) -> Batch:
    """Dispatch again every trial change that was never processed (its message was lost), and
    every one whose chunks did not all report back in a day (started over: its chunk rows go,
    so the new chunks count from zero)."""
    now = now or timezone.now()
    lost = TrialChange.objects.filter(
        Q(processed=None, created__lt=now - UNPROCESSED_AFTER)
        | Q(processed__lt=now - UNFINISHED_AFTER, chunks__gt=F("chunks_done"))
    ).order_by("pk")
    if after:
        lost = lost.filter(pk__gt=int(after))
    ids = list(lost.values_list("pk", flat=True)[:size])
    for change_id in ids:
        with transaction.atomic():
            restarted = (
                TrialChange.objects.filter(pk=change_id)
                .exclude(processed=None)
                .update(processed=None, chunks=0, chunks_done=0, outcome="")
            )
            if restarted:
                RematchChunkDone.objects.filter(change_id=change_id).delete()
            dispatch.process_trial_change(change_id)
    logger.info("re-match sweep: %d trial changes dispatched again", len(ids))
    return Batch(len(ids), _next([str(i) for i in ids], size))


def sweep_stalled_jobs(after: str | None = None, size: int = SWEEP_BATCH, now: datetime | None = None) -> Batch:
    """Hand out again the jobs queued or running for over an hour (see ``jobs.stalled_jobs``)."""
    stalled = jobs.stalled_jobs(now=now, after=after, limit=size)
    for job_id in stalled:
        dispatch.run_match_job(job_id)
    logger.info("re-match sweep: %d stalled jobs dispatched again", len(stalled))
    return Batch(len(stalled), _next(stalled, size))


def on_trial_changed(sender: object, change_id: int, **kwargs: object) -> None:
    """Receiver of ``trials.signals.trial_changed`` (sent after the change committed)."""
    dispatch.process_trial_change(change_id)
