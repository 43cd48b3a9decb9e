"""A half-life bound said with its kind or its count spelled is tied to the therapy it times.

"Any investigational drug within 30 days or five half-lives (whichever is longer)", "anti-myeloma
treatment within 2 weeks or 5 pharmacokinetic half-lives of the treatment", "Washout period is 5
effective half-lives", "5 half-lives (for systemic agents)" (about 12 corpus lines): the half-lives
are the same therapy's (``topics.half_lives``), asked only of a patient who had it. Left a bare
alternative, every patient who never had the therapy was unknown on the exclusion.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication

EXC = CriterionType.EXCLUSION

SPELLED = "Any investigational drug within 30 days or five half-lives (whichever is longer) preceding the first dose of SB-485232."
KIND = "Has received anti-myeloma treatment within 2 weeks or 5 pharmacokinetic half-lives of the treatment"
# a half-life bound that names another therapy keeps its own alternative
OTHER = "Investigational agent within 30 days or a small-molecule kinase inhibitor within 14 days or 5 half-lives"

READINGS = [
    (SPELLED, 'investigational-agent within 30 days or (investigational-agent and review unparsed "five half-lives whichever is longer preceding")'),
    (KIND, 'anticancer-therapy within 2 weeks or (anticancer-therapy and review unparsed "5 pharmacokinetic half-lives")'),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_the_half_lives_are_the_therapys(text, rule):
    assert rule_of(text, EXC) == rule


def test_a_bound_naming_another_therapy_stays_apart():
    assert '(investigational-agent and review' not in rule_of(OTHER, EXC)


ROWS = [
    (SPELLED, (healthy(medication("investigational_agent", 10)),), (healthy(),), (healthy(medication("investigational_agent", 60)),)),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(ROWS))
def test_a_patient_never_given_the_therapy_is_cleared(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


def test_a_hostile_line_is_read_quickly():
    started = time.perf_counter()
    parse_line("Any investigational drug within 30 days or " + "five pharmacokinetic half-lives " * 700, EXC)
    assert time.perf_counter() - started < 1.0
