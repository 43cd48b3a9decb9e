"""Re-matching after many trials changed at once (a bulk registry import).

One trial's change is re-matched by fanning it out over every stored patient in chunks
(``matcher.matching.rematch``): right for one edit, wrong for an import that changes 20,000
trials, which would queue 20,000 fan-outs of every patient, each evaluating one trial. Past
``BULK_FROM`` changes announced together, each patient gets one match job instead (a waiting
job is reused: ``queue_match``), which evaluates it against every open trial it could meet,
closes its results of trials that left the open statuses, and so covers every change at once.
The changes are then marked processed with that outcome. Jobs are queued before the changes
are marked: a process that dies in between leaves changes the re-match sweep dispatches again
(redundant, never missing).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from matcher.matching.jobs import queue_match
from matcher.models import MatchJob, Patient
from matcher.worker import dispatch
from trials.models import TrialChange

# Fewer changes than this are fanned out one by one as they always were: a handful of trials
# re-evaluated for every patient costs less than every trial re-evaluated for every patient.
BULK_FROM = 50
PAGE = 500


def on_trials_changed(sender: object, change_ids: Sequence[int], **kwargs: object) -> None:
    """Receiver of ``trials.signals.trials_changed`` (sent once the changes committed)."""
    if len(change_ids) < BULK_FROM:
        for change_id in change_ids:
            dispatch.process_trial_change(change_id)
        return
    rematch_every_patient(change_ids)


def rematch_every_patient(change_ids: Sequence[int]) -> int:
    """One match job per stored patient, then the changes marked as covered by them; returns
    how many patients were queued."""
    queued = 0
    after = None
    while True:
        page = Patient.objects.order_by("pk").only("pk", "client_id")
        if after is not None:
            page = page.filter(pk__gt=after)
        patients = list(page[:PAGE])
        if not patients:
            break
        with transaction.atomic():
            for patient in patients:
                queue_match(patient, MatchJob.Trigger.TRIAL_CHANGED)
        queued += len(patients)
        after = patients[-1].pk
    outcome = f"covered by one re-match of every patient ({queued}) for {len(change_ids)} trial changes at once"
    now = timezone.now()
    for start in range(0, len(change_ids), 1000):
        TrialChange.objects.filter(pk__in=change_ids[start : start + 1000], processed=None).update(
            processed=now, outcome=outcome[:200]
        )
    return queued
