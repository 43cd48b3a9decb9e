"""Storage migrations of issue 18's scale work move data forward and back: a migration that
only changes indexes keeps every result and change row, and lands on the indexes its model
declares in both directions."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from matcher.matching import jobs
from matcher.models import MatchChange, MatchJob, MatchResult
from tests.conftest import EXAMPLES

BEFORE = ("matcher", "0015_compact_verdicts_and_facts_versions")


def _migrate(target: tuple[str, str] | None) -> None:
    """To ``target``, or None: to the latest migrations (where the rest of the suite expects them)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target] if target is not None else executor.loader.graph.leaf_nodes())


def _indexes(table: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s", [table])
        return dict(cursor.fetchall())


def _rows() -> list[list[tuple]]:
    results = sorted(MatchResult.objects.values_list("id", "trial_id", "eligibility", "outcomes", "review_status"))
    changes = sorted(MatchChange.objects.values_list("id", "result_id", "kind", "cause", "trial_change_id", "created"))
    return [results, changes]


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="partial indexes are checked on PostgreSQL")
def test_the_index_migration_keeps_every_row_and_its_indexes_both_ways(api, seeded):
    bundle = json.loads((EXAMPLES / "patients" / "D01.json").read_text())
    response = api.post("/api/v1/patients", json.dumps(bundle), content_type="application/fhir+json")
    jobs.run_job(MatchJob.objects.get(patient_id=response.json()["id"]).pk)
    stored = _rows()
    assert stored[0] and stored[1]

    _migrate(BEFORE)
    results, changes = _indexes("matcher_matchresult"), _indexes("matcher_matchchange")
    assert "matchresult_review_status" in results and "matchresult_review_worked" not in results
    assert any("(created)" in d for d in changes.values()) and "matchchange_trial_change" not in changes
    assert _rows() == stored

    _migrate(None)
    results, changes = _indexes("matcher_matchresult"), _indexes("matcher_matchchange")
    assert "WHERE" in results["matchresult_review_worked"] and "WHERE" in results["matchresult_assigned"]
    assert "matchresult_review_status" not in results
    assert not any(d.endswith("(created)") for d in changes.values())
    assert "WHERE" in changes["matchchange_trial_change"]
    assert _rows() == stored
