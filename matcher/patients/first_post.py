"""A patient's first post: what storing it can skip because nothing refers to the patient yet.

``store.upsert_patient`` knows when its upsert created the row (the id it proposed came back):
that row exists only in the post's own transaction, so no facts version and no match job can
point at it. The plain way asks anyway: ``record_facts`` reads the patient's last version and
its current one (two SELECTs) before making version 1, and ``queue_match`` opens a savepoint,
locks the patient row (the insert holds it already) and looks for a queued job (four more
statements) before creating one. Here the version and the job are made straight away: 14 -> 8
statements for a new patient's POST (``bench/post_cpu.py``).

``tests/api/test_first_post.py`` pins the rows made to the plain way's: after the shortcut,
``record_facts`` finds the version current and ``queue_match`` finds the job queued, as they
would have made them.
"""

from __future__ import annotations

import uuid

from matcher.models import MatchJob, Patient, PatientFactsVersion
from matcher.results.digests import facts_digest
from matcher.worker import dispatch


def first_facts_version(patient_id: uuid.UUID, facts_json: dict) -> int:
    """``record_facts`` for a patient created in this transaction: its version 1, made current."""
    version = PatientFactsVersion.objects.create(patient_id=patient_id, number=1, facts=facts_json, digest=facts_digest(facts_json))
    Patient.objects.filter(pk=patient_id).update(facts_version=version)
    return version.pk


def first_job(patient: Patient, trigger: str) -> MatchJob:
    """``queue_match`` for a patient created in this transaction (the caller's, which holds the
    new row's lock until commit): its one queued job, handed to a worker after commit."""
    job = MatchJob.objects.create(patient=patient, client_id=patient.client_id, trigger=trigger)
    dispatch.run_match_job(str(job.id))
    return job
