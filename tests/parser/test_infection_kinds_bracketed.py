"""An infection's kinds listed in a bracket after its word are the infection itself
(``infection_rewrites.INFECTION_KINDS_BRACKETED``): "uncontrolled active infections (viral,
bacterial, and fungal)" reads as the same kinds said before the word do, so a record with no
infection is decided; a bracket holding anything else, or a single kind, is left as written."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
SEPSIS = adult(condition("sepsis", 3))
HIV = adult(condition("hiv", 800))

ROWS = [
    # three kinds, "and" before the last: an exclusion a patient with no infection meets not
    ("Patients with uncontrolled active infections (viral, bacterial, and fungal) are not eligible.", E, [SEPSIS], [CLEAN, HIV], []),
    # two kinds, no join
    ("Sever infection (bacterial, viral)", E, [], [CLEAN], []),
    # an inclusion's denial, the kinds' comma missing
    ("No serious active infection (viral, fungal bacterial)", I, [CLEAN], [SEPSIS], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_bracketed_infection_kinds_read_as_the_infection(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Active infection (viral)",
        "Active infection (other than viral or fungal)",
    ],
)
def test_other_brackets_after_an_infection_are_left_as_written(text: str) -> None:
    assert "review" in rule_of(text, E)


def test_hostile_input_parses_quickly() -> None:
    text = "infection (" + "viral, " * 3000 + "x)"
    start = time.perf_counter()
    parse_line(text, E)
    assert time.perf_counter() - start < 1.0
