"""A re-match chunk's read of its patients (``chunk_read.chunk_patients``: one fixed statement,
facts decoded by ``matcher.db.jsonb``) gives the ORM's rows (``chunk_patients_plain``): the same
patients in the same order, with equal facts, clients and facts versions."""

from __future__ import annotations

import uuid

import pytest

from matcher.matching import rematch
from matcher.matching.chunk_read import chunk_patients, chunk_patients_plain
from matcher.models import Patient
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.django_db


def test_a_chunk_reads_the_orm_s_rows(api, seeded):
    for i in range(1, 11):
        body = (EXAMPLES / "patients" / f"D{i:02d}.json").read_bytes()
        assert api.post("/api/v1/patients", body, content_type="application/fhir+json").status_code in (200, 201, 202)
    assert Patient.objects.count() == 10
    chunks = rematch.patient_chunks(size=3)
    assert len(chunks) == 4
    for chunk in [*chunks, rematch.Chunk(chunks[0].low, chunks[-1].high)]:
        low, high = uuid.UUID(chunk.low), uuid.UUID(chunk.high)
        read, plain = chunk_patients(low, high), chunk_patients_plain(low, high)
        assert read == plain and read
        assert [type(v) for row in read for v in row] == [type(v) for row in plain for v in row]
    nothing = uuid.UUID(int=0)
    assert chunk_patients(nothing, nothing) == chunk_patients_plain(nothing, nothing) == []
