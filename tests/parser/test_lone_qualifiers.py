"""A lone course word in an "or" list of diseases qualifies the disease after it
(parser.lone_qualifiers): "prolymphocytic leukemia, aggressive, or relapsed CLL" takes an
aggressive CLL (a person's to judge) or a relapsed one, never a patient without a CLL as unknown."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I = CriterionType.INCLUSION

PLL, AML = adult(condition("b_pll")), adult(condition("aml"))
CLL = adult(condition("cll", 400))
RELAPSED_CLL = adult(condition("cll", 2000), condition("relapsed", 30, diagnosis="cll"))

ROWS = [
    # (type, text, met, not met, unknown)
    (I, "All patients with histologically or cytologically confirmed Richter's transformation, prolymphocytic leukemia, aggressive, or "
        "relapsed/refractory B-cell chronic lymphocytic leukemia are eligible for this protocol.", [PLL], [AML], [CLL]),
    (I, "prolymphocytic leukemia, untreated, or relapsed CLL", [PLL, RELAPSED_CLL], [AML], [CLL]),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(ROWS))
def test_a_lone_course_word_qualifies_the_next_disease(ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_long_hostile_list_of_lone_words_parses_fast() -> None:
    import time

    text = "prolymphocytic leukemia, " + "aggressive, or " * 1300 + "relapsed CLL"
    started = time.perf_counter()
    parse_line(text[:20000], I)
    assert time.perf_counter() - started < 5.0
