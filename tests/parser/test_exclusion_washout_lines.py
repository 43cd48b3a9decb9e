"""A washout requirement written among the exclusions ("Prior radiation therapy must be completed
at least 30 days prior to being registered for protocol therapy"): what excludes is the therapy
inside the span. Read as "no radiotherapy within 30 days", the exclusion held for every patient
never irradiated and let in the one irradiated last week. A line of another shape, an inclusion
and a line under a heading are left as they were.

The lines are the corpus's own wordings; each record is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication, procedure

INC = CriterionType.INCLUSION
EXC = CriterionType.EXCLUSION

COMPLETED = "Prior radiation therapy must be completed at least 30 days prior to being registered for protocol therapy."  # NCT01496534
CHANGED = "Patients on coumadin must be changed to Lovenox at least 1 week prior to starting capecitabine. Low dose (1 mg) coumadin is allowed."  # NCT00503932
RECOVERED = (  # NCT01294735
    "Participant must not have prior radiation therapy to more than 30% of hte bone marrow and must have recovered for at least 3 weeks "
    "from the hematologic toxicity of prior radiotherapy."
)
ELAPSED = "At least 4 weeks must have elapsed since prior radiotherapy."
RELAPSED = "Patients who relapsed more than 6 months after completion of anthracycline or taxane therapy."  # NCT00048633: no requirement


READINGS = [
    (COMPLETED, 'radiotherapy within 30 days exclusive and review unsupported "Prior being registered for protocol therapy"'),
    (RECOVERED, 'radiotherapy within 3 weeks exclusive and review unparsed "hematologic"'),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_the_therapy_inside_the_span_is_what_excludes(text, rule):
    assert rule_of(text, EXC) == rule


@pytest.mark.parametrize("text,ctype", [(COMPLETED, INC), (RELAPSED, EXC)], ids=["inclusion", "no-requirement"])
def test_an_inclusion_and_a_line_stating_no_requirement_keep_no_within(text, ctype):
    """An inclusion's washout is met with no therapy inside the span; a line that states what
    excludes ("relapsed more than 6 months after") is no requirement written among exclusions."""
    assert "no " in rule_of(text, ctype)


def test_a_line_under_a_heading_is_left_as_it_was():
    """Under a heading the heading says what the line's span means."""
    assert parse_line(COMPLETED, EXC, parent=0).expr != parse_line(COMPLETED, EXC).expr


# (line, type, met, not met, unknown): met means the exclusion holds (the patient is excluded)
ROWS = [
    # never irradiated, or irradiated before the span: not excluded; inside it: the review's
    (COMPLETED, EXC, (), (healthy(), healthy(procedure("radiotherapy", 400))), (healthy(procedure("radiotherapy", 10)),)),
    (RECOVERED, EXC, (), (healthy(), healthy(procedure("radiotherapy", 60))), (healthy(procedure("radiotherapy", 7)),)),
    (ELAPSED, EXC, (healthy(procedure("radiotherapy", 7)),), (healthy(), healthy(procedure("radiotherapy", 60))), ()),
    # warfarin this week excludes unless at a low dose (a person's); none, or stopped a month ago, does not
    (CHANGED, EXC, (), (healthy(), healthy(medication("vitamin_k_antagonist", 30))), (healthy(medication("vitamin_k_antagonist", 2)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_the_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
