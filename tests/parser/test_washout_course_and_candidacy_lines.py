"""Three prior-therapy shapes of the registries' exclusions.

"..., unless there is evidence of rapidly progressive disease" after a washout whose clause also
dates a bracketed alternative ("(or within 5 half-lives for an investigational agent)"): the
exception is the patient's, so it excuses every therapy the clause dates; tied to the nearest
item alone, a recent chemotherapy excluded the patient outright (holdout T91-chemo).

"Candidates for potentially curative therapy, such as hematopoietic stem cell transplantation
(HSCT)": the transplant is the example of a candidacy, a plan no record holds; read as a prior
transplant, a patient after an autologous transplant was excluded (holdout T323-after-auto).

"Current or recent (within 4 weeks prior to randomization) treatment with ...": the span covers
the current treatment too (``normalize``), so an old one no longer excludes.

The lines are the corpus's own wordings; each record is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication, procedure

EXC = CriterionType.EXCLUSION
INC = CriterionType.INCLUSION

HALF_LIVES = (  # NCT01149915
    "Systemic chemotherapy within 14 days (or within 5 half-lives for an investigational agent) prior to first dose of "
    "study drug, unless there is evidence of rapidly progressive disease."
)
NITROSOUREA = "Patient received chemotherapy within 4 weeks (6 weeks for nitrosourea or mitomycin-C) prior to study entry, unless the disease is rapidly progressing."  # NCT00861471
CANDIDATES = "Candidates for potentially curative therapy, such as hematopoietic stem cell transplantation (HSCT)"  # NCT00131937


READINGS = [
    # the exception stands beside the chemotherapy as well as the investigational agent
    (HALF_LIVES, EXC, '(chemotherapy within 14 days and review "unless there is evidence of rapidly progressive disease") or '
                      '(investigational-agent and review unparsed "within 5 half-lives for an" and review "unless there is evidence of rapidly progressive disease")'),
    # one item (with its agents' longer window): as before
    (NITROSOUREA, EXC, '(chemotherapy within 4 weeks or (chemotherapy within 6 weeks and (named-medication is nitrosoureas within 6 weeks or '
                       'named-medication is mitomycin within 6 weeks or (not named-medication within 6 weeks and review unsupported '
                       '"whether the agent was one of these: nitrosourea or mitomycin-C")))) and review "unless the disease is rapidly progressing"'),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_a_rapidly_progressing_disease_excuses_every_therapy_the_clause_dates(text, ctype, rule):
    assert rule_of(text, ctype) == rule


def test_a_transplant_named_as_what_a_candidate_is_for_is_no_prior_transplant():
    """No transplant predicate stands in the reading: the record's transplant never decides it."""
    assert "HSCT" not in rule_of(CANDIDATES, EXC)


# (line, type, met, not met, unknown)
ROWS = [
    # a recent chemotherapy is the investigator's call (rapid progression); an old one is clear
    (HALF_LIVES, EXC, (), (healthy(), healthy(medication("chemotherapy", 60))), (healthy(medication("chemotherapy", 7)),)),
    # a past transplant is no candidacy: left to a person, never excluded by the record alone
    (CANDIDATES, EXC, (), (), (healthy(procedure("auto_hsct", 330)), healthy(procedure("allo_hsct", 400)))),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_the_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


# "Current or recent (within N ...) treatment with X": a treatment taken now is one taken within the
# span, so "current" adds nothing (read as any record, an agent given years ago excluded)
CURRENT_OR_RECENT = [
    ("Other current or recent (within 4 weeks prior to randomization) investigational agent", "investigational-agent within 4 weeks"),  # NCT01083368
    ("Current or recent (within 30 days of first study dosing) treatment with another investigational drug or participation in another "
     "investigational study.", "investigational-agent within 30 days"),  # NCT02312661
]


@pytest.mark.parametrize("text,rule", CURRENT_OR_RECENT, ids=[r[0][:45] for r in CURRENT_OR_RECENT])
def test_a_current_or_recent_treatment_is_one_within_the_span(text, rule):
    assert rule_of(text, EXC) == rule


def test_a_current_or_recent_disease_keeps_its_current_reading():
    """A disease active now may have begun before the span: "current" still reads it."""
    assert rule_of("Current or recent (< 2 years) history of pancreatitis", EXC).startswith("pancreatitis or ")


ROWS_CURRENT = [
    (CURRENT_OR_RECENT[1][0], EXC, (healthy(medication("investigational_agent", 10)),), (healthy(), healthy(medication("investigational_agent", 400))), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS_CURRENT))
def test_each_record_is_judged_by_the_current_or_recent_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
