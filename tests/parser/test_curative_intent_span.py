"""A history of cancer allowed once its curative treatment lies beyond a span ("cancer treated with
curative intent > 5 years will be allowed; cancer treatment with curative intent =< 5 years will
not be allowed"; topics.curative_span): another malignancy counts while active or on record inside
the span, and one beyond it is allowed. Left as reviews, an active breast cancer was unknown where
the line excludes it and one cured 10 years ago never passed.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import Criterion
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_criteria
from rules_engine.parser.topics.curative_span import curative_span, sentences_dropped
from rules_engine.criteria import Review, ReviewReason
from tests.fixtures.judging import judged
from tests.fixtures.records import adult, condition

_LINES = (
    "Patients with prior malignancies except basal cell carcinoma or treated carcinoma in-situ; cancer treated with curative intent > 5 years "
    "will be allowed; cancer treatment with curative intent =< 5 years will not be allowed",
    "Participants with a history of cancer, other than resected basal cell carcinoma or treated carcinoma in-situ. Cancer treated with "
    "curative intent for more than 5 years previously will be allowed. Cancer treated with curative intent for less than 5 years "
    "previously will not be allowed unless approved by the Medical Monitor.",
)


def _line(text: str) -> Criterion:
    criteria = parse_criteria(f"Inclusion Criteria:\n- Diagnosis of acute myeloid leukemia\nExclusion Criteria:\n- Pregnant women\n- {text}\n")
    return next(c for c in criteria if "curative intent" in c.text)


def _aml(*more: object) -> PatientFacts:
    return adult(condition("aml", 100), *more)  # type: ignore[arg-type]


CASES = [
    # the trial's own disease alone: no other cancer
    ("aml-only", _aml(), Outcome.NOT_MET),
    # an active breast cancer: inside any span
    ("breast-active", _aml(condition("breast_cancer", 240)), Outcome.MET),
    # a breast cancer resolved 3 years ago: inside the 5 years
    ("breast-3y-resolved", _aml(condition("breast_cancer", 1100, active=False)), Outcome.MET),
    # a breast cancer found 10 years ago and resolved: beyond the span, allowed
    ("breast-10y-resolved", _aml(condition("breast_cancer", 3650, active=False)), Outcome.NOT_MET),
    # found 10 years ago and still active: no cure lies behind it
    ("breast-10y-active", _aml(condition("breast_cancer", 3650)), Outcome.MET),
]


@pytest.mark.parametrize("text", _LINES, ids=["semicolons", "sentences"])
@pytest.mark.parametrize("facts, expected", [(f, e) for _, f, e in CASES], ids=[n for n, _, _ in CASES])
def test_curative_treatment_beyond_the_span_is_allowed(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(_line(text), facts) is expected


@pytest.mark.parametrize(
    "text, years",
    [
        ("cancer treated with curative intent > 5 years will be allowed", 5.0),
        ("Cancer treated with curative intent for more than 3 years previously will be allowed.", 3.0),
        # a span refused, never one allowed: no span read
        ("Cancer treated with curative intent for less than 5 years previously will not be allowed", None),
        ("Cancer treated with curative intent ≤ 5 years (EXCEPTION BY PI DISCRETION)", None),
    ],
)
def test_only_an_allowing_sentence_states_the_span(text: str, years: float | None) -> None:
    span = curative_span(text)
    assert (span.amount if span else None) == years


def test_a_review_that_says_more_than_the_sentence_is_kept() -> None:
    """Only a review that is the sentence alone is dropped: another condition in it stays a person's."""
    kept = Review(ReviewReason.UNSUPPORTED_CONCEPT, "cancer treated with curative intent > 5 years will be allowed if the PI agrees")
    assert sentences_dropped(kept) == kept


def test_hostile_input_parses_quickly() -> None:
    text = "cancer treated with curative intent for more than " * 400 + "5 years will be " * 400
    start = time.perf_counter()
    curative_span(text)
    sentences_dropped(Review(ReviewReason.UNSUPPORTED_CONCEPT, text))
    _line(text[:3000])
    assert time.perf_counter() - start < 1.0
