"""A result's client, trial and criteria version keys are held by their writers and by Django's
deletion rules, not by PostgreSQL constraints (migration 0020: the constraint checks were ~40%
of a new patient's PostgreSQL CPU). Whatever deletes a client still takes its results with it, a trial
or criteria version results stand on cannot be deleted, and the patient's key keeps its
constraint. The migration drops the three constraints and adds them back, keeping every row."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import ProtectedError

from matcher.matching import jobs
from matcher.models import ApiClient, MatchJob, MatchResult
from tests.conftest import EXAMPLES
from trials.models import CriteriaVersion, Trial

BEFORE = ("matcher", "0019_last_changed_empty_until_changed")
KEYS = {"client_id", "trial_id", "criteria_version_id"}


def _matched(api) -> str:
    body = (EXAMPLES / "patients" / "D01.json").read_bytes()
    pid = api.post("/api/v1/patients", body, content_type="application/fhir+json").json()["id"]
    jobs.run_job(MatchJob.objects.get(patient_id=pid).pk)
    assert MatchResult.objects.filter(patient_id=pid).exists()
    return pid


def _constrained_columns() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT a.attname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey) "
            "WHERE c.conrelid = 'matcher_matchresult'::regclass AND c.contype = 'f'"
        )
        return {name for (name,) in cursor.fetchall()}


def _migrate(target: tuple[str, str] | None) -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([target] if target is not None else executor.loader.graph.leaf_nodes())


@pytest.mark.django_db
def test_deleting_a_client_takes_its_results(api, seeded, make_client):
    _matched(api)
    other = make_client()
    _matched(other)
    ApiClient.objects.filter(pk=api.eligo_client.pk).delete()
    assert not MatchResult.objects.filter(client_id=api.eligo_client.pk).exists()
    assert MatchResult.objects.filter(client_id=other.eligo_client.pk).exists()


@pytest.mark.django_db
def test_a_trial_or_criteria_version_results_stand_on_cannot_be_deleted(api, seeded):
    """Its versions are PROTECTed by the results (a verdict's reasons render from its version)."""
    _matched(api)
    stored = MatchResult.objects.count()
    version = CriteriaVersion.objects.get(pk=MatchResult.objects.values_list("criteria_version_id", flat=True).first())
    with pytest.raises(ProtectedError):
        version.delete()
    with pytest.raises(ProtectedError):
        Trial.objects.get(pk=version.trial_id).delete()
    assert MatchResult.objects.count() == stored


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the constraints are PostgreSQL's")
def test_the_migration_drops_the_three_constraints_and_adds_them_back(api, seeded):
    _matched(api)
    rows = sorted(MatchResult.objects.values_list("id", "client_id", "trial_id", "criteria_version_id", "digest"))
    assert "patient_id" in _constrained_columns() and not KEYS & _constrained_columns()
    _migrate(BEFORE)
    assert KEYS | {"patient_id"} <= _constrained_columns()
    assert sorted(MatchResult.objects.values_list("id", "client_id", "trial_id", "criteria_version_id", "digest")) == rows
    _migrate(None)
    assert "patient_id" in _constrained_columns() and not KEYS & _constrained_columns()
