"""A heading whose own requirement has its list as the alternative (issue 14, criteria read right).

"All subjects must be screened for hepatitis B and C infection; subjects must either have no
history of hepatitis B or C, or must meet the following criteria in order to be eligible:" with
the conditions for infected patients under it. The screening sentence was read as the infection
and the "either" hid the "no": every patient without hepatitis failed the line (holdout T282).
The screening asks nothing; the patient with no hepatitis meets the heading, one with it meets
it only through the list.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render_rule
from tests.fixtures.records import AS_OF, adult, condition, medication

INC = CriterionType.INCLUSION
HEADING = ("All subjects must be screened for hepatitis B and C infection; subjects must either have no history of hepatitis B or C, "
           "or must meet the following criteria in order to be eligible:")
CHILDREN = ("Subjects with hepatitis B must be on antiviral therapy.", "No cirrhosis.")


def _outcome(facts) -> Outcome:
    lines = [(INC, HEADING, None), *((INC, child, 0) for child in CHILDREN)]
    return evaluate_reference(TrialCriteria("NCT00000029", 1, parse_lines(lines)), facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize("facts,expected", [
    (adult(condition("aml")), Outcome.MET),  # no hepatitis: the heading's own alternative
    (adult(condition("aml"), condition("hbv"), condition("liver_disease")), Outcome.NOT_MET),  # neither alternative
])
def test_either_no_infection_or_the_list(facts, expected):
    assert _outcome(facts) is expected


def test_an_infected_patient_meeting_the_list_is_not_failed_by_the_heading():
    facts = adult(condition("aml"), condition("hbv"), medication("antiviral_therapy", 5))
    assert _outcome(facts) is not Outcome.NOT_MET


@pytest.mark.parametrize("text", [
    "All subjects must be screened for hepatitis B and C infection; subjects must have no history of HIV",
    "Patients will be tested for HIV; patients must have no history of HIV",
])
def test_a_screening_sentence_beside_a_requirement_asks_nothing(text):
    criterion = parse_line(text, INC)
    assert render_rule(criterion.expr, criterion.applies_if) == "not HIV"
