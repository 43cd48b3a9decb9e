"""A match result's keys, checked once per statement (migration 0022), hold what the composite
foreign keys held: no result of a patient or criteria version that is not there, on either side
and across two transactions at once."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from django.db import IntegrityError, connection, transaction

from matcher.models import MatchResult, Patient
from tests.api.test_storage_migrations import _matched
from trials.models import CriteriaVersion

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the key checks are PostgreSQL's"),
]


@contextmanager
def _other_connection() -> Iterator[psycopg.Connection]:
    """A second session on the test database, as another worker or request would hold."""
    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"], user=settings["USER"], host=settings["HOST"] or None, port=settings["PORT"] or None
    ) as other:
        yield other


def _result_values(result: MatchResult) -> dict:
    row = MatchResult.objects.filter(pk=result.pk).values().get()
    return {k: v for k, v in row.items() if k not in ("id", "first_seen")}


def _insert_sql(values: dict) -> tuple[str, list]:
    columns = list(values)
    return (
        f"INSERT INTO matcher_matchresult ({', '.join(columns)}, first_seen) "
        f"VALUES ({', '.join(['%s'] * len(columns))}, now())",
        [values[c] for c in columns],
    )


def test_deleting_a_patient_whose_results_remain_is_refused(api, seeded):
    pid = _matched(api, "D07")
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM matcher_patient WHERE id = %s", [pid])
    assert Patient.objects.filter(pk=pid).exists()


def test_deleting_a_patient_through_the_api_takes_its_results_with_it(api, seeded):
    pid = _matched(api, "D07")
    assert api.delete(f"/api/v1/patients/{pid}").status_code == 204
    assert not MatchResult.objects.filter(patient_id=pid).exists()


def _spare_version(result: MatchResult) -> CriteriaVersion:
    """Another version of the result's trial, which nothing but a result may name."""
    return CriteriaVersion.objects.create(trial_id=result.trial_id, number=99, reason="edit")


def test_deleting_a_criteria_version_a_result_names_is_refused(api, seeded):
    _matched(api, "D07")
    result = MatchResult.objects.order_by("pk").first()
    spare = _spare_version(result)
    MatchResult.objects.filter(pk=result.pk).update(criteria_version_id=spare.pk)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM trials_criteriaversion WHERE id = %s", [spare.pk])
    assert CriteriaVersion.objects.filter(pk=spare.pk).exists()


@pytest.mark.parametrize(
    "column", ["id", "client_id"], ids=["a patient's id", "a patient's client"],
)
def test_changing_the_key_of_a_patient_a_result_names_is_refused(api, make_client, seeded, column):
    pid = _matched(api, "D07")
    other = uuid.uuid4() if column == "id" else make_client("hospital-b").eligo_client.pk
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"UPDATE matcher_patient SET {column} = %s WHERE id = %s", [other, pid])
    assert Patient.objects.filter(pk=pid, client__name="hospital-a").exists()


def test_moving_a_result_to_another_version_of_its_trial_is_accepted_and_to_another_trial_s_refused(api, seeded):
    _matched(api, "D07")
    result = MatchResult.objects.order_by("pk").first()
    own = _spare_version(result)
    MatchResult.objects.filter(pk=result.pk).update(criteria_version_id=own.pk)  # a re-match's move
    foreign = CriteriaVersion.objects.exclude(trial_id=result.trial_id).first()
    with pytest.raises(IntegrityError), transaction.atomic():
        MatchResult.objects.filter(pk=result.pk).update(criteria_version_id=foreign.pk)
    assert MatchResult.objects.get(pk=result.pk).criteria_version_id == own.pk


def _removal_racing_a_writer(values: dict, removal: list[tuple[str, list]]) -> str:
    """A writer inserts a result and keeps its transaction open; meanwhile another session runs
    ``removal`` and commits. Answers "waited, then refused", "waited, then removed" or "did not
    wait" (the removal decided before the writer's commit)."""
    outcome: list[str] = []

    def remove() -> None:
        with _other_connection() as remover:
            try:
                for statement, params in removal:
                    remover.execute(statement, params)
                remover.commit()
                outcome.append("removed")
            except psycopg.errors.ForeignKeyViolation:
                outcome.append("refused")

    with _other_connection() as writer:
        writer.execute(*_insert_sql(values))  # in the writer's open transaction
        thread = threading.Thread(target=remove)
        thread.start()
        thread.join(timeout=1.0)
        waited = thread.is_alive()
        writer.commit()
        thread.join(timeout=10)
    return f"waited, then {outcome[0]}" if waited else "did not wait"


def test_a_patient_deleted_while_another_transaction_writes_its_result_is_refused(api, seeded):
    """The writer locks the patient: the deletion waits for it, then finds its result."""
    pid = _matched(api, "D07")
    result = MatchResult.objects.filter(patient_id=pid).order_by("pk").first()
    values = _result_values(result)
    MatchResult.objects.filter(pk=result.pk).delete()
    removal = [("DELETE FROM matcher_matchresult WHERE patient_id = %s", [pid]), ("DELETE FROM matcher_patient WHERE id = %s", [pid])]
    assert _removal_racing_a_writer(values, removal) == "waited, then refused"
    assert Patient.objects.filter(pk=pid).exists() and MatchResult.objects.filter(patient_id=pid).exists()


def test_a_version_deleted_while_another_transaction_writes_a_result_of_it_is_refused(api, seeded):
    """The writer does not lock the version: the remover waits for every writer of results."""
    _matched(api, "D07")
    result = MatchResult.objects.order_by("pk").first()
    version = _spare_version(result).pk
    values = _result_values(result) | {"criteria_version_id": version}
    MatchResult.objects.filter(pk=result.pk).delete()
    assert _removal_racing_a_writer(values, [("DELETE FROM trials_criteriaversion WHERE id = %s", [version])]) == "waited, then refused"
    assert CriteriaVersion.objects.filter(pk=version).exists()


def test_a_result_written_after_its_patient_was_deleted_is_refused(api, seeded):
    pid = _matched(api, "D07")
    result = MatchResult.objects.filter(patient_id=pid).order_by("pk").first()
    values = _result_values(result)
    Patient.objects.filter(pk=pid).delete()
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(*_insert_sql(values))
    assert not MatchResult.objects.filter(patient_id=pid).exists()
