"""A match job's claim and the read of what it evaluates, in one statement (PostgreSQL).

``jobs.claim_job`` claims the job with a conditional UPDATE; ``run_job`` then read the job
joined to its patient through the ORM (a second statement, built by the ORM for each job). Here
the claim's UPDATE returns the fields the job reads (``jobs.RUN_FIELDS``: the patient, client and
trigger of the job, the patient's facts and facts version) from the patient row joined in
``FROM`` (which an UPDATE does not lock). A delivery that does not get the claim is left to
``claim_job``'s plain way (dead-lettering, or the claim after all if the row moved meanwhile).

Measured in-process (``bench/job_cpu.py``, bench/e2e.py's database, load ~8-10): see
``jobs.run_job``'s note; ``tests/api/test_first_post.py`` pins what this reads to what the
claim and the ORM's read give.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from matcher.models import MatchJob, Patient


@dataclass(frozen=True)
class JobToRun:
    """What ``run_job`` reads of a claimed job and its patient."""

    patient_id: uuid.UUID
    client_id: int
    trigger: str
    facts: dict
    facts_version_id: int | None


def claim_and_read(job_id: uuid.UUID, token: uuid.UUID, now: datetime, max_deliveries: int) -> JobToRun | None:
    """``claim_job``'s claim (the same condition and the same columns set) returning the job's
    ``JobToRun``; None when the claim was not taken (nothing changed)."""
    jobs, patients = MatchJob._meta.db_table, Patient._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {jobs} AS j SET status = %s, started = %s, claim = %s, deliveries = j.deliveries + 1"
            f" FROM {patients} AS p"
            f" WHERE j.id = %s AND j.status = ANY(%s) AND j.deliveries < %s AND p.id = j.patient_id"
            f" RETURNING j.patient_id, j.client_id, j.trigger, p.facts, p.facts_version_id",
            [
                MatchJob.Status.RUNNING.value, now, token, job_id,
                [MatchJob.Status.QUEUED.value, MatchJob.Status.RUNNING.value], max_deliveries,
            ],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    patient_id, client_id, trigger, facts, version = row
    # Django reads jsonb as text (its JSONField decodes it): decoded here as that field does
    return JobToRun(patient_id, client_id, trigger, json.loads(facts) if isinstance(facts, str) else facts, version)
