"""A count asked "transfusion independent" ("Platelet count >= 100,000/mm3 (transfusion
independent)"): the count, and no transfusion dependence on record (``topics.transfusion_independent``).
Left a review beside the count, every patient with the count was unknown (9 corpus trials)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.transfusion_independent import transfusion_independent_items
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, lab, medication

INC = CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

BRACKETS = "Platelet count at least 100,000/mm3 (transfusion independent)"
COMMA = "Platelets > 75 x 10^9/L, transfusion independent."


def platelets(value: float, *parts: object) -> PatientFacts:
    return adult(lab("platelets", value, "10*9/L"), *parts)


# (why, line, record, outcome)
CASES: list[tuple[str, str, PatientFacts, Outcome]] = [
    ("the count, no transfusion on record: met", BRACKETS, platelets(150), MET),
    ("a count under the bound fails whatever the transfusions", BRACKETS, platelets(80), NOT_MET),
    ("a transfusion 20 days ago: whether it holds the count up is a person's", BRACKETS,
     platelets(150, medication("platelet_transfusion", 20)), UNKNOWN),
    ("a transfusion 200 days ago is past every definition's span", BRACKETS, platelets(150, medication("platelet_transfusion", 200)), MET),
    ("after a comma closing the line", COMMA, platelets(90), MET),
    ("after a comma, red cells last month", COMMA, platelets(90, medication("rbc_transfusion", 30)), UNKNOWN),
]


@pytest.mark.parametrize(("text", "facts", "expected"), [pytest.param(t, f, o, id=w) for w, t, f, o in CASES])
def test_the_count_stands_without_transfusions(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(text, INC), facts, AS_OF).outcome is expected


def test_a_line_asking_the_independence_alone_is_left_alone() -> None:
    assert transfusion_independent_items("Subjects must be platelet transfusion independent") == []


def test_a_hostile_line_is_read_fast() -> None:
    hostile = "(" + "platelet " * 1_000 + "transfusion " * 1_000 + "- " * 3_000 + "independent x"
    start = time.perf_counter()
    transfusion_independent_items(hostile)
    assert len(hostile) > 20_000 and time.perf_counter() - start < 0.5
