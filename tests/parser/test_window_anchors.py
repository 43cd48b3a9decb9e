"""A window counted from another event than the study's start (issue 14, the families left
open: windows that swallowed the words after them).

"within 5 years of the diagnosis of SCLC", "within 6 months of receiving a weekly
taxane-containing regimen": the record dates every event from today, so such a window cannot be
read as one from today. Read so, the event's words vanished and the window decided on the wrong
dates; it now stays a person's beside the event (a qualifier: the event still decides where it
is absent). A window counted from the study's own start, registration or entry keeps its reading.
Found by rendering the corpus's windows (tests.parser.test_holdout_trials._corpus); the lines are
the corpus's wordings, judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, medication, procedure

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

READINGS = [
    ("Progression on any taxane-containing regimen, or recurrent within 6 months of receiving a weekly taxane-containing regimen.", EXC,
     '(taxane and review ambiguous "within 6 months of receiving" and review unparsed "Progression on any") or '
     '(taxane and review unparsed "recurrent within 6 months of receiving a weekly")'),
    ("No prior chemotherapy for SCLC or any chemotherapy within 5 years of the diagnosis of SCLC.", INC,
     # the diagnosis dates the window: the trial's own SCLC is no condition the line forbids
     'not (chemotherapy or (chemotherapy and review ambiguous "within 5 years of the diagnosis" and review unsupported "any within 5 years of the diagnosis of SCLC"))'),
    # counted from the study's own start: kept
    ("Chemotherapy within 4 weeks prior to the start of study treatment", EXC, "chemotherapy within 4 weeks"),
    ("Major surgery within 4 weeks of the first dose of study drug", EXC, "major-surgery within 4 weeks"),
    ("Prior investigational agent within 30 days of registration", EXC, "investigational-agent within 30 days"),
    ("Myocardial infarction within 6 months of study entry", EXC, "myocardial-infarction within 6 months"),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_a_window_from_another_event_stays_a_persons(text, ctype, rule):
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


TAXANE_LONG_AGO = adult(medication("taxane", 900))
TAXANE_RECENT = adult(medication("taxane", 30))

ROWS = [
    # a taxane given years ago may still be the regimen the recurrence followed within 6 months:
    # read from today, it was not met
    ("Progression on any taxane-containing regimen, or recurrent within 6 months of receiving a weekly taxane-containing regimen.", EXC,
     (), (adult(),), (TAXANE_LONG_AGO, TAXANE_RECENT)),
    ("Major surgery within 4 weeks of the first dose of study drug", EXC, (adult(procedure("major_surgery", 10)),),
     (adult(), adult(procedure("major_surgery", 100))), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_windows_are_judged_from_their_own_event(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
