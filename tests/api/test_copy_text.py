"""Rows encoded by hand for COPY read back exactly as they were (matcher.db.bulk)."""

import pytest
from django.db import connection

from matcher.db.bulk import copy_field, copy_text
from rules_engine.outcome import Outcome

pytestmark = pytest.mark.django_db


@pytest.fixture
def probe_table():
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE copy_probe (n integer, t text, b boolean, j jsonb, r integer)")
    yield "copy_probe"
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE copy_probe")


def _round_trip(table: str, row: tuple) -> tuple:
    copy_text(table, ("n", "t", "b", "j", "r"), ["\t".join(map(copy_field, row)) + "\n"])
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT n, t, b, j::text, r FROM {table}")
        return cursor.fetchone()


@pytest.mark.parametrize(
    "text",
    [
        "ECOG 1 (2026-11-02) is within 0-3",
        "a \\ backslash, a \\N that is no NULL, and \\\\ two",
        "tab\there, newline\nthere, carriage\rreturn",
        "control \x01 and \x1f characters, ≤ 1.5 × ULN, emoji 🧬, \u2028",
        "",
    ],
)
def test_text_reads_back_as_written(probe_table, text):
    assert _round_trip(probe_table, (7, text, True, '["anc"]', None))[1] == text


@pytest.mark.parametrize(
    "column,value,stored",
    [
        (1, None, None),
        (1, Outcome.NOT_MET, "not_met"),  # a str enum goes as its value, not its name
        (2, True, True),
        (2, False, False),
        (4, None, None),
    ],
)
def test_nulls_booleans_and_enums_keep_their_meaning(probe_table, column, value, stored):
    row = [1, "x", False, "[]", 0]
    row[column] = value
    assert _round_trip(probe_table, tuple(row))[column] == stored


def test_json_with_quotes_and_backslashes_reads_back_as_written(probe_table):
    assert _round_trip(probe_table, (1, "x", False, '["say \\"no\\"", "a\\\\b"]', 3))[3:] == ('["say \\"no\\"", "a\\\\b"]', 3)


def test_many_lines_arrive_in_one_copy(probe_table):
    copy_text(probe_table, ("n", "t"), (f"{n}\t{copy_field(f'line {n}')}\n" for n in range(12_345)))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*), sum(n) FROM {probe_table}")
        assert cursor.fetchone() == (12_345, sum(range(12_345)))


def test_insert_models_draws_each_key_from_the_tables_sequence_in_order_as_nextval_one_by_one():
    """``insert_models`` draws a batch's keys in one statement, the sequence named once: the keys
    are the ones ``nextval`` called a key at a time would give, in order, and the sequence goes
    on after them."""
    from django.contrib.auth.models import User

    from matcher.db.bulk import insert_models, unsaved
    from matcher.models import ApiClient

    users = [User.objects.create(username=f"keys-{n}") for n in range(5)]

    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence('matcher_apiclient', 'id'))")
        (plain,) = cursor.fetchone()
    rows = [unsaved(ApiClient, name=f"keys-{n}", user_id=u.pk, can_manage_trials=False) for n, u in enumerate(users)]
    insert_models(ApiClient, rows)
    assert [r.pk for r in rows] == list(range(plain + 1, plain + 6))
    assert sorted(ApiClient.objects.filter(name__startswith="keys-").values_list("pk", "name")) == [
        (r.pk, r.name) for r in rows
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence('matcher_apiclient', 'id'))")
        assert cursor.fetchone()[0] == plain + 6


def test_a_rows_values_read_from_the_instance_equal_its_attributes():
    """``insert_models`` reads a row's columns from the instance's ``__dict__`` (``_row_of``): the
    same tuple as reading each attribute, for an instance built without ``__init__`` and one built
    with it; a value its ``__dict__`` lacks is read as an attribute."""
    import uuid
    from datetime import date
    from operator import attrgetter

    from matcher.db.bulk import _from_dict, _row_of, unsaved
    from matcher.models import MatchResult

    fields = MatchResult._meta.concrete_fields
    plain = attrgetter(*(f.attname for f in fields))
    values = dict(
        patient_id=uuid.uuid4(), client_id=3, trial_id=5, criteria_version_id=7, eligibility="eligible", score=0.5,
        evaluated_at=date(2026, 11, 22), digest=".abc", outcomes="mU", facts_version_id=None,
    )
    for row in (unsaved(MatchResult, **values), MatchResult(**values)):
        assert _row_of(fields)(row) == plain(row)
        assert _row_of(fields)(row)[[f.attname for f in fields].index("trial_id")] == 5

    class Lacking:
        digest = ".from-the-class"

    lacking = Lacking()
    lacking.outcomes = "mU"  # type: ignore[attr-defined]
    assert _from_dict(("outcomes", "digest"))(lacking) == ("mU", ".from-the-class")  # type: ignore[arg-type]


def test_result_rows_through_binary_copy_read_back_as_through_the_text_format():
    """``copy_binary`` (a job's new results, ``insert_models(..., binary=True)``) stores what
    ``copy_rows`` stores, value for value: NULLs, dates, aware times, floats and integers given
    as either, words beyond Latin-1, str enums, and a UUID given as its text."""
    import uuid
    from datetime import date

    from django.utils import timezone

    from matcher.db.bulk import _all_plain, _binary_types, _row_of, copy_binary, copy_rows, unsaved
    from matcher.models import MatchResult

    fields = MatchResult._meta.concrete_fields
    columns = [f.column for f in fields]
    now = timezone.now()
    rows = []
    for n, (score, changes_on, error, job, last_changed) in enumerate([
        (0.667, None, "", uuid.uuid4(), None),
        (1, date(2027, 2, 28), "ValueError: ≥ 1.5 × ULN\ttab \\N", str(uuid.uuid4()), now),
        (0.0, date(2026, 11, 22), "", None, now),
    ]):
        row = unsaved(
            MatchResult, id=10_000_000_000 + n, patient_id=uuid.uuid4(), client_id=1, trial_id=5 + n, first_job_id=job,
            criteria_version_id=3, eligibility="possibly_eligible", eligibility_rank=1, score=score, unknown_count=n,
            changes_on=changes_on, error=error, evaluated_at=date(2026, 11, 22), digest=".abcdefghij",
            facts_version_id=None if n else 4, outcomes="mnUu", state=MatchResult.State.ACTIVE, gone_reason="",
            last_changed=last_changed, first_seen=now,
        )
        rows.append(row)
    assert _all_plain(fields)
    read = _row_of(fields)
    with connection.cursor() as cursor:
        for table in ("probe_text", "probe_binary"):
            cursor.execute(f"CREATE TEMP TABLE {table} (LIKE {MatchResult._meta.db_table})")
    types = _binary_types("probe_binary", columns)
    assert types is not None
    copy_rows("probe_text", columns, map(read, rows))
    copy_binary("probe_binary", columns, types, map(read, rows))
    with connection.cursor() as cursor:
        found = []
        for table in ("probe_text", "probe_binary"):
            cursor.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id")
            found.append(cursor.fetchall())
            cursor.execute(f"DROP TABLE {table}")
    assert found[0] == found[1] and len(found[0]) == 3
    assert [r[columns.index("score")] for r in found[1]] == [0.667, 1.0, 0.0]
