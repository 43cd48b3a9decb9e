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
from datetime import date, timedelta

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from matcher.matching import clock
from matcher.matching.changes import record_changes
from matcher.matching.engine_cache import engine_cache
from matcher.matching.jobs import queue_match
from matcher.models import MatchJob, Patient
from matcher.results.digests import facts_digest
from matcher.results.store import PatientEvaluation, TrialRef, close_batch, store_evaluations
from matcher.worker import dispatch
from rules_engine.facts import PatientFacts
from trials.models import Trial, TrialChange

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
            closed = close_trial_results(trial.pk, f"the trial is {trial.overall_status.replace('_', ' ').lower()}", change)
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
    evaluated_at = as_of or clock.today()
    engine, trial = engine_cache.sync_one(change.trial_id)
    if trial is None:
        return 0  # closed again since: the newer change closes its results
    patients = list(
        Patient.objects.filter(pk__gte=uuid.UUID(chunk.low), pk__lte=uuid.UUID(chunk.high)).values_list(
            "pk", "client_id", "facts"
        )
    )
    focused = engine.focused(trial.nct_id)
    assert focused is not None, "sync_one has just compiled the trial"
    compiled = [focused]
    evaluations = []
    for pk, client_id, facts_json in patients:
        facts = PatientFacts.from_json(facts_json)
        outcomes = engine.evaluate_compiled(compiled, facts, evaluated_at)
        evaluations.append(PatientEvaluation(pk, client_id, facts, facts_digest(facts_json), outcomes))
    written = _store_chunk(change, trial, evaluations, evaluated_at)
    TrialChange.objects.filter(pk=change_id).update(chunks_done=F("chunks_done") + 1)
    return written


def _store_chunk(change: TrialChange, trial: TrialRef, evaluations: list[PatientEvaluation], evaluated_at: date) -> int:
    with transaction.atomic():
        # FOR SHARE on the trial: a criteria or status change waits for this chunk to commit,
        # and a chunk that lost the race to one sees the trial has moved on.
        if not _trial_still_at(trial):
            return 0
        ids = [e.patient_id for e in evaluations]
        # Lock the chunk's patients in id order: a patient's own job and other trials' chunks
        # write the same patients' rows, and a fixed order cannot deadlock.
        locked = set(Patient.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
        evaluations = [e for e in evaluations if e.patient_id in locked]  # deleted meanwhile
        summary = store_evaluations(evaluations, {trial.nct_id: trial}, evaluated_at, trial_change=change)
        record_changes(summary.changes)
        return summary.written


def _trial_still_at(trial: TrialRef) -> bool:
    table = Trial._meta.db_table
    lock = " FOR SHARE" if connection.vendor == "postgresql" else ""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT overall_status, current_criteria_id FROM {table} WHERE id = %s{lock}", [trial.pk])
        row = cursor.fetchone()
    return row is not None and row[1] == trial.version_pk and Trial(overall_status=row[0]).is_open


# --- time ------------------------------------------------------------------------------------


def sweep(today: date | None = None) -> dict[str, int]:
    """The nightly sweep: a job for each patient whose verdicts change with time by today, and
    a second dispatch for any trial change whose chunks did not all report back in a day (a
    worker that died between claiming a change and queueing its chunks)."""
    today = today or clock.today()
    queued = 0
    for patient in Patient.objects.filter(rematch_on__lte=today).only("pk", "client_id").iterator(chunk_size=1000):
        with transaction.atomic():
            queue_match(patient, MatchJob.Trigger.SCHEDULED)
        queued += 1
    stale = TrialChange.objects.filter(
        processed__lt=timezone.now() - timedelta(days=1), chunks__gt=F("chunks_done")
    ).values_list("pk", flat=True)
    redispatched = 0
    for change_id in stale:
        TrialChange.objects.filter(pk=change_id).update(processed=None, chunks=0, chunks_done=0)
        dispatch.process_trial_change(change_id)
        redispatched += 1
    logger.info("re-match sweep: %d patients queued, %d trial changes dispatched again", queued, redispatched)
    return {"patients": queued, "trial_changes": redispatched}


def on_trial_changed(sender: object, change_id: int, **kwargs: object) -> None:
    """Receiver of ``trials.signals.trial_changed`` (sent after the change committed)."""
    dispatch.process_trial_change(change_id)
