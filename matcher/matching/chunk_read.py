"""Reading a trial re-match chunk's patients: their ids, clients, facts and facts versions.

The ORM's read (``chunk_patients_plain``) decodes each patient's facts through the JSON
field with ``json.loads``; on PostgreSQL this reads the same columns of the same rows with the
same condition, in one fixed statement, and decodes the facts with ``matcher.db.jsonb.loads``
(orjson where installed): see that module for what was measured. ``tests/rematch/test_chunk_read.py``
pins the rows to the ORM's.
"""

from __future__ import annotations

import uuid

from django.db import connection

from matcher.db.jsonb import loads
from matcher.models import Patient

ChunkPatient = tuple[uuid.UUID, int, dict, int | None]  # pk, client, facts, facts version


def chunk_patients(low: uuid.UUID, high: uuid.UUID) -> list[ChunkPatient]:
    """The patients with ``low <= id <= high``, in the order the ORM's read gives them."""
    if connection.vendor != "postgresql":
        return chunk_patients_plain(low, high)
    with connection.cursor() as cursor:
        cursor.execute(_SQL, [low, high])
        rows = cursor.fetchall()
    # Django's PostgreSQL backend reads jsonb as text (its JSON field decodes it)
    return [
        (pk, client, loads(facts) if isinstance(facts, str) else facts, version) for pk, client, facts, version in rows
    ]


_SQL = f"SELECT id, client_id, facts, facts_version_id FROM {Patient._meta.db_table} WHERE id >= %s AND id <= %s"


def chunk_patients_plain(low: uuid.UUID, high: uuid.UUID) -> list[ChunkPatient]:
    """The ORM's read, the reference ``chunk_patients`` is compared with."""
    return list(
        Patient.objects.filter(pk__gte=low, pk__lte=high).values_list("pk", "client_id", "facts", "facts_version_id")
    )
