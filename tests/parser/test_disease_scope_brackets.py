"""A bracket naming the diseases a requirement is for (rules_engine.parser.scope_brackets).

- "Hemoglobin level < 8.0 g/dL (for multiple myeloma, non-hodgkin lymphoma, or hodgkin lymphoma
  only)": the bound concerns those patients (the bracket was dropped and a patient with AML and a
  low haemoglobin was excluded; "(for multiple myeloma only)" excluded every myeloma).
- Left to their own readers: people ("for women of childbearing potential only"), a place.
"""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.scope_brackets import ROWS
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render_rule
from tests.fixtures.records import AS_OF, adult, condition, hemoglobin, platelets

EXC = CriterionType.EXCLUSION
MET, NOT_MET = Outcome.MET, Outcome.NOT_MET
HB = "Hemoglobin level < 8.0 g/dL (for multiple myeloma, non-hodgkin lymphoma, or hodgkin lymphoma only);"
PLT = "Platelet count < 25,000 /μL (for multiple myeloma only);"


def decide(line: str, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("NCT00000095", 1, parse_lines([(EXC, line)]))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize(
    "line, read",
    [
        (HB, "hemoglobin < 8 g/dL and (multiple-myeloma or NHL or Hodgkin-lymphoma)"),
        (PLT, "multiple-myeloma and platelets < 25 10*9/L"),
    ],
)
def test_the_bracket_scopes_the_bound(line: str, read: str) -> None:
    assert render_rule(parse_line(line, EXC).expr) == read


@pytest.mark.parametrize(
    "line, facts, outcome",
    [
        (HB, adult(condition("aml"), hemoglobin(7)), NOT_MET),
        (HB, adult(condition("multiple_myeloma"), hemoglobin(7)), MET),
        (PLT, adult(condition("multiple_myeloma"), platelets(100)), NOT_MET),
    ],
)
def test_only_the_named_patients_are_asked(line: str, facts: PatientFacts, outcome: Outcome) -> None:
    assert decide(line, facts) is outcome


def test_people_are_no_diseases() -> None:
    read = render_rule(
        parse_line("Negative pregnancy test (for women of childbearing potential only)", CriterionType.INCLUSION).expr
    )
    assert read == "(childbearing-potential is negative and not pregnancy) or pregnancy-test is negative"


def test_the_row_takes_bounded_time_on_hostile_text() -> None:
    text = "(for " + "word " * 3000 + "(in a " * 500 + "only" * 200
    start = time.perf_counter()
    for pattern, repl, _gate in ROWS:
        re.compile(pattern, re.I).sub(repl, text)
    assert time.perf_counter() - start < 0.5
