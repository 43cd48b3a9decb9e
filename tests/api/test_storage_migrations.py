"""Storage migrations of issue 18's scale work move data forward and back: a migration that
only changes indexes keeps every result and change row, and lands on the indexes its model
declares in both directions."""

from __future__ import annotations

import json
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from matcher.matching import jobs
from matcher.models import MatchChange, MatchJob, MatchResult
from matcher.results.history import ChangeHistory
from tests.conftest import EXAMPLES

BEFORE = ("matcher", "0015_compact_verdicts_and_facts_versions")
INDEXES = ("matcher", "0016_narrower_result_and_change_indexes")


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
    _migrate(INDEXES)  # the rows as 0016 holds them (the first appearances stored)
    stored = _rows()
    assert stored[0] and stored[1]

    _migrate(BEFORE)
    results, changes = _indexes("matcher_matchresult"), _indexes("matcher_matchchange")
    assert "matchresult_review_status" in results and "matchresult_review_worked" not in results
    assert any("(created)" in d for d in changes.values()) and "matchchange_trial_change" not in changes
    assert _rows() == stored

    _migrate(INDEXES)
    results, changes = _indexes("matcher_matchresult"), _indexes("matcher_matchchange")
    assert "WHERE" in results["matchresult_review_worked"] and "WHERE" in results["matchresult_assigned"]
    assert "matchresult_review_status" not in results
    assert not any(d.endswith("(created)") for d in changes.values())
    assert "WHERE" in changes["matchchange_trial_change"]
    assert _rows() == stored
    _migrate(None)


IMPLIED = ("matcher", "0017_implied_first_appearances")
# what a change answers, but its id (an implied change's is its result's, negated) and its time
# (an implied change's is its result's ``first_seen``; a stored one's its own)
COMPARED = ("patient_id", "result_id", "trial_id", "kind", "cause", "old_eligibility", "new_eligibility", "detail",
            "job_id", "trial_change_id")


def _history() -> list[tuple]:
    return sorted(tuple(getattr(c, f) for f in COMPARED) for c in ChangeHistory.where())


def _stored_history() -> list[tuple]:
    """What 0016's table holds (the model's fields of that table exist in both)."""
    return sorted(MatchChange.objects.values_list(*COMPARED))


@pytest.mark.django_db(transaction=True)
def test_the_first_appearances_move_into_their_results_and_back(api, seeded, django_user_model):
    from matcher.queue import actions

    coordinator = django_user_model.objects.create_user("carol")

    pids = []
    for name in ("D01", "D07"):
        body = (EXAMPLES / "patients" / f"{name}.json").read_bytes()
        pid = api.post("/api/v1/patients", body, content_type="application/fhir+json").json()["id"]
        jobs.run_job(MatchJob.objects.get(patient_id=pid).pk)
        pids.append(pid)
    # a later change of one result: the appearance keeps the eligibility it arrived at
    d07 = MatchResult.objects.get(patient_id=pids[1], trial__nct_id="NCT06559644")
    actions.override_criterion(d07, 6, "met", "echo on paper chart", coordinator)
    # an appearance a row cannot imply (a re-match's): stored, and kept as it is
    other = MatchResult.objects.filter(patient_id=pids[0]).first()
    MatchResult.objects.filter(pk=other.pk).update(first_job=None)
    MatchChange.objects.create(patient_id=pids[0], result=other, trial_id=other.trial_id, kind="appeared",
                               cause="trial_status", new_eligibility=other.eligibility)
    implied = {r.pk: (r.first_job_id, r.first_seen) for r in MatchResult.objects.exclude(first_job=None)}
    said = _history()
    assert implied and len(said) == MatchResult.objects.count() + 1

    _migrate(INDEXES)
    assert _stored_history() == said
    times = dict(MatchChange.objects.filter(kind="appeared", cause="patient_data").values_list("result_id", "created"))
    assert times == {pk: seen for pk, (_, seen) in implied.items()}

    _migrate(IMPLIED)
    assert _history() == said
    assert {r.pk: (r.first_job_id, r.first_seen) for r in MatchResult.objects.exclude(first_job=None)} == implied
    assert MatchChange.objects.count() == 2  # the override's change and the re-match's appearance
    _migrate(None)


