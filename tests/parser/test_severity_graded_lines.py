"""Lines that grade an adverse event (264 corpus lines grade a peripheral neuropathy) are decided
by the severity the record codes on the event's Condition (mild: grade 1, moderate: 2, severe: 3
or 4), where the words ask a grade and every grade above it, or permit up to one: a neuropathy
with no severity charted, a grade a severity does not settle and other wordings ("grade 2 or 3")
stay open, never cleared. Rows: a registry line, then the records that make it met, not met and
unknown."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import age, condition, record, sex

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def patient(*items) -> PatientFacts:
    return record(age(60), sex("male"), condition("multiple_myeloma"), *items)


NONE = patient()
UNSTATED = patient(condition("peripheral_neuropathy", days_ago=200))
MILD, MODERATE, SEVERE = (patient(condition("peripheral_neuropathy", days_ago=200, severity=s)) for s in ("mild", "moderate", "severe"))
SEVERE_DIARRHEA = patient(condition("diarrhea", days_ago=20, severity="severe"))

ROWS = [
    # at least a grade: the excluding severities meet it, milder ones do not
    ("Pre-existing peripheral neuropathy ≥ grade 3", EXC, (SEVERE,), (NONE, MILD, MODERATE), (UNSTATED,)),
    ("Grade >= 2 peripheral neuropathy", EXC, (SEVERE, MODERATE), (NONE, MILD), (UNSTATED,)),
    ("Peripheral neuropathy grade 2 or higher", EXC, (MODERATE,), (MILD,), (UNSTATED,)),
    ("Peripheral neuropathy > grade 2", EXC, (SEVERE,), (MODERATE,), (UNSTATED,)),
    ("Grade 3 or 4 peripheral neuropathy", EXC, (SEVERE,), (MODERATE,), (UNSTATED,)),
    ("Equal to greater than grade 3 peripheral neuropathy", EXC, (SEVERE,), (MODERATE,), (UNSTATED,)),
    # a bare grade as clinicians read it: that grade or worse
    ("No history of grade 2 peripheral neuropathy", INC, (NONE, MILD), (SEVERE, MODERATE), (UNSTATED,)),
    ("No neuropathy ≥ grade 2", INC, (NONE, MILD), (MODERATE,), (UNSTATED,)),
    # at most a grade, in an inclusion: permits the event below it
    ("Peripheral neuropathy, if present, must be < Grade 2", INC, (NONE, MILD), (MODERATE, SEVERE), (UNSTATED,)),
    ("Neuropathy =< grade 1", INC, (NONE, MILD), (SEVERE,), (UNSTATED,)),
    ("Peripheral neuropathy grade 0-1", INC, (MILD,), (MODERATE,), (UNSTATED,)),
    # severe is grade 3 or 4: it does not settle grade 4
    ("Grade 4 peripheral neuropathy", EXC, (), (NONE, MODERATE), (SEVERE, UNSTATED)),
    # other graded events a chart codes
    ("Grade 3 or greater diarrhea", EXC, (SEVERE_DIARRHEA,), (NONE,), ()),
    # not every grade above: left to a person for a patient with the event
    ("Peripheral neuropathy grade 2 or 3", EXC, (), (NONE,), (SEVERE, MILD, UNSTATED)),
    # within a window: the window's reading, the grade to a person
    ("Peripheral neuropathy > CTCAE Grade 2 within 4 weeks of first dose of study drug.", EXC, (), (NONE,), (patient(condition("peripheral_neuropathy", days_ago=10, severity="severe")),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_graded_event_line_is_decided_by_the_severity_on_record(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected
