"""A graded event excepted from a toxicity grade at a looser bound ("Acute toxic effects ... resolved
to Grade 1 or less. Peripheral neuropathy less than or equal to Grade 2 is allowed", "... except
peripheral neuropathy grade 2 or less"): the exception is the patient whose toxicity may be that
event within its bound, never every patient without the event (read as "or no grade 3 neuropathy",
a grade 4 toxicity without a neuropathy met the line) nor a requirement to have it (read as "and
not no grade 3 neuropathy", every patient without one failed). A bound from above beside an event
in an exclusion is no floor ("neuropathy grade 2 or less" is not "grade 2 or higher").
Rows: a registry line, then the records that make it met, not met and unknown."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import age, condition, record, score, sex

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def patient(grade: int, *items) -> PatientFacts:
    return record(age(60), sex("male"), condition("colorectal_cancer"), score("toxicity_grade", grade, days_ago=3), *items)


def neuropathy(severity: str):
    return condition("peripheral_neuropathy", days_ago=200, severity=severity)


RECOVERED = patient(0)
TOXIC = patient(4)  # a grade 4 toxicity, no neuropathy
TOXIC_MODERATE_NEUROPATHY = patient(2, neuropathy("moderate"))
TOXIC_SEVERE_NEUROPATHY = patient(3, neuropathy("severe"))

PERMITTED_AFTER = (
    "Acute toxic effects of all prior treatment have resolved to NCI-CTCAE v4.0 less than or equal to Grade 1 or baseline prior "
    "to beginning treatment. Peripheral neuropathy less than or equal to Grade 2 is allowed."
)

ROWS = [
    # the permission sentence after the toxicity requirement
    (PERMITTED_AFTER, INC, (RECOVERED,), (TOXIC, TOXIC_SEVERE_NEUROPATHY), (TOXIC_MODERATE_NEUROPATHY,)),
    # the same as an exception
    ("Toxicities of prior therapy resolved to grade 1 or less, except peripheral neuropathy grade 2 or less", INC,
     (RECOVERED,), (TOXIC, TOXIC_SEVERE_NEUROPATHY), (TOXIC_MODERATE_NEUROPATHY,)),
    # the permission alone: at most the grade allowed
    ("Peripheral neuropathy less than or equal to Grade 2 is allowed.", INC,
     (RECOVERED, TOXIC_MODERATE_NEUROPATHY), (TOXIC_SEVERE_NEUROPATHY,), ()),
    # an exclusion's exception bounded from above: a neuropathy within it is a person's, a toxicity without one excludes
    ("Grade 2 or higher toxicity from prior therapy, except peripheral neuropathy grade 2 or less", EXC,
     (TOXIC,), (RECOVERED,), (TOXIC_MODERATE_NEUROPATHY, TOXIC_SEVERE_NEUROPATHY)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_graded_event_excepted_from_a_toxicity_grade_widens_it_for_that_event_only(
    text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, ctype), facts) is expected
