"""Heart failure asked "uncontrolled" with no definition of the line's own (``topics/control.py``;
~15 corpus lines): the corpus defines it as NYHA class II or greater, or above class II, so a
recorded class III or IV is uncontrolled under every definition and class I under none; class
II, or no class on record, stays a person's. A patient without heart failure is not asked."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, score

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def failing(nyha: int | None = None) -> PatientFacts:
    return adult(condition("heart_failure", 700), *([] if nyha is None else [score("nyha", nyha)]))


CLEAN = adult()

ROWS = [
    ("Unstable angina or uncontrolled congestive heart failure", E, [failing(4), failing(3)], [CLEAN, failing(1)], [failing(2), failing()]),
    ("Evidence of uncontrolled congestive heart failure", E, [failing(3)], [failing(1)], [failing(2)]),
    ("No uncontrolled congestive heart failure", I, [CLEAN, failing(1)], [failing(4)], [failing(2), failing()]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_uncontrolled_heart_failure_is_read_by_its_class_where_every_definition_agrees(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_a_line_with_its_own_class_is_never_given_ours() -> None:
    """"Uncontrolled congestive heart failure defined as NYHA class II or greater": class II is
    uncontrolled for that trial, whatever ours says."""
    assert judged(parse_line("Uncontrolled congestive heart failure defined as NYHA class II or greater", E), failing(2)) is Outcome.MET
