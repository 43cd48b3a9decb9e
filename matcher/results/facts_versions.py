"""Versions of a patient's facts: one per change of the posted record's normalised facts, kept
while a result points at one, so a verdict's reasons render from the facts it was judged on.

A version is made when a post changes the facts (``record_facts``), in the post's transaction,
and ``Patient.facts_version`` names it. Storing results pins the version evaluated; a stored
result whose verdict did not change is moved onto the newer version (``repin``: same verdict,
same words) so the old version can go; ``prune`` then deletes the patient's versions that are
neither current nor pinned by any result. All of it is per patient, through indexes that lead
with the patient, so its cost does not grow with the catalogue of other patients.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date

from django.db import connection

from matcher.db.arrays import AnyOf
from matcher.models import MatchResult, Patient, PatientFactsVersion
from matcher.results.digests import facts_digest


def record_facts(patient_id: uuid.UUID, facts_json: dict) -> int:
    """The pk of the version holding these facts: the patient's current one when they are
    unchanged, else a new one, made current. Run in the transaction that stored the facts on the
    patient row (whose lock orders two posts of one patient)."""
    digest = facts_digest(facts_json)
    last = (
        PatientFactsVersion.objects.filter(patient_id=patient_id).order_by("-number").values_list("pk", "number", "digest").first()
    )
    current = Patient.objects.filter(pk=patient_id).values_list("facts_version_id", flat=True).first()
    if last is not None and last[2] == digest and current == last[0]:
        return last[0]
    version = PatientFactsVersion.objects.create(
        patient_id=patient_id, number=(last[1] + 1) if last else 1, facts=facts_json, digest=digest
    )
    Patient.objects.filter(pk=patient_id).update(facts_version=version)
    return version.pk


def repin(result_ids: Iterable[int], facts_version_pk: int, evaluated_at: date) -> None:
    """Results judged again on a newer facts version with an unchanged verdict digest (which
    covers every reason's words) now point at that version and date: rendering them gives the
    same words, and their old version is freed."""
    ids = list(result_ids)
    if ids:
        MatchResult.objects.filter(AnyOf("pk", ids)).update(facts_version=facts_version_pk, evaluated_at=evaluated_at)


def prune(patient_ids: Iterable[uuid.UUID]) -> int:
    """Delete these patients' versions that are not current and that no result points at.
    Returns how many went."""
    ids = list(patient_ids)
    if not ids:
        return 0
    # Almost always none: a patient whose record never changed has its one, current, version.
    older = older_versions(ids) if connection.vendor == "postgresql" else older_versions_plain(ids)
    if not older:
        return 0
    pinned = MatchResult.objects.filter(AnyOf("patient_id", ids), facts_version__in=older).values("facts_version_id")
    stale = PatientFactsVersion.objects.filter(pk__in=older).exclude(pk__in=pinned)
    # nothing refers to a stale version (checked just above), so no collector is needed
    return stale._raw_delete(stale.db)


def older_versions(ids: list[uuid.UUID]) -> list[int]:
    """``older_versions_plain`` in one fixed statement (PostgreSQL): every job asks it and almost
    always hears none, and building the ORM's query with its sub-select was most of ``prune``'s
    ~2 ms of a new patient's job's worker CPU (bench/job_cpu.py, machine under load).
    ``tests/api/test_store_shortcuts.py`` pins the two to one answer."""
    versions, patients = PatientFactsVersion._meta.db_table, Patient._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT v.id FROM {versions} AS v WHERE v.patient_id = ANY(%s::uuid[]) AND NOT (v.id IN ("
            f"SELECT p.facts_version_id FROM {patients} AS p"
            f" WHERE p.id = ANY(%s::uuid[]) AND p.facts_version_id IS NOT NULL))",
            [ids, ids],
        )
        return [pk for (pk,) in cursor.fetchall()]


def older_versions_plain(ids: list[uuid.UUID]) -> list[int]:
    """These patients' versions that are not the current one of any of them."""
    current = Patient.objects.filter(AnyOf("pk", ids), facts_version__isnull=False).values("facts_version_id")
    return list(PatientFactsVersion.objects.filter(AnyOf("patient_id", ids)).exclude(pk__in=current).values_list("pk", flat=True))


def version_of(patient_id: uuid.UUID, facts_json: dict, version_pk: int | None) -> int:
    """The version an evaluation of ``facts_json`` pins: the patient's current one, read with
    the facts; made now for a patient stored without one (rows written directly, not posted)."""
    return version_pk if version_pk is not None else record_facts(patient_id, facts_json)
