"""Celery tasks: thin, they call the services.

Each task's name is pinned (``matcher.worker.dispatch`` holds the names) to the import path it
had before the code moved, so queued messages and the stored beat schedule keep working.
``acks_late`` + ``reject_on_worker_lost`` hand a killed worker's job back to the broker; the
job's claim and delivery count (matcher.matching.jobs) make the redelivery safe and bounded.
Transient database or broker errors retry with exponential backoff.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

from matcher.matching import jobs, leases, rematch
from matcher.webhooks import delivery
from matcher.worker import dispatch

logger = logging.getLogger(__name__)

TRANSIENT = (OperationalError, InterfaceError, BrokerError)

# A killed worker's task runs again (acks_late + reject_on_worker_lost); the services make a
# second run harmless (claims, digests). Transient database or broker errors retry with backoff.
REDELIVERED_AND_RETRIED: dict[str, Any] = dict(
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=TRANSIENT,
    retry_backoff=2,
    retry_backoff_max=60,
    max_retries=5,
)


@shared_task(name=dispatch.RUN_MATCH_JOB, bind=True, retry_jitter=True, **REDELIVERED_AND_RETRIED)
def run_match_job(self: Any, job_id: str) -> str:
    """Whatever goes wrong ends the job, saying what in words that carry no value: a time
    limit, a transient error once retries are spent (until then the job is queued again), or
    any other exception, by its class alone (its message may quote the patient's record)."""
    try:
        return jobs.run_job(job_id)
    except SoftTimeLimitExceeded:
        jobs.fail_job(job_id, "time limit exceeded while evaluating trials")
        return "failed"
    except TRANSIENT as exc:
        if self.request.retries >= self.max_retries:
            jobs.fail_job(job_id, f"gave up after {self.max_retries} retries ({type(exc).__name__})")
        else:
            jobs.requeue_for_retry(job_id)
        raise
    except Exception as exc:
        logger.error("match job %s failed: %s", job_id, type(exc).__name__)
        jobs.fail_job(job_id, f"internal error ({type(exc).__name__})")
        return "failed"


@shared_task(name=dispatch.PROCESS_TRIAL_CHANGE, **REDELIVERED_AND_RETRIED)
def process_trial_change(change_id: int) -> str:
    outcome, chunks = rematch.process_change(change_id)
    for chunk in chunks:
        dispatch.rematch_trial_chunk(change_id, chunk.low, chunk.high)
    return outcome


@shared_task(name=dispatch.REMATCH_TRIAL_CHUNK, **REDELIVERED_AND_RETRIED)
def rematch_trial_chunk(change_id: int, low: str, high: str) -> int:
    return rematch.rematch_chunk(change_id, rematch.Chunk(low, high))


@shared_task(name=dispatch.REMATCH_PATIENT_TRIALS, **REDELIVERED_AND_RETRIED)
def rematch_patient_trials(patient_id: str, trial_pks: list[int]) -> int:
    return rematch.rematch_patient_trials(patient_id, trial_pks)


# --- the nightly sweep -------------------------------------------------------------------------
# The beat's task only hands out the steps, each its own task with its own time limit, so a step
# that runs out of time never keeps the recovery steps from running. A lease stops a second beat
# (or a beat restarted mid-run) from handing them out twice; each step holds its own lease while
# it works, and queues its continuation when its bounded batch was full.

SWEEP_LEASE = timedelta(minutes=30)
STEP_SOFT_LIMIT = 120
STEP_LIMIT = 150
STEP_LEASE = timedelta(seconds=STEP_LIMIT + 30)
SWEEP_STEPS = (
    dispatch.SWEEP_DUE_PATIENTS,
    dispatch.SWEEP_TRIAL_CHANGES,
    dispatch.SWEEP_STALLED_JOBS,
    dispatch.SWEEP_WEBHOOK_DELIVERIES,
)
STEP: dict[str, Any] = dict(
    acks_late=True, autoretry_for=TRANSIENT, retry_backoff=5, max_retries=3,
    soft_time_limit=STEP_SOFT_LIMIT, time_limit=STEP_LIMIT,
)


@shared_task(name=dispatch.NIGHTLY_REMATCH_SWEEP, acks_late=True, autoretry_for=TRANSIENT, retry_backoff=5, max_retries=3)
def nightly_rematch_sweep() -> str:
    if leases.acquire("nightly-sweep", SWEEP_LEASE) is None:
        return "skipped: another sweep started less than 30 minutes ago"
    for step in SWEEP_STEPS:
        dispatch.sweep_step(step)
    return f"{len(SWEEP_STEPS)} steps queued"


def _step(name: str, after: str | None, work: Callable[[str | None], rematch.Batch]) -> str:
    with leases.held(f"sweep:{name}", STEP_LEASE) as got:
        if not got:
            return "skipped: the step is running"
        try:
            batch = work(after)
        except SoftTimeLimitExceeded:
            logger.error("sweep step %s ran out of time", name)
            return "out of time"
    if batch.after is not None:
        dispatch.sweep_step(name, batch.after)
    return f"{batch.done} done" + (", continued" if batch.after is not None else "")


@shared_task(name=dispatch.SWEEP_DUE_PATIENTS, **STEP)
def sweep_due_patients(after: str | None = None) -> str:
    return _step(dispatch.SWEEP_DUE_PATIENTS, after, lambda a: rematch.sweep_due_patients(after=a))


@shared_task(name=dispatch.SWEEP_TRIAL_CHANGES, **STEP)
def sweep_trial_changes(after: str | None = None) -> str:
    return _step(dispatch.SWEEP_TRIAL_CHANGES, after, lambda a: rematch.sweep_trial_changes(after=a))


@shared_task(name=dispatch.SWEEP_STALLED_JOBS, **STEP)
def sweep_stalled_jobs(after: str | None = None) -> str:
    return _step(dispatch.SWEEP_STALLED_JOBS, after, lambda a: rematch.sweep_stalled_jobs(after=a))


def _stranded_deliveries(after: str | None) -> rematch.Batch:
    stranded = delivery.due_deliveries()
    for start in range(0, len(stranded), 100):
        dispatch.deliver_webhooks(stranded[start : start + 100])
    return rematch.Batch(len(stranded), None)


@shared_task(name=dispatch.SWEEP_WEBHOOK_DELIVERIES, **STEP)
def sweep_webhook_deliveries(after: str | None = None) -> str:
    return _step(dispatch.SWEEP_WEBHOOK_DELIVERIES, after, _stranded_deliveries)


@shared_task(name=dispatch.DELIVER_WEBHOOKS, **REDELIVERED_AND_RETRIED)
def deliver_webhooks(delivery_ids: list[int]) -> int:
    """Sends what is due; failed sends queue their own retry (matcher.webhooks.delivery), so
    autoretry here covers only a database or broker outage around them."""
    return delivery.deliver(delivery_ids)
