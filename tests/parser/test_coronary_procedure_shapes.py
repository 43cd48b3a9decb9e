"""Coronary revascularization (angioplasty, stenting, bypass grafting, PCI) as registries list it
among cardiac exclusions (74 corpus lines name such a procedure; seeds NCT06559644 "coronary
artery stenting, or coronary artery bypass surgery" and NCT06585345 "angioplasty or stent
placement"). ``coronary_revascularization`` is read from a Procedure (SNOMED 415070008 PCI,
36969009 coronary stent, 232717009 CABG) or the status codes Z95.1 / Z95.5 / Z98.61. A bare
"angioplasty" or "stent placement" may be another vessel's (or a bile duct's): left unread, unless
the line lists it among the heart's events (tests/parser/test_listed_heart_procedures.py).

Two readings of the window that closes such a list are pinned with it, because reading the
procedure moved which item the window reached:
* a revascularization after a bracket of coronary events continues their list ("acute coronary
  syndromes (including unstable angina), coronary angioplasty, or stenting within the past 6
  months": the unstable angina keeps the window);
* a window before a colon dates every item of the list after it, bullets included;
and one safety fix the procedure exposed: a subject listed after an event and before its window
("myocardial infarction or symptomatic pericarditis within 12 months") was swallowed into the
event's span; it stays a review beside it (53 corpus lines read whole had dropped one)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, Review
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.coverage import _kind
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, condition, procedure

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

CARDIAC = "Cardiac angioplasty or stenting within the last 6 months"
CABG = "Coronary artery bypass graft surgery"
SINCE = "More than 6 months since prior cardiac angioplasty or stenting"
ACS = "History of acute coronary syndromes (including unstable angina), coronary angioplasty, or stenting within the past 6 months"
COLON = ("History of any one or more of the following cardiovascular conditions within the past 6 months: - Cardiac angioplasty or "
         "stenting - Myocardial infarction - Unstable angina")
PERICARDITIS = "History of myocardial infarction or symptomatic pericarditis within 12 months prior to screening."
NO_LIST = "No myocardial infarction or frobnication within 6 months"
BILIARY = "Percutaneous transhepatic drainage or endoscopic stent placement prior to starting study treatment"

RECENT, OLD = 60, 400

# (why, line, type, record, outcome)
CASES: list[tuple[str, str, CriterionType, PatientFacts, Outcome]] = [
    ("a coronary stent two months ago excludes", CARDIAC, EXC, adult(procedure("coronary_revascularization", RECENT)), MET),
    ("one over a year ago is outside the window", CARDIAC, EXC, adult(procedure("coronary_revascularization", OLD)), NOT_MET),
    ("no revascularization on record: absent", CARDIAC, EXC, adult(), NOT_MET),
    ("a bypass graft on record excludes", CABG, EXC, adult(procedure("coronary_revascularization", OLD)), MET),
    ("'more than 6 months since': one two months ago fails it", SINCE, INC, adult(procedure("coronary_revascularization", RECENT)), NOT_MET),
    ("'more than 6 months since': one over a year ago meets it", SINCE, INC, adult(procedure("coronary_revascularization", OLD)), MET),
    ("the bracket's unstable angina keeps the window: resolved two months ago, excluded",
     ACS, EXC, adult(condition("unstable_angina", RECENT, active=False)), MET),
    ("the colon's list: an infarction resolved two months ago is inside the window",
     COLON, EXC, adult(condition("myocardial_infarction", RECENT, active=False)), MET),
    ("the colon's list: one over a year ago is not", COLON, EXC, adult(condition("myocardial_infarction", OLD, active=False)), NOT_MET),
    # pericarditis is a concept now (holdout T17x): absent from the record, it is absent (contract
    # section 4); only a pericarditis on record is left to a person (is it symptomatic?)
    ("a subject listed before the window is read with it: no infarction, no pericarditis", PERICARDITIS, EXC, adult(), NOT_MET),
    ("a recent pericarditis is a person's: whether it was symptomatic", PERICARDITIS, EXC, adult(condition("pericarditis", RECENT)), UNKNOWN),
    ("an infarction inside the window still excludes", PERICARDITIS, EXC, adult(condition("myocardial_infarction", RECENT)), MET),
    ("'No MI or ... within 6 months': a recent infarction still fails it", NO_LIST, INC, adult(condition("myocardial_infarction", RECENT)), NOT_MET),
    ("'No MI or ... within 6 months': without one the unread subject leaves it open", NO_LIST, INC, adult(), UNKNOWN),
]


@pytest.mark.parametrize(("text", "ctype", "facts", "expected"), [pytest.param(t, c, f, o, id=w) for w, t, c, f, o in CASES])
def test_coronary_procedure_lines_decide_as_the_text_means(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert evaluate(parse_line(text, ctype), facts, AS_OF).outcome is expected


@pytest.mark.parametrize("text", [CARDIAC, CABG, "Myocardial infarction or percutaneous coronary interventions within the past 6 months"])
def test_a_named_coronary_procedure_is_read_whole(text: str) -> None:
    assert _kind(parse_line(text, EXC).expr)[0] == "whole"


def test_a_stent_not_named_the_hearts_is_left_unread() -> None:
    expr = parse_line(BILIARY, EXC).expr
    assert isinstance(expr, Review) or _kind(expr)[0] != "whole"
