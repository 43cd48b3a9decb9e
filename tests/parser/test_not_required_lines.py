"""A line that says what the trial does not ask ("Measurable or evaluable disease is not
required") asks nothing (rules_engine.parser.unasked.not_required): read as a requirement, its
noun failed every patient without it. Only whole lines that ask nothing else; a line that also
says "must", "unless" or "if" stays read as it was. Wordings are the corpus's own or their shape;
every case is judged by both evaluators."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.unasked import not_required
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, result

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MEASURABLE, NOT_MEASURABLE = adult(result("measurable_disease", "positive")), adult(result("measurable_disease", "negative"))

# (line, type, rule)
READINGS = [
    ("Residual disease is not required", INC, "no requirement"),
    ("Measurable or evaluable disease is not required", INC, "no requirement"),
    ("Measurable disease is not required but is allowed", INC, "no requirement"),
    ("The presence of objective metastatic disease is NOT required for study eligibility", INC, "no requirement"),
    ("Patients are not required to have measurable disease", INC, "no requirement"),
    ("Patients need not have measurable disease", INC, "no requirement"),
    ("HIV testing is not required for entry into this protocol", EXC, "not no requirement"),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_a_line_that_says_what_is_not_required_asks_nothing(text, ctype, rule):
    assert rule_of(text, ctype) == rule


# (line, met, not_met, unknown)
ROWS = [
    ("Measurable disease is not required but is allowed", [MEASURABLE, NOT_MEASURABLE, adult()], [], []),
    ("The presence of objective metastatic disease is NOT required for study eligibility",
     [adult(condition("metastatic_disease")), adult()], [], []),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(ROWS))
def test_no_patient_fails_a_line_that_asks_nothing(text, facts, expected):
    assert judged(parse_line(text, INC), facts) is expected


@pytest.mark.parametrize("text", [
    "Measurable disease is not required if bone marrow is involved",
    "Measurable disease is not required, but patients must have evaluable disease",
    "Patients must have AML. Measurable disease is not required",
    "Measurable disease is required",
])
def test_a_line_that_also_asks_something_is_not_taken_for_a_note(text):
    assert not not_required(text)


def test_the_note_pattern_takes_bounded_time_on_hostile_text():
    hostile = "a " * 5000 + "is not requir"
    start = time.perf_counter()
    not_required(hostile)
    not_required("Patients are not required to have " + "x " * 5000)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
