"""Richter's transformation read as a CLL (or SLL) and the aggressive lymphoma it became, a DLBCL
or a Hodgkin lymphoma (topics.richter): a CLL alone is none, a de novo DLBCL is none, and a CLL
beside a lymphoma of no stated kind stays open."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I = CriterionType.INCLUSION
E = CriterionType.EXCLUSION

RICHTER = adult(condition("cll", 2000), condition("dlbcl", 40))
RICHTER_HL = adult(condition("sll", 2000), condition("hodgkin_lymphoma", 40))
CLL, DLBCL = adult(condition("cll")), adult(condition("dlbcl"))
CLL_LYMPHOMA = adult(condition("cll", 2000), condition("b_cell_lymphoma", 40))  # a B-cell lymphoma of no stated kind

ROWS = [
    # (type, text, met, not met, unknown)
    (E, "Known or suspected history of Richter's transformation.", [RICHTER, RICHTER_HL], [CLL, DLBCL], [CLL_LYMPHOMA]),
    (E, "History of Richter's or prolymphocytic transformation.", [RICHTER], [], []),
    (E, "Richter's transformation, prolymphocytic leukemia or primary central nervous system lymphoma", [RICHTER], [CLL], []),
    (I, "Richter syndrome", [RICHTER], [CLL, DLBCL], [CLL_LYMPHOMA]),
    (I, "No Richter's syndrome", [CLL], [RICHTER], []),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(ROWS))
def test_a_richter_transformation_is_a_cll_and_its_aggressive_lymphoma(ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_long_hostile_richter_line_parses_fast() -> None:
    text = "Richter's or prolymphocytic transformation, Richter " * 400
    started = time.perf_counter()
    parse_line(text[:20000], E)
    assert time.perf_counter() - started < 5.0


MANTLE = adult(condition("mantle_cell_lymphoma"))

LISTS = [
    # (type, text, met, not met, unknown): in a list the transformation stays one disease of it
    (I, "Mantle cell lymphoma, Richter's transformation", [MANTLE, RICHTER], [DLBCL, CLL], []),
    (I, "Diagnosis of mantle cell lymphoma, follicular lymphoma and Richter's syndrome", [MANTLE, RICHTER], [DLBCL, CLL], []),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(LISTS))
def test_a_listed_richter_transformation_is_one_disease_of_the_list(ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected
