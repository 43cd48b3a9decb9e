"""An exclusion heading that is a whole sentence of its own ("Infection Patients will be excluded
if they have an active, uncontrolled infection.") announces no list: the lines a registry's
layout nested under it are exclusions beside it, each excluding alone. Joined with AND, a
patient on coumadin without an infection was let through (holdout T64-warfarin)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, condition, lab, medication, record

EXC = CriterionType.EXCLUSION
CLOSED = "Infection Patients will be excluded if they have an active, uncontrolled infection."
CHILDREN = ("Patients currently being treated with coumadin.", "Patients with a history of stroke.")


def _outcome(heading: str, facts) -> Outcome:
    lines = [(EXC, heading, None), *((EXC, child, 0) for child in CHILDREN)]
    return evaluate_reference(TrialCriteria("NCT00000019", 1, parse_lines(lines)), facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize(
    "facts, expected",
    [
        (record(condition("acute_myeloid_leukemia"), medication("vitamin_k_antagonist", 3)), Outcome.MET),
        (record(condition("acute_myeloid_leukemia"), condition("stroke")), Outcome.MET),
        (record(condition("acute_myeloid_leukemia")), Outcome.NOT_MET),
    ],
    ids=["coumadin-alone-excludes", "stroke-alone-excludes", "none-of-them"],
)
def test_each_line_under_a_closed_exclusion_sentence_excludes_alone(facts, expected):
    assert _outcome(CLOSED, facts) is expected


def test_an_inclusion_sentence_keeps_the_lines_under_it_as_requirements():
    """Only an exclusion's lines can be hidden by AND; an inclusion's closed sentence still
    needs every line under it (a failed bilirubin fails the organ-function heading)."""
    inc = CriterionType.INCLUSION
    lines = [(inc, "Patients must have adequate organ function as shown below.", None), (inc, "Total bilirubin <= 1.5 x ULN", 0)]
    facts = record(condition("acute_myeloid_leukemia"), lab("bilirubin", 4.0, "mg/dL", uln=1.2))
    top = TrialCriteria("NCT00000019", 1, parse_lines(lines))
    assert evaluate_reference(top, facts, AS_OF).criteria[0].outcome is Outcome.NOT_MET
