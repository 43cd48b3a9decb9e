"""A clause asked of an age group only, named after it (rules_engine.parser.age_scoped_clauses).

- "Lansky > 50 for pediatric patients less than age 10 years": an adult meets it whatever his
  Lansky; a child of 6 needs the score.
- "Shortening fraction >= 28% in children": an adult meets it.
- "LVEF < 45% and in children-shortening fraction < 26%" (an exclusion's condition): the children's;
  an adult with no shortening fraction on record is not excluded by it, a child with 20% is.
- Left as they were: a group of no age of its own ("ECOG 0, 1, or 2 for adolescent/young adult
  patients": an ECOG of 3 still fails it), groups named together ("in adults and children"), a group
  beside several clauses ("DLCO > 60% predicted and in children- room air oxygen saturation > 92%":
  it may name the clause after it only).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import All, CriterionType, Op, Predicate, Review, ReviewReason, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.age_scoped_clauses import age_scoped_clauses
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render_rule
from tests.fixtures.records import AS_OF, adult, ecog, lab, lvef, score

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
LANSKY = "Lansky Performance Index > 50 for pediatric patients less than age 10 years."
ECOG = "Eastern Cooperative Oncology Group (ECOG) performance status of 0, 1, or 2 for adolescent/young adult patients."
SF = "Left ventricular ejection fraction < 45% and in children-shortening fraction < 26%"
CHILDREN = "Shortening fraction >= 28% in children"
DLCO = "Carbon monoxide diffusing capability test (DLCO) > 60% predicted and in children- room air oxygen saturation > 92%"


def decide(ctype: CriterionType, line: str, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("NCT00000095", 1, parse_lines([(ctype, line)]))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize("ctype, line, read", [
    (INC, LANSKY, "age >= 10 years or Lansky > 50 %"),  # (the performance topic reads this scope itself)
    (INC, CHILDREN, "not age < 18 years or shortening-fraction >= 28 %"),
    (EXC, SF, "LVEF < 45 % or (age < 18 years and shortening-fraction < 26 %)"),
])
def test_the_group_named_scopes_the_clause_beside_it(ctype: CriterionType, line: str, read: str) -> None:
    assert render_rule(parse_line(line, ctype).expr) == read


@pytest.mark.parametrize("ctype, line, facts, outcome", [
    (INC, LANSKY, adult(years=40), MET),
    (INC, LANSKY, adult(score("lansky", 40), years=6), NOT_MET),
    (INC, CHILDREN, adult(lab("shortening_fraction", 20, "%"), years=40), MET),
    (INC, CHILDREN, adult(lab("shortening_fraction", 20, "%"), years=8), NOT_MET),
    (INC, ECOG, adult(ecog(3), years=15), NOT_MET),
    (EXC, SF, adult(lvef(60), years=40), NOT_MET),
    (EXC, SF, adult(lvef(60), lab("shortening_fraction", 20, "%"), years=8), MET),
])
def test_a_patient_outside_the_group_is_not_asked_the_clause(ctype: CriterionType, line: str, facts: PatientFacts, outcome: Outcome) -> None:
    assert decide(ctype, line, facts) is outcome


@pytest.mark.parametrize("ctype, line", [
    (INC, ECOG),
    # (the exclusion's condition "LVEF < 45% and in children-shortening fraction < 26%" was here:
    # it is the children's now, the DLCO line beside it in its trial being read as the requirement
    # it states, misfiled_requirements)
    (EXC, DLCO),
    (INC, DLCO),
    (INC, "Left ventricular ejection fraction >= 45% in adults and children"),
    (INC, "LVEF >= 45% in adults, >= 40% in children"),
])
def test_what_the_group_names_no_scope_of_is_left_as_it_was(ctype: CriterionType, line: str) -> None:
    assert "age" not in render_rule(parse_line(line, ctype).expr)


def test_the_patterns_take_bounded_time_on_hostile_text() -> None:
    expr = All((Predicate("ecog", Op.LTE, 2), Review(ReviewReason.UNPARSED, "for " + "adolescent / " * 300 + "children under " * 100)))
    start = time.perf_counter()
    age_scoped_clauses(expr, INC, "in adults " * 300 + "/ " * 300)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
