"""A heading offering its lines as groups a patient is in one of ("Subjects with MM and renal
function fitting one of three categories:", "Subjects accrue to one of two phases:", "Measurable
disease defined as one or both of the following"): the lines are alternatives (rules_engine.parser
.criteria._ANY_OF). Joined with AND, "creatinine clearance < 30" and ">= 90" failed everyone."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.criteria import _ANY_OF
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult, crcl

INC = CriterionType.INCLUSION


def decide(heading: str, facts: PatientFacts) -> Outcome:
    rows = [(INC, heading, None), (INC, "Creatinine clearance < 30 mL/min", 0), (INC, "Creatinine clearance >= 90 mL/min", 0)]
    return evaluate_reference(TrialCriteria("NCT00000094", 1, parse_lines(rows)), facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize("heading", [
    "Renal function fitting one of three categories:",
    "Patients accrue to one of two groups:",
    "Renal function defined as one or both of the following:",
])
@pytest.mark.parametrize("facts, outcome", [(adult(crcl(20)), Outcome.MET), (adult(crcl(95)), Outcome.MET), (adult(crcl(60)), Outcome.NOT_MET)])
def test_a_patient_in_one_group_meets_the_heading(heading: str, facts: PatientFacts, outcome: Outcome) -> None:
    assert decide(heading, facts) is outcome


def test_a_heading_naming_no_groups_still_asks_all_its_lines() -> None:
    assert _ANY_OF.search("Adequate organ function, two of which are listed below:") is None


def test_the_pattern_takes_bounded_time_on_hostile_text() -> None:
    start = time.perf_counter()
    _ANY_OF.search("one of two " + "very-long-word " * 500)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
