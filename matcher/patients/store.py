"""Storing patients and queueing their match jobs.

A post is one transaction: the stored record, its facts and the queued job appear together or
not at all, and the job is handed to the broker only after the commit (a worker must never look
for a row that is not committed yet: measured, eager mode hides that bug).
"""

from __future__ import annotations

from django.db import transaction

from matcher.intake import NormalisedRecord
from matcher.matching.jobs import queue_match
from matcher.models import ApiClient, MatchJob, Patient


@transaction.atomic
def upsert_patient(
    client: ApiClient, normalised: NormalisedRecord, record: dict, fmt: str
) -> tuple[Patient, bool, MatchJob]:
    """Create or replace the client's patient with this identifier, and queue a match."""
    system, value = normalised.identifier
    fields = {
        "format": fmt,
        "record": record,
        "facts": normalised.facts.to_json(),
        "ignored": [list(item) for item in normalised.ignored + normalised.warnings],
        "warnings": [{"path": path, "error": error} for path, error in normalised.warnings],
    }
    patient = (
        Patient.objects.select_for_update()
        .filter(client=client, identifier_system=system, identifier_value=value)
        .first()
    )
    created = patient is None
    if patient is None:
        patient = Patient.objects.create(client=client, identifier_system=system, identifier_value=value, **fields)
    else:
        for name, v in fields.items():
            setattr(patient, name, v)
        patient.save()
    job = queue_match(patient, MatchJob.Trigger.PATIENT_POSTED)
    return patient, created, job


def delete_patient(patient: Patient) -> None:
    """Every trace: the patient row cascades to its jobs, results and criterion outcomes."""
    patient.delete()
