"""Worker faults (issue 16) through a real Redis broker and a real Celery worker on PostgreSQL:
an error that no retry can cure fails the job at once, saying only the error's class, and a
trial change whose message was lost at commit is processed by the nightly sweep."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from matcher.worker import dispatch
from tests.worker.conftest import wait_for_jobs
from tests.worker.test_rematch_e2e import NAMES, _listed, posted, wait_for_trial_changes  # noqa: F401

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

UNREADABLE = "1970-13-45 (the value must never reach the job's error)"


def test_a_job_that_fails_for_good_is_failed_at_once_naming_only_the_errors_class(api, seeded, worker):
    from matcher.matching.jobs import queue_match
    from matcher.models import MatchJob, Patient

    patient = Patient.objects.create(
        client=api.eligo_client, identifier_value="p-unreadable", format="native", record={},
        facts={"birth_date": UNREADABLE, "sex": "female"},
    )
    with transaction.atomic():
        job = queue_match(patient, MatchJob.Trigger.REQUESTED)
    assert wait_for_jobs([str(job.pk)], timeout=60) == {str(job.pk): "failed"}
    job.refresh_from_db()
    assert job.error == "internal error (ValueError)"
    assert "1970" not in job.error


def test_a_trial_change_whose_message_was_lost_is_processed_by_the_nightly_sweep(api, manager, posted, monkeypatch):  # noqa: F811
    from matcher.config.celery import app
    from trials.models import TrialChange

    def broker_down(*args: object, **kwargs: object) -> None:
        raise BrokerError("connection refused")

    with monkeypatch.context() as m:
        m.setattr(dispatch, "send", broker_down)
        answer = manager.patch("/api/v1/trials/NCT05563545", {"status": "RECRUITING"}, format="json")
    assert answer.status_code == 200  # committed: the lost message is the sweep's to find
    change = TrialChange.objects.filter(trial__nct_id="NCT05563545").latest("pk")
    assert change.processed is None
    TrialChange.objects.filter(pk=change.pk).update(created=timezone.now() - timedelta(minutes=15))

    app.send_task(dispatch.NIGHTLY_REMATCH_SWEEP)
    wait_for_trial_changes("NCT05563545", timeout=90)
    # the trial gates on ALL (test_rematch_e2e): the sweep's re-match lists it for the five ALL
    # examples, and the AML ones have it answered on demand by that gate
    appeared = {name for name, pid in posted.items() if "NCT05563545" in _listed(api, pid)}
    assert len(appeared) == 5, appeared
    for name, pid in posted.items():
        if name not in appeared:
            assert api.get(f"/api/v1/patients/{pid}/matches/NCT05563545").json()["gate"] is not None, name
