"""The first of two qualifiers joined before an infection ("Untreated or uncontrolled life-threatening
infection", "Active clinically serious and uncontrolled infection"; topics.infection_qualifiers)
qualifies that infection: a record without an active infection does not meet the exclusion, a
sepsis meets it, and an active infection stays a person's. Read as an alternative of its own the
stray words left every patient unknown.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.infection_qualifiers import stray_qualifiers
from rules_engine.criteria import Review, ReviewReason
from tests.fixtures.judging import judged
from tests.fixtures.records import adult, condition

_LINES = (
    "Untreated or uncontrolled life-threatening infection.",
    "No untreated or uncontrolled life-threatening infection.",
    "Active clinically serious and uncontrolled infection > CTCAE Grade 2",
)

CASES = [
    ("no-infection", adult(), Outcome.NOT_MET),
    ("sepsis", adult(condition("sepsis", 3)), Outcome.MET),
    ("pneumonia", adult(condition("active_infection", 5)), Outcome.UNKNOWN),
]


@pytest.mark.parametrize("text", _LINES, ids=["untreated-or", "no-untreated-or", "serious-and"])
@pytest.mark.parametrize("facts, expected", [(f, e) for _, f, e in CASES], ids=[n for n, _, _ in CASES])
def test_the_first_qualifier_qualifies_the_infection(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, CriterionType.EXCLUSION), facts) is expected


def test_a_review_of_other_words_stays_an_alternative() -> None:
    """A review beside the infection that is more than its qualifiers ("serious concurrent
    illness") is another condition of the line: it stays unknown for every patient."""
    line = parse_line("Untreated or uncontrolled infection or serious concurrent illness", CriterionType.EXCLUSION)
    assert judged(line, adult()) is Outcome.UNKNOWN


def test_a_line_without_joined_qualifiers_is_left_alone() -> None:
    review = Review(ReviewReason.UNPARSED, "Untreated")
    assert stray_qualifiers(review, "Untreated infection") is review


def test_hostile_input_parses_quickly() -> None:
    text = "untreated or " * 1500 + "uncontrolled serious " * 500 + "infection"
    start = time.perf_counter()
    stray_qualifiers(Review(ReviewReason.UNPARSED, text), text)
    parse_line(text[:2000], CriterionType.EXCLUSION)
    assert time.perf_counter() - start < 1.0
