"""The hand-encoded matches answer reads exactly as DRF's JSON renderer would write it."""

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from rest_framework.renderers import JSONRenderer

from matcher.api.matches_json import _encode, _fields, render
from rules_engine.outcome import Eligibility

HEAD = {"patient": "6f1c4c1e-0000-4000-8000-000000000001", "job": "6f1c4c1e-0000-4000-8000-000000000002", "evaluated_at": date(2026, 11, 22)}


def _result(criteria):
    return {
        "rank": 1, "trial": "NCT06585345", "title": "CAR-T \"quoted\" title", "status": "RECRUITING",
        "eligibility": "eligible", "score": 0.933, "criteria": criteria, "error": "", "changes_on": date(2027, 1, 5),
        "first_seen": datetime(2026, 11, 22, 8, 30, 1, 123456, tzinfo=UTC), "last_changed": None,
    }


def _as_drf(head, results):
    expanded = [
        {**r, "criteria": [dict(zip(("type", "text", "outcome", "review", "reason"), c, strict=True)) for c in r["criteria"]]}
        for r in results
    ]
    return json.loads(JSONRenderer().render({**head, "results": expanded}))


@pytest.mark.parametrize(
    "text,reason",
    [
        ("ECOG 0-3", "ECOG 1 (2026-11-02) is within 0-3"),
        ("bilirubin ≤ 1.5 × ULN", "total bilirubin 1.6 mg/dL (2026-11-19) ≤ 3 × lab ULN 1 = 3 mg/dL"),
        ('a "quoted" line with a \\ backslash', "tab\there, newline\nthere"),
        ("control \x01 and \x1f characters", "emoji 🧬 and the word \u2028 separator"),
        ("", ""),
    ],
)
def test_a_criterion_reads_as_drf_would_write_it(text, reason):
    results = [_result([("inclusion", text, "met", False, reason), ("exclusion", text, "unknown", True, reason)])]
    assert json.loads(render(HEAD, results)) == _as_drf(HEAD, results)


def test_dates_and_times_read_as_drf_writes_them():
    body = json.loads(render(HEAD, [_result([])]))
    assert (body["evaluated_at"], body["results"][0]["first_seen"], body["results"][0]["changes_on"]) == (
        "2026-11-22", "2026-11-22T08:30:01.123456Z", "2027-01-05"
    )


def test_no_results_is_an_empty_list():
    assert json.loads(render({**HEAD, "job": None, "evaluated_at": None}, [])) == {**HEAD, "job": None, "evaluated_at": None, "results": []}


def test_results_keep_their_order():
    results = [{**_result([]), "rank": n, "trial": f"NCT0000000{n}"} for n in (1, 2, 3)]
    assert [r["trial"] for r in json.loads(render(HEAD, results))["results"]] == ["NCT00000001", "NCT00000002", "NCT00000003"]


def test_a_line_shared_by_results_and_repeated_in_one_reads_the_same_everywhere():
    """Lines are encoded once per tuple and found again by it; a repeated tuple, an equal one
    built apart, and one met first in a later result all read as DRF writes them."""
    shared = ("inclusion", "ANC ≥ 1,000/µL", "met", False, "ANC 1,200/µL (2026-11-19) ≥ 1,000/µL")
    equal = tuple(list(shared))
    later = ("exclusion", "active \"GVHD\"", "not_met", False, "no GVHD recorded")
    results = [
        {**_result([shared, shared, equal]), "rank": 1},
        {**_result([later, shared]), "rank": 2},
        {**_result([equal, later, later]), "rank": 3},
    ]
    assert json.loads(render(HEAD, results)) == _as_drf(HEAD, results)
    assert json.loads(render(HEAD, results)) == _as_drf(HEAD, results)  # encodings kept across answers


@pytest.mark.parametrize(
    "value",
    [
        "plain", "≥ 1.5 × ULN \"quoted\" \\ tab\t \x01 🧬 \u2028", "", None, 0, 7, -3, 0.933, 1.0, 0.5, 1e-07, True, False,
        date(2027, 1, 5),
        datetime(2026, 11, 22, 8, 30, 1, 123456, tzinfo=UTC),
        datetime(2026, 11, 22, 8, 30, 1, tzinfo=UTC),
        datetime(2026, 11, 22, 8, 30, 1, tzinfo=timezone(timedelta(hours=-5))),
        datetime(2026, 11, 22, 8, 30, 1),
        {"position": 3, "text": "Aged 18 or older", "reason": None},
        Eligibility.POSSIBLY_ELIGIBLE,
    ],
    ids=[
        "text", "text-escapes", "empty", "null", "zero", "int", "negative", "score", "one", "half", "tiny", "true",
        "false", "date", "datetime-utc-micro", "datetime-utc", "datetime-offset", "datetime-naive", "nested", "str-enum",
    ],
)
def test_a_result_field_is_written_byte_for_byte_as_drf_s_encoder_writes_it(value):
    """``_fields`` writes the values a result holds by hand and hands anything else to DRF's
    encoder: the text is the encoder's, character for character, for every kind of value."""
    result = {**_result([]), "changes_on": value}
    assert _fields(result) == _encode({k: v for k, v in result.items() if k != "criteria"})[:-1]