LEANER = ("matcher", "0018_leaner_result_rows")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="partial indexes are checked on PostgreSQL")
def test_shorter_digests_keep_recognising_unchanged_verdicts_and_the_indexes_go_back(api, seeded, django_user_model):
    import hashlib

    from matcher.queue import actions
    from matcher.results.digests import short_digest

    pid = _matched(api, "D07")
    d07 = MatchResult.objects.get(patient_id=pid, trial__nct_id="NCT06559644")
    actions.override_criterion(d07, 6, "met", "echo on paper chart", django_user_model.objects.create_user("carol"))
    digests = dict(MatchResult.objects.values_list("pk", "digest"))
    assert digests[d07.pk].startswith("o:") and all(len(d) == 11 for d in digests.values())

    _migrate(IMPLIED)
    results = _indexes("matcher_matchresult")
    assert "matchresult_queue" in results and "matchresult_queue_listed" not in results
    assert any("(last_changed)" in d for d in results.values()) and any("(criteria_version_id)" in d for d in results.values())
    assert MatchResult.objects.get(pk=d07.pk).digest == "override:" + digests[d07.pk][2:]
    # a digest as the older code wrote it: the whole MD5 in hex
    other = next(pk for pk in digests if pk != d07.pk)
    MatchResult.objects.filter(pk=other).update(digest=hashlib.md5(b"a verdict").hexdigest())

    _migrate(LEANER)
    results = _indexes("matcher_matchresult")
    assert "matchresult_queue" not in results and "WHERE" in results["matchresult_queue_listed"]
    assert not any("(last_changed)" in d or "(criteria_version_id)" in d for d in results.values())
    assert dict(MatchResult.objects.values_list("pk", "digest")) == {
        **digests, other: short_digest(hashlib.md5(b"a verdict").digest())
    }
    _migrate(None)


@pytest.mark.django_db(transaction=True)
def test_an_empty_last_changed_reads_first_seen_and_is_filled_with_it_backward(api, seeded):
    pid = _matched(api, "D01")
    seen = dict(MatchResult.objects.values_list("pk", "first_seen"))
    assert seen and not MatchResult.objects.exclude(last_changed=None).exists()
    shown = {r["trial"]: r["last_changed"] for r in api.get(f"/api/v1/patients/{pid}/matches").json()["results"]}
    assert set(shown.values()) == {s.isoformat().replace("+00:00", "Z") for s in seen.values()}

    _migrate(LEANER)
    assert dict(MatchResult.objects.values_list("pk", "last_changed")) == seen
    _migrate(None)


@pytest.mark.django_db(transaction=True)
def test_rows_digested_in_the_older_format_keep_their_last_changed_until_their_verdict_changes(api, seeded, monkeypatch):
    """Verdict digests changed format (``.`` and the lines' own digests) without a migration: a
    row the older code wrote is compared in its own format, so a re-match that changes nothing
    writes nothing; a verdict that did change is written in the new format."""
    from matcher.results import store
    from matcher.results.digests import LINE_DIGESTS, legacy_verdict_digest

    body = (EXAMPLES / "patients" / "D01.json").read_bytes()
    with monkeypatch.context() as older:
        older.setattr(store, "verdict_digest", legacy_verdict_digest)
        pid = api.post("/api/v1/patients", body, content_type="application/fhir+json").json()["id"]
        jobs.run_job(MatchJob.objects.get(patient_id=pid).pk)
    before = {pk: (digest, changed) for pk, digest, changed in MatchResult.objects.values_list("pk", "digest", "last_changed")}
    assert before and not any(d.startswith(LINE_DIGESTS) for d, _ in before.values())

    api.post(f"/api/v1/patients/{pid}/match")
    jobs.run_job(MatchJob.objects.filter(patient_id=pid).order_by("-created").first().pk)
    after = {pk: (digest, changed) for pk, digest, changed in MatchResult.objects.values_list("pk", "digest", "last_changed")}
    assert after == before  # nothing rewritten, no last_changed set

    # a row whose stored verdict differs from the new one (an older-format digest of another
    # verdict) is rewritten, in the new format; the others stay as they were
    result = MatchResult.objects.order_by("pk").first()
    MatchResult.objects.filter(pk=result.pk).update(digest=before[result.pk][0][::-1])
    api.post(f"/api/v1/patients/{pid}/match")
    jobs.run_job(MatchJob.objects.filter(patient_id=pid).order_by("-created").first().pk)
    rewritten = MatchResult.objects.get(pk=result.pk)
    assert rewritten.digest.startswith(LINE_DIGESTS) and rewritten.last_changed is not None
    assert {pk: v for pk, v in after.items() if pk != result.pk} == {
        pk: (digest, changed)
        for pk, digest, changed in MatchResult.objects.exclude(pk=result.pk).values_list("pk", "digest", "last_changed")
    }


SINGLE_KEYS = ("matcher", "0019_last_changed_empty_until_changed")


def _foreign_keys() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'matcher_matchresult'::regclass AND contype = 'f'"
        )
        return {row[0].replace(" DEFERRABLE INITIALLY DEFERRED", "") for row in cursor.fetchall()}


COMPOSITE_KEYS = {
    "FOREIGN KEY (patient_id, client_id) REFERENCES matcher_patient(id, client_id)",
    "FOREIGN KEY (trial_id, criteria_version_id) REFERENCES trials_criteriaversion(trial_id, id)",
    "FOREIGN KEY (assigned_to_id) REFERENCES auth_user(id)",
}
ASSIGNED = {"FOREIGN KEY (assigned_to_id) REFERENCES auth_user(id)"}
COMPOSITE = ("matcher", "0021_result_client_indexed_where_queued")
KEY_TRIGGERS = {
    ("matcher_matchresult", "matchresult_keys_inserted"), ("matcher_matchresult", "matchresult_keys_updated"),
    ("matcher_patient", "matchresult_patients_deleted"), ("matcher_patient", "matchresult_patient_rekeyed"),
    ("trials_criteriaversion", "matchresult_versions_deleted"), ("trials_criteriaversion", "matchresult_version_rekeyed"),
}


