"""Celery tasks: thin, they call the services.

Each task's name is pinned (``matcher.worker.dispatch`` holds the names) to the import path it
had before the code moved, so queued messages and the stored beat schedule keep working.
``acks_late`` + ``reject_on_worker_lost`` hand a killed worker's job back to the broker; the
job's claim and delivery count (matcher.matching.jobs) make the redelivery safe and bounded.
Transient database or broker errors retry with exponential backoff.
"""

from __future__ import annotations

from typing import Any

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.db import InterfaceError, OperationalError
from kombu.exceptions import OperationalError as BrokerError

from matcher.matching import jobs, rematch
from matcher.webhooks import delivery
from matcher.worker import dispatch

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
    try:
        return jobs.run_job(job_id)
    except SoftTimeLimitExceeded:
        jobs.fail_job(job_id, "time limit exceeded while evaluating trials")
        return "failed"
    except TRANSIENT:
        jobs.requeue_for_retry(job_id)
        raise


@shared_task(name=dispatch.PROCESS_TRIAL_CHANGE, **REDELIVERED_AND_RETRIED)
def process_trial_change(change_id: int) -> str:
    outcome, chunks = rematch.process_change(change_id)
    for chunk in chunks:
        dispatch.rematch_trial_chunk(change_id, chunk.low, chunk.high)
    return outcome


@shared_task(name=dispatch.REMATCH_TRIAL_CHUNK, **REDELIVERED_AND_RETRIED)
def rematch_trial_chunk(change_id: int, low: str, high: str) -> int:
    return rematch.rematch_chunk(change_id, rematch.Chunk(low, high))


@shared_task(name=dispatch.NIGHTLY_REMATCH_SWEEP, acks_late=True, autoretry_for=TRANSIENT, retry_backoff=5, max_retries=3)
def nightly_rematch_sweep() -> dict[str, int]:
    counts = rematch.sweep()
    stalled = jobs.stalled_jobs()
    for job_id in stalled:
        dispatch.run_match_job(job_id)
    stranded = delivery.due_deliveries()
    for start in range(0, len(stranded), 100):
        dispatch.deliver_webhooks(stranded[start : start + 100])
    return {**counts, "stalled_jobs": len(stalled), "webhook_deliveries": len(stranded)}


@shared_task(name=dispatch.DELIVER_WEBHOOKS, **REDELIVERED_AND_RETRIED)
def deliver_webhooks(delivery_ids: list[int]) -> int:
    """Sends what is due; failed sends queue their own retry (matcher.webhooks.delivery), so
    autoretry here covers only a database or broker outage around them."""
    return delivery.deliver(delivery_ids)
