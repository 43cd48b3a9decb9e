"""Tasks keep the names they were queued under: messages already on the broker and the beat
schedule stored in the database name them, wherever their code moves."""

from __future__ import annotations

HISTORICAL = {
    "matcher.tasks.run_match_job",
    "matcher.tasks.process_trial_change",
    "matcher.tasks.rematch_trial_chunk",
    "matcher.tasks.nightly_rematch_sweep",
    "matcher.tasks.deliver_webhooks",
    # issue 16: the nightly sweep in steps, and a patient's re-match of trials its job got stale
    "matcher.tasks.rematch_patient_trials",
    "matcher.tasks.sweep_due_patients",
    "matcher.tasks.sweep_trial_changes",
    "matcher.tasks.sweep_stalled_jobs",
    "matcher.tasks.sweep_webhook_deliveries",
}


def test_every_task_answers_to_its_historical_name():
    from matcher import celery_app

    assert {name for name in celery_app.tasks if name.startswith("matcher.")} == HISTORICAL


def test_dispatch_queues_by_those_names():
    from matcher.worker import dispatch

    pinned = {value for key, value in vars(dispatch).items() if key.isupper() and isinstance(value, str)}
    assert pinned == HISTORICAL
