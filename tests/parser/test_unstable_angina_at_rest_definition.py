""""Unstable angina (anginal symptoms at rest)" (~15 corpus lines, ``topics/cardiac_history.py``):
the bracket defines the angina the line asks and asks nothing more, so a record with no heart
disease is decided (left unread, the bracket kept the line unknown for every patient)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
UNSTABLE = adult(condition("unstable_angina", 20))

ROWS = [
    ("Cardiac disease: Congestive heart failure > class II NYHA. Patients must not have unstable angina (anginal symptoms at rest) "
     "or new onset angina (began within the last 3 months) or myocardial infarction within the past 6 months.", E, [UNSTABLE], [CLEAN], []),
    ("No unstable angina (i.e., anginal symptoms at rest), new-onset angina (i.e., began within the past 3 months), "
     "or myocardial infarction within the past 6 months", I, [CLEAN], [UNSTABLE], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_anginal_symptoms_at_rest_define_the_unstable_angina(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
