"""The one way to queue work: a task by its pinned name, handed to the broker after the caller's
transaction commits (a worker must never look for a row that is not committed yet: measured,
eager mode hides that bug). Outside a transaction it is handed over at once.

Business modules call these functions and never import the tasks: a task calls services, and
services queue tasks only through here, so neither leans on the other. The names are the
tasks' historical import paths, pinned in ``matcher.worker.tasks``, so messages already queued
and the beat schedule stored in the database keep working wherever the code moves.
"""

from __future__ import annotations

from django.db import transaction

from matcher.config.celery import app

RUN_MATCH_JOB = "matcher.tasks.run_match_job"
PROCESS_TRIAL_CHANGE = "matcher.tasks.process_trial_change"
REMATCH_TRIAL_CHUNK = "matcher.tasks.rematch_trial_chunk"
NIGHTLY_REMATCH_SWEEP = "matcher.tasks.nightly_rematch_sweep"
DELIVER_WEBHOOKS = "matcher.tasks.deliver_webhooks"
REMATCH_PATIENT_TRIALS = "matcher.tasks.rematch_patient_trials"
SWEEP_DUE_PATIENTS = "matcher.tasks.sweep_due_patients"
SWEEP_TRIAL_CHANGES = "matcher.tasks.sweep_trial_changes"
SWEEP_STALLED_JOBS = "matcher.tasks.sweep_stalled_jobs"
SWEEP_WEBHOOK_DELIVERIES = "matcher.tasks.sweep_webhook_deliveries"


def after_commit(name: str, *args: object, countdown: float | None = None) -> None:
    """Queue task ``name`` with ``args`` once the current transaction commits.

    Robust: a broker that is down at commit is logged, not raised, since the work is already
    committed and the caller's answer must not turn into an error over it. What was lost is
    found again by the nightly sweep's steps (jobs queued too long, trial changes never
    processed, deliveries never sent)."""
    transaction.on_commit(lambda: send(name, args, countdown), robust=True)


def send(name: str, args: tuple[object, ...], countdown: float | None = None) -> None:
    """Hand the task to the broker now. A registered task (every process registers them when
    Django starts: ``MatcherConfig.ready``) goes through its own ``apply_async``, which honours
    eager mode for the development server; an unregistered name is sent as it is."""
    app.signature(name, args=args).apply_async(countdown=countdown)


def run_match_job(job_id: str) -> None:
    after_commit(RUN_MATCH_JOB, job_id)


def process_trial_change(change_id: int) -> None:
    after_commit(PROCESS_TRIAL_CHANGE, change_id)


def rematch_trial_chunk(change_id: int, low: str, high: str) -> None:
    after_commit(REMATCH_TRIAL_CHUNK, change_id, low, high)


def deliver_webhooks(delivery_ids: list[int], countdown: float | None = None) -> None:
    after_commit(DELIVER_WEBHOOKS, delivery_ids, countdown=countdown)


def rematch_patient_trials(patient_id: str, trial_pks: list[int]) -> None:
    after_commit(REMATCH_PATIENT_TRIALS, patient_id, trial_pks)


def sweep_step(name: str, after: str | None = None) -> None:
    """One step of the nightly sweep (one of the ``SWEEP_*`` names), from after ``after``."""
    after_commit(name, after)
