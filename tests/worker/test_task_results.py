"""Celery keeps no task results in Redis (issue 16, data hygiene): a task's state lives in the
database, and a result in Redis would be one more copy nobody reads or deletes on time. A patient
matched by a real worker leaves no ``celery-task-meta-*`` key behind."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES
from tests.worker.conftest import wait_for_jobs

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_matched_patient_leaves_no_task_result_in_redis(api, seeded, worker, broker):
    for key in broker.scan_iter("celery-task-meta-*"):
        broker.delete(key)
    body = (EXAMPLES / "patients" / "D01.json").read_bytes()
    posted = api.post("/api/v1/patients", body, content_type="application/fhir+json").json()
    assert wait_for_jobs([posted["match_job"]["id"]]) == {posted["match_job"]["id"]: "succeeded"}
    assert list(broker.scan_iter("celery-task-meta-*")) == []
