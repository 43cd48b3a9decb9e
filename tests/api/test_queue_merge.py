"""At most one queued match job per patient: a request while one waits answers with that job,
so looping POST /patients/{id}/match cannot fill the queue every client shares."""

from __future__ import annotations

import json
import threading

import pytest
from django.db import connection

from matcher.models import MatchJob
from tests.conftest import EXAMPLES


def post_patient(api):
    bundle = (EXAMPLES / "patients" / "D01.json").read_text()
    return api.post("/api/v1/patients", bundle, content_type="application/fhir+json").json()


@pytest.mark.django_db
def test_a_match_request_while_a_job_is_queued_answers_202_with_that_job(api):
    posted = post_patient(api)
    responses = [api.post(f"/api/v1/patients/{posted['id']}/match") for _ in range(3)]
    assert [r.status_code for r in responses] == [202, 202, 202]
    assert {r.json()["id"] for r in responses} == {posted["match_job"]["id"]}
    assert MatchJob.objects.filter(patient_id=posted["id"]).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("status", ["running", "succeeded", "failed"])
def test_once_no_job_waits_a_match_request_queues_a_new_one(api, status):
    posted = post_patient(api)
    MatchJob.objects.filter(pk=posted["match_job"]["id"]).update(status=status)
    again = api.post(f"/api/v1/patients/{posted['id']}/match")
    assert again.status_code == 202
    assert again.json()["id"] != posted["match_job"]["id"] and again.json()["status"] == "queued"
    assert MatchJob.objects.filter(patient_id=posted["id"], status="queued").count() == 1


@pytest.mark.django_db
def test_the_merge_is_per_patient(api):
    first = post_patient(api)
    other = json.loads((EXAMPLES / "patients" / "D02.json").read_text())
    second = api.post("/api/v1/patients", json.dumps(other), content_type="application/fhir+json").json()
    assert first["match_job"]["id"] != second["match_job"]["id"]


@pytest.mark.django_db(transaction=True)
def test_concurrent_match_requests_leave_one_queued_job(make_client):
    api = make_client()
    posted = post_patient(api)
    MatchJob.objects.filter(pk=posted["match_job"]["id"]).update(status="succeeded")
    start = threading.Barrier(6)
    answers: list[int] = []

    def request() -> None:
        try:
            start.wait()
            answers.append(api.post(f"/api/v1/patients/{posted['id']}/match").status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=request) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert answers == [202] * 6
    assert MatchJob.objects.filter(patient_id=posted["id"], status="queued").count() == 1
