"""A window closing a list of events dates the items in brackets too: an abbreviation ("myocardial
infarction (MI) or stroke within 12 months") and the kinds a head lists ("acute coronary syndromes
(including myocardial infarction, ...) or symptomatic pericarditis within 12 months"). Stopped at
the bracket, the window was the last item's alone and an infarction five years ago excluded the
patient; once pericarditis became a concept, the coronary kinds lost the window they had had."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged
from tests.fixtures.records import adult, condition, procedure

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def decide(line: str, facts: PatientFacts, ctype: CriterionType = E) -> Outcome:
    return judged(parse_line(line, ctype), facts)


ABBREVIATED = "History of myocardial infarction (MI) or stroke within 12 months"
ABBREVIATIONS = "Myocardial infarction (MI), unstable angina (UA), or cerebrovascular accident (CVA) within 6 months"
KINDS = (
    "History of acute coronary syndromes (including myocardial infarction, unstable angina, coronary artery bypass grafting, "
    "coronary angioplasty or stenting) or symptomatic pericarditis within 12 months prior to screening."
)
OWN_WINDOW = "Myocardial infarction (MI) within 6 months or congestive heart failure"
LETTERED = "Symptomatic congestive heart failure, (B)Symptomatic coronary artery disease or myocardial infarction within 3 months of enrollment"
STATE = (
    "Clinically significant cardiac disease not well controlled with medication (e.g., congestive heart failure, symptomatic coronary "
    "artery disease, and cardiac arrhythmias) or myocardial infarction within the last 12 months."
)

ROWS = [
    (ABBREVIATED, adult(condition("myocardial_infarction", 5 * 365)), NOT_MET),
    (ABBREVIATED, adult(condition("myocardial_infarction", 90)), MET),
    (ABBREVIATED, adult(condition("stroke", 90)), MET),
    (ABBREVIATIONS, adult(condition("myocardial_infarction", 2 * 365)), NOT_MET),
    (ABBREVIATIONS, adult(condition("myocardial_infarction", 30)), MET),
    (ABBREVIATIONS, adult(condition("unstable_angina", 30)), MET),
    # the syndromes themselves are a person's (no concept): an old infarction no longer decides
    # the line, it leaves it open
    (KINDS, adult(condition("myocardial_infarction", 5 * 365)), UNKNOWN),
    (KINDS, adult(condition("myocardial_infarction", 180)), MET),
    (KINDS, adult(procedure("coronary_revascularization", 5 * 365)), UNKNOWN),
    # a window written for its own item stays its own: heart failure ever excludes
    (OWN_WINDOW, adult(condition("heart_failure", 5 * 365)), MET),
    (OWN_WINDOW, adult(condition("myocardial_infarction", 2 * 365)), NOT_MET),
    # a lettered item is a new one, and the kinds of an uncontrolled state are undated: a heart
    # failure three years old is never cleared by the infarction's window
    (LETTERED, adult(condition("heart_failure", 3 * 365)), UNKNOWN),
    (STATE, adult(condition("heart_failure", 3 * 365)), UNKNOWN),
]


@pytest.mark.parametrize(("line", "facts", "expected"), ROWS, ids=[f"{i}" for i in range(len(ROWS))])
def test_a_window_closing_a_list_dates_its_bracketed_items(line: str, facts: PatientFacts, expected: Outcome) -> None:
    assert decide(line, facts) is expected


def test_a_no_opens_a_clause_whose_window_is_not_the_item_before_it() -> None:
    """"No uncontrolled angina, no myocardial infarction (MI) within 6 months": the angina is
    undated; dated by the infarction's window, an angina two years old met the inclusion."""
    line = "No uncontrolled angina, no myocardial infarction (MI) within 6 months of study entry"
    assert decide(line, adult(condition("angina", 2 * 365)), I) is UNKNOWN


def test_a_washout_is_not_spread_over_an_abbreviation() -> None:
    """"Radiation Therapy (RT) with >= 45 Gy tumor dose, completed >= 8 weeks prior": the therapy
    is asked; taken as the washout's own, a patient never irradiated met the line."""
    line = "Radiation Therapy (RT) with ≥ 45 Gray (Gy) tumor dose, completed ≥ 8 weeks prior to study entry"
    assert decide(line, adult(), I) is not MET
