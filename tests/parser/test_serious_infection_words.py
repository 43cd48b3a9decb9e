"""An active infection qualified only by words a sepsis always meets is met by a recorded sepsis
(``topics.infections.serious_infection``): the qualifier written with "evidence of",
"documented", "intercurrent", "not controlled", "other", "requiring parenteral antibiotics", a
judgement of the infection's weight ("that would preclude study participation") or the judge
named ("as judged by the treating physician"). Any other infection stays a person's, no
infection on record is none; "controlled" alone, a kind ("fungal") or a chronic infection are
no sepsis."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
SEPSIS = adult(condition("sepsis", 3))
INFECTION = adult(condition("active_infection", 5))
NONE = adult()

ROWS = [
    ("Evidence of an uncontrolled active infection", E, [SEPSIS], [NONE], [INFECTION]),
    ("Patients with a documented uncontrolled infection", E, [SEPSIS], [NONE], [INFECTION]),
    ("Uncontrolled intercurrent infection", E, [SEPSIS], [NONE], [INFECTION]),
    ("Serious active infections that are not controlled by antibiotics", E, [SEPSIS], [NONE], [INFECTION]),
    ("Any other active uncontrolled infection", E, [SEPSIS], [NONE], [INFECTION]),
    ("Active infection requiring parenteral antibiotics", E, [SEPSIS], [NONE], [INFECTION]),
    ("Patients with a systemic bacterial, fungal or other infection not controlled", E, [SEPSIS], [NONE], [INFECTION]),
    ("Active uncontrolled infection within 7 days of enrolment", E, [SEPSIS], [NONE], [INFECTION]),
    ("No active infection that would preclude participation in the study", I, [NONE], [SEPSIS], [INFECTION]),
    ("An active infection which would impair their ability to receive study treatment", E, [SEPSIS], [NONE], [INFECTION]),
    # the judge named beside the qualifier asks nothing more of a sepsis (what the bracket leaves
    # of a record with no infection is the remark reading's, not pinned here)
    ("Active and uncontrolled infection (as judged by the treating physician)", E, [SEPSIS], [], [INFECTION]),
    # a controlled infection, or a chronic one, is no sepsis
    ("Patients with controlled infection", E, [], [NONE], [SEPSIS, INFECTION]),
    ("Chronic active infection", E, [], [NONE], [SEPSIS, INFECTION]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_an_infection_a_sepsis_always_is_is_met_by_one(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
