"""Golden answers: every example patient's matches (the full list, the failing form and each
stored trial's one-trial answer) against the seed trials, compared whole with a fixture written
by the code before results were stored as compact verdicts (issue 18). Reasons are rendered on
read now, so any word that differs from what was stored before shows here.

The fixture depends on the parser and the intake as well: after a change there that is meant
to change answers, regenerate it and review the diff:

    ELIGO_GOLDEN_WRITE=1 .venv/bin/python -m pytest tests/api/test_golden_matches.py -q -p no:cacheprovider

(with the usual DJANGO_SETTINGS_MODULE, DATABASE_URL, REDIS_URL and SECRET_KEY). Ids and the
times rows were written are replaced by placeholders; the evaluation date is pinned.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from matcher.matching import jobs
from matcher.models import MatchJob
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 22)
FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "golden_matches.json"
# What differs between runs of the same code: ids and the moments rows were written.
VOLATILE = {"patient": "<patient>", "job": "<job>", "first_seen": "<time>", "last_changed": "<time>"}


def _normalised(answer: object) -> object:
    if isinstance(answer, dict):
        return {k: (VOLATILE[k] if k in VOLATILE and v is not None else _normalised(v)) for k, v in answer.items()}
    if isinstance(answer, list):
        return [_normalised(v) for v in answer]
    return answer


def _answers(api) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for path in sorted((EXAMPLES / "patients").glob("D*.json")):
        pid = api.post("/api/v1/patients", path.read_bytes(), content_type="application/fhir+json").json()["id"]
        jobs.run_job(MatchJob.objects.get(patient_id=pid).pk, as_of=TODAY)
        full = api.get(f"/api/v1/patients/{pid}/matches").json()
        failing = api.get(f"/api/v1/patients/{pid}/matches?criteria=failing").json()
        one = {
            row["trial"]: api.get(f"/api/v1/patients/{pid}/matches/{row['trial']}").json() for row in full["results"]
        }
        found[path.stem] = _normalised({"matches": full, "failing": failing, "one": one})  # type: ignore[assignment]
    return found


def test_every_example_answer_is_as_the_golden_fixture_says(api, seeded, monkeypatch):
    """Storing verdicts instead of prose must not change one word a client reads."""
    monkeypatch.setenv("ELIGO_TODAY", TODAY.isoformat())
    got = _answers(api)
    if os.environ.get("ELIGO_GOLDEN_WRITE"):
        FIXTURE.write_text(json.dumps(got, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
        pytest.skip(f"wrote {FIXTURE}")
    wanted = json.loads(FIXTURE.read_text())
    assert sorted(got) == sorted(wanted)
    for name in wanted:
        assert got[name] == wanted[name], name
