"""A window closing a list of events dates the items in brackets too: an abbreviation ("myocardial
infarction (MI) or stroke within 12 months") and the kinds a head lists ("acute coronary syndromes
(including myocardial infarction, ...) or symptomatic pericarditis within 12 months"). Stopped at
the bracket, the window was the last item's alone and an infarction five years ago excluded the
patient; once pericarditis became a concept, the coronary kinds lost the window they had had."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference

AS_OF = date(2026, 3, 2)
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def record(**events: int) -> PatientFacts:
    """Events by concept, each dated that many days ago."""
    evs = {c: (Event(c, AS_OF - timedelta(days=d), True, {}),) for c, d in events.items()}
    return PatientFacts(date(1960, 1, 1), "male", {}, evs)


def decide(line: str, facts: PatientFacts, ctype: CriterionType = E) -> Outcome:
    trial = TrialCriteria("t", 1, parse_lines([(ctype, line)]))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


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
    (ABBREVIATED, record(myocardial_infarction=5 * 365), NOT_MET),
    (ABBREVIATED, record(myocardial_infarction=90), MET),
    (ABBREVIATED, record(stroke=90), MET),
    (ABBREVIATIONS, record(myocardial_infarction=2 * 365), NOT_MET),
    (ABBREVIATIONS, record(myocardial_infarction=30), MET),
    (ABBREVIATIONS, record(unstable_angina=30), MET),
    # the syndromes themselves are a person's (no concept): an old infarction no longer decides
    # the line, it leaves it open
    (KINDS, record(myocardial_infarction=5 * 365), UNKNOWN),
    (KINDS, record(myocardial_infarction=180), MET),
    (KINDS, record(coronary_revascularization=5 * 365), UNKNOWN),
    # a window written for its own item stays its own: heart failure ever excludes
    (OWN_WINDOW, record(heart_failure=5 * 365), MET),
    (OWN_WINDOW, record(myocardial_infarction=2 * 365), NOT_MET),
    # a lettered item is a new one, and the kinds of an uncontrolled state are undated: a heart
    # failure three years old is never cleared by the infarction's window
    (LETTERED, record(heart_failure=3 * 365), UNKNOWN),
    (STATE, record(heart_failure=3 * 365), UNKNOWN),
]


@pytest.mark.parametrize(("line", "facts", "expected"), ROWS, ids=[f"{i}" for i in range(len(ROWS))])
def test_a_window_closing_a_list_dates_its_bracketed_items(line: str, facts: PatientFacts, expected: Outcome) -> None:
    assert decide(line, facts) is expected


def test_a_no_opens_a_clause_whose_window_is_not_the_item_before_it() -> None:
    """"No uncontrolled angina, no myocardial infarction (MI) within 6 months": the angina is
    undated; dated by the infarction's window, an angina two years old met the inclusion."""
    line = "No uncontrolled angina, no myocardial infarction (MI) within 6 months of study entry"
    assert decide(line, record(angina=2 * 365), I) is UNKNOWN


def test_a_washout_is_not_spread_over_an_abbreviation() -> None:
    """"Radiation Therapy (RT) with >= 45 Gy tumor dose, completed >= 8 weeks prior": the therapy
    is asked; taken as the washout's own, a patient never irradiated met the line."""
    line = "Radiation Therapy (RT) with ≥ 45 Gray (Gy) tumor dose, completed ≥ 8 weeks prior to study entry"
    assert decide(line, record(), I) is not MET
