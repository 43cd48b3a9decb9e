""""Active infectious disease", "Uncontrolled infectious diseases", "Severe infectious disease"
(about 15 corpus lines, issue 14): the infection in a clinic's words. Left to a person whole, an
active infection on record never met the exclusion, and a record without one stayed unknown
though absent means absent (contract section 4).

Read only where a word of the infection's state stands right before the words: bare, "infectious
disease" names what a detention was for ("compulsorily detained for ... physical (eg, infectious
disease) illness"), what a vaccine prevents ("vaccines for prevention of infectious diseases",
whose live vaccine is the line's own requirement), a specialist or a test; read as an infection
there, a patient with a urinary infection was turned away by a line about detention.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language.render import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
INFECTED = adult(condition("active_infection", 3))
HIV = adult(condition("hiv", 800))

ROWS = [
    ("Active infectious disease", E, [INFECTED], [CLEAN, HIV], []),
    ("Concurrent and active infectious disease.", E, [INFECTED], [CLEAN], []),
    ("Active infectious disease or known chronic Hepatitis B/Hepatitis C infection", E, [INFECTED], [CLEAN], []),
    # the state asked stays a person's question for an infection on record; none on record is none
    ("Uncontrolled infectious disease", E, [], [CLEAN], [INFECTED]),
    ("No uncontrolled infectious disease", I, [CLEAN], [], [INFECTED]),
    ("Severe infectious disease", E, [], [CLEAN], [INFECTED]),
    ("Uncontrolled infectious disease or known Human Immunodeficiency Virus HIV-1 or HIV-2 type patients;", E, [HIV], [CLEAN], [INFECTED]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_an_infectious_disease_in_its_state_is_an_active_infection(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Subjects who are compulsorily detained for treatment of either a psychiatric or physical (eg, infectious disease) illness.",
        "Patients must not have live vaccine therapies for prevention of infectious diseases within 28 days of first nivolumab dose",
        "Infectious disease testing will be done per Hematology guidelines",
        "Evaluation by an infectious disease specialist before enrolment",
    ],
    ids=["detention", "vaccine-prevents", "testing", "specialist"],
)
def test_bare_infectious_disease_words_are_no_infection(text: str) -> None:
    criterion = parse_line(text, E)
    assert "active-infection" not in render_rule(criterion.expr, criterion.applies_if)


def test_a_hostile_line_of_infectious_words_parses_in_bounded_time() -> None:
    text = "active " * 1500 + "infectious " * 1500 + "disease " * 500
    started = time.perf_counter()
    parse_line(text[:20000], E)
    assert time.perf_counter() - started < 1.0
