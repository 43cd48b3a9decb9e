"""Issue 14: "peripheral artery disease" is the peripheral vascular disease a record codes (I70.2-,
I73.9), as "peripheral arterial" and "peripheral vascular disease" already were: the qualifier beside
it stays a person's, a record without it is decided."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser.line import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition

READINGS = [
    ("No clinically significant peripheral artery disease", CriterionType.INCLUSION,
     'not (peripheral-vascular-disease and review "clinically significant")'),
    ("Clinically significant peripheral artery disease", CriterionType.EXCLUSION,
     'peripheral-vascular-disease and review "Clinically significant"'),
]


@pytest.mark.parametrize("text,ctype,expected", READINGS, ids=[t[:50] for t, _, _ in READINGS])
def test_the_artery_named_as_a_noun_is_the_vascular_disease(text: str, ctype: CriterionType, expected: str) -> None:
    assert rule_of(text, ctype) == expected


ROWS = [
    ("No clinically significant peripheral artery disease",
     [adult()], [], [adult(condition("peripheral_vascular_disease"))]),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(ROWS))
def test_a_record_without_the_disease_meets_the_line(text: str, facts, expected: Outcome) -> None:
    assert judged(parse_line(text, CriterionType.INCLUSION), facts) is expected
