"""A condition given as an example of an unread head (``topics/head_examples.py``): a record of
the example meets the exclusion, the head stays a person's for a patient with another disease of
the organ it names, and a patient with none is not met; an example of an exception, a treatment's
head, or a subject named before the marker keeps its reading."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.head_examples import examples_of_head
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

E = CriterionType.EXCLUSION

CLEAN = adult()
ANGINA = adult(condition("angina"))
HEART_FAILURE = adult(condition("heart_failure"))
HYPERTENSION = adult(condition("hypertension"))
ASCITES = adult(condition("ascites"))
LIVER = adult(condition("liver_disease"))
ARRHYTHMIA = adult(condition("arrhythmia"))
HYPOCALCEMIA = adult(condition("hypocalcemia"))

ROWS = [
    ("Any other uncontrolled cardiac condition such as angina pectoris", E, [ANGINA], [CLEAN, HYPERTENSION], [HEART_FAILURE]),
    ("History of uncontrolled intercurrent illness including hypertension, active infection, diabetes", E, [HYPERTENSION], [], [CLEAN]),
    ("Evidence of hepatic decompensation including ascites, gastrointestinal bleeding", E, [ASCITES], [CLEAN], [LIVER]),
    ("Uncontrolled intercurrent disease including arrhythmias, angina pectoris, or active infection", E, [ARRHYTHMIA, ANGINA], [], [CLEAN]),
    ("Uncontrolled electrolyte abnormalities including hypocalcemia, hypomagnesemia, and hypokalemia", E, [HYPOCALCEMIA], [], [CLEAN]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_an_example_on_record_decides_its_head(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        # the subject before the marker is the head's own, not an example
        "Clinically significant gastrointestinal abnormalities that may increase the risk for gastrointestinal bleeding including, but not limited to:",
        # an example of a cause the line excepts
        "Acute renal failure due solely to readily reversible causes such as hypercalcemia, hyperuricemia, dehydration",
        # a treatment's head
        "Patients receiving warfarin anticoagulation, who cannot be transferred to other agents such as enoxaparin or dabigatran",
    ],
    ids=["subject-before-marker", "cause", "treatment-head"],
)
def test_a_line_not_built_that_way_keeps_its_reading(text: str) -> None:
    expr = parse_line(text, E).expr
    assert examples_of_head(expr, E, text) is expr


def test_the_head_words_read_in_bounded_time() -> None:
    hostile = "uncontrolled cardiac condition " * 2000 + "such as " * 2000 + "angina"
    expr = parse_line("Any other uncontrolled cardiac condition such as angina pectoris", E).expr
    start = time.perf_counter()
    examples_of_head(expr, E, hostile)
    assert time.perf_counter() - start < 1.0
