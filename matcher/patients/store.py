"""Storing patients and queueing their match jobs.

A post is one transaction: the stored record, its facts (and their new version when they
changed), the queued job and the access event
appear together or not at all, and the job is handed to the broker only after the commit (a
worker must never look for a row that is not committed yet: measured, eager mode hides that
bug).
"""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.db.models.constants import OnConflict

from matcher.audit import trail
from matcher.intake import NormalisedRecord
from matcher.matching.jobs import queue_match
from matcher.models import AccessEvent, ApiClient, MatchJob, Patient
from matcher.patients import first_post
from matcher.results.facts_versions import record_facts

# What a repeated post of the same identifier replaces; the id, the key and ``created`` stay.
_REPLACED = ("format", "record", "facts", "ignored", "warnings", "updated")
_KEY = ("client", "identifier_system", "identifier_value")


def _upsert_row(patient: Patient) -> uuid.UUID:
    """One ``INSERT ... ON CONFLICT (client, identifier) DO UPDATE ... RETURNING id``.

    Atomic in the database, so two concurrent first posts of one identifier cannot both try
    to create it: the second waits for the first's row and updates it (a look-up then an
    insert raced, and the loser's unique violation was a 500 whose log carried the
    identifier). The returned id is the stored row's: ours when this post created it.
    """
    meta = Patient._meta
    rows: Any = Patient.objects._insert(  # type: ignore[attr-defined]
        [patient],
        fields=[f for f in meta.concrete_fields],
        returning_fields=[meta.pk],
        on_conflict=OnConflict.UPDATE,
        update_fields=[meta.get_field(name) for name in _REPLACED],
        unique_fields=[meta.get_field(name) for name in _KEY],
    )
    return rows[0][0]


@transaction.atomic
def upsert_patient(
    client: ApiClient, normalised: NormalisedRecord, record: dict, fmt: str, actor: Any = None
) -> tuple[Patient, bool, MatchJob]:
    """Create or replace the client's patient with this identifier, and queue a match."""
    system, value = normalised.identifier
    patient = Patient(
        client=client,
        identifier_system=system,
        identifier_value=value,
        format=fmt,
        record=record,
        facts=normalised.facts.to_json(),
        ignored=[list(item) for item in normalised.ignored + normalised.warnings],
        warnings=[{"path": path, "error": error} for path, error in normalised.warnings],
    )
    proposed = patient.id
    patient.id = _upsert_row(patient)
    patient._state.adding = False
    created = patient.id == proposed
    if created:  # nothing refers to a row this transaction made: see first_post
        patient.facts_version_id = first_post.first_facts_version(patient.id, patient.facts)
        job = first_post.first_job(patient, MatchJob.Trigger.PATIENT_POSTED)
    else:
        # after the upsert, whose row lock orders two posts of this patient
        patient.facts_version_id = record_facts(patient.id, patient.facts)
        job = queue_match(patient, MatchJob.Trigger.PATIENT_POSTED)
    trail.record_write(AccessEvent.Action.PATIENT_WRITE, actor, client, patient.id)
    return patient, created, job


@transaction.atomic
def delete_patient(patient: Patient, actor: Any = None) -> None:
    """Every trace: the patient row cascades to its jobs, results and facts versions, and
    ``matcher.patients.traces`` erases what holds its id without a foreign key. The deletion
    itself is recorded, without the id."""
    client_id = patient.client_id
    patient.delete()
    trail.record_write(AccessEvent.Action.PATIENT_DELETE, actor, client_id, None)