def _key_triggers() -> set[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tgrelid::regclass::text, tgname FROM pg_trigger WHERE NOT tgisinternal AND tgname LIKE 'matchresult_%%'")
        return set(cursor.fetchall())


SINGLE = {
    "FOREIGN KEY (patient_id) REFERENCES matcher_patient(id)",
    "FOREIGN KEY (client_id) REFERENCES matcher_apiclient(id)",
    "FOREIGN KEY (trial_id) REFERENCES trials_trial(id)",
    "FOREIGN KEY (criteria_version_id) REFERENCES trials_criteriaversion(id)",
    "FOREIGN KEY (assigned_to_id) REFERENCES auth_user(id)",
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the composite keys are PostgreSQL's")
def test_composite_result_keys_replace_the_single_ones_and_go_back_keeping_every_row(api, seeded):
    _matched(api, "D07")
    rows = _rows()
    assert rows[0]

    _migrate(COMPOSITE)
    assert _foreign_keys() == COMPOSITE_KEYS and _rows() == rows
    _migrate(SINGLE_KEYS)
    assert _foreign_keys() == SINGLE and _rows() == rows
    _migrate(COMPOSITE)
    assert _foreign_keys() == COMPOSITE_KEYS and _rows() == rows
    _migrate(None)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the key triggers are PostgreSQL's")
def test_the_composite_keys_become_statement_triggers_and_come_back_keeping_every_row(api, seeded):
    _matched(api, "D07")
    rows = _rows()
    assert rows[0] and _foreign_keys() == ASSIGNED and _key_triggers() == KEY_TRIGGERS

    _migrate(COMPOSITE)
    assert _foreign_keys() == COMPOSITE_KEYS and not _key_triggers() and _rows() == rows
    _migrate(None)
    assert _foreign_keys() == ASSIGNED and _key_triggers() == KEY_TRIGGERS and _rows() == rows


def _matched(api, example: str) -> str:
    """An example patient posted and its match job run: the rows a migration must keep."""
    body = (EXAMPLES / "patients" / f"{example}.json").read_bytes()
    pid = api.post("/api/v1/patients", body, content_type="application/fhir+json").json()["id"]
    jobs.run_job(MatchJob.objects.get(patient_id=pid).pk)
    return pid


def _bad_result(**changes):
    from django.db import IntegrityError, transaction

    from matcher.db.bulk import unsaved

    good = MatchResult.objects.values().order_by("pk").first()
    values = {k: v for k, v in good.items() if k not in ("id", "first_seen")} | {"trial_id": good["trial_id"]}
    with pytest.raises(IntegrityError), transaction.atomic():
        connection.cursor().execute("SET CONSTRAINTS ALL IMMEDIATE")
        MatchResult.objects.filter(pk=good["id"]).delete()
        row = unsaved(MatchResult, **(values | changes))
        row.save(force_insert=True)


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the key checks are PostgreSQL's")
def test_the_database_refuses_a_result_of_another_client_s_patient_or_another_trial_s_version(api, make_client, seeded):
    from trials.models import CriteriaVersion

    _matched(api, "D07")
    result = MatchResult.objects.order_by("pk").first()
    other_client = make_client("hospital-b").eligo_client
    other_version = CriteriaVersion.objects.exclude(trial_id=result.trial_id).first()
    _bad_result(client_id=other_client.pk)  # the patient is hospital-a's
    _bad_result(criteria_version_id=other_version.pk)  # a version of another trial
    _bad_result(patient_id=uuid.uuid4())  # no such patient
    assert MatchResult.objects.filter(pk=result.pk).exists()  # each attempt rolled back whole


QUEUE_CLIENT = ("matcher", "0021_result_client_indexed_where_queued")
FULL_CLIENT = ("matcher", "0020_composite_result_keys")


def _job_versions() -> dict[str, dict]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, criteria_versions FROM matcher_matchjob WHERE status = 'succeeded'")
        return {str(pk): json.loads(v) if isinstance(v, str) else v for pk, v in cursor.fetchall()}


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="partial indexes are checked on PostgreSQL")
def test_the_client_index_narrows_to_the_queue_and_a_job_s_versions_come_back_from_its_results(api, seeded):
    pid = _matched(api, "D07")
    rows = _rows()
    judged = {nct: number for nct, number in MatchResult.objects.filter(patient_id=pid, state="active").values_list(
        "trial__nct_id", "criteria_version__number"
    )}
    indexes = _indexes("matcher_matchresult")
    assert "WHERE" in indexes["matchresult_queue_client"] and not any(
        d.endswith("(client_id)") for d in indexes.values()
    )

    _migrate(FULL_CLIENT)
    indexes = _indexes("matcher_matchresult")
    assert "matchresult_queue_client" not in indexes and any(d.endswith("(client_id)") for d in indexes.values())
    assert list(_job_versions().values()) == [judged] and judged
    assert _rows() == rows

    _migrate(None)
    assert "WHERE" in _indexes("matcher_matchresult")["matchresult_queue_client"] and _rows() == rows
