""""Chronic active hepatitis" and "chronic persistent hepatitis" naming no virus (~35 corpus lines,
``topics/chronic_hepatitis.py``): a liver disease (K70-K77 hold the non-viral ones), so a record
with none is not excluded (left a review, the phrase kept the line unknown for every patient); a
liver disease on record is one; a viral hepatitis on record leaves it to a person."""

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
LIVER = adult(condition("liver_disease", 300))
HEP_B = adult(condition("hbv", 300))

ROWS = [
    ("History of chronic active hepatitis or cirrhosis.", E, [LIVER], [CLEAN], [HEP_B]),
    ("liver disease such as cirrhosis, chronic active hepatitis or chronic persistent hepatitis", E, [LIVER], [CLEAN], [HEP_B]),
    ("Chronic active hepatitis.", E, [LIVER], [CLEAN], [HEP_B]),
    ("No history of chronic active hepatitis or cirrhosis", I, [CLEAN], [LIVER], [HEP_B]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_chronic_active_hepatitis_is_a_liver_disease(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
