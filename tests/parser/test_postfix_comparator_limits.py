"""A limit whose comparator follows its number (issue 14, criteria read right).

"bilirubin 2.0 times the ULN or lower", "Bilirubin 2.0 mg/dl or less", "Albumin is 2.8 g/dL or
above", "ANC 1500/ul or higher", "LVEF of 45% or less" (27 corpus lines, every one a review
whole; holdout NCT02078960's organ-function line, 9 probes, among them) are the bound written the
other way round: the comparator is the number's, as "6 months or more" is a duration's. Only a
measurement's number is so read, by its unit or its multiple of the upper limit: a grade's "or
higher" stays the grade topic's, a count's ("2 or more regimens") the counted topic's, and "or
lower limit of normal" is a second limit, not a comparator.

A note on where the study team writes a finding down ("this must be documented on the medical
history page of the case report form (CRF)"; 4 corpus lines) asks nothing of the record: left
as words, it kept the bounds before it a review.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import healthy, lab

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

# (line, type, rule)
READINGS = [
    ("Bilirubin 2.0 mg/dl or less", INC, "bilirubin <= 2 mg/dL"),
    ("Albumin is 2.8 g/dL or above", INC, "albumin >= 2.8 g/dL"),
    ("Hemoglobin 9.0 gm/dL or higher", INC, "hemoglobin >= 9 g/dL"),
    ("Absolute neutrophil count (ANC) 1500/µl or higher", INC, "ANC >= 1.5 10*9/L"),
    ("a creatinine clearance of 30 mL/minute or more", INC, "creatinine-clearance >= 30 mL/min"),
    ("LVEF of 45% or less", EXC, "LVEF <= 45 %"),
    ("serum creatinine 1.5 times the ULN or lower", INC, "creatinine <= 1.5 x ULN"),
    (
        "Patients must have adequate hepatic and renal function as evidenced by bilirubin 2.0 times the upper limit of the normal "
        "range (ULN) or lower, alanine aminotransferase (ALT) and asparate aminotransferase (AST) 3 times the ULN or lower, serum "
        "creatinine 1.5 times the ULN or lower.",
        INC,
        "bilirubin <= 2 x ULN and ALT <= 3 x ULN and AST <= 3 x ULN and creatinine <= 1.5 x ULN",
    ),
    # the team's paperwork asks nothing of the record
    ("Bilirubin 2.0 mg/dl or less; this must be documented on the medical history page of the case report form (CRF)", INC, "bilirubin <= 2 mg/dL"),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_a_comparator_after_the_number_is_the_numbers(text, ctype, rule):
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


# (line, type, rule part that must NOT appear): the other "or higher"s keep their own readers
NOT_A_LIMIT = [
    ("Grade 2 or greater peripheral neuropathy", EXC, "<="),
    ("LVEF > 50% or lower limit of normal", INC, "LVEF <= 50"),
]


@pytest.mark.parametrize("text,ctype,absent", NOT_A_LIMIT, ids=[r[0][:50] for r in NOT_A_LIMIT])
def test_a_grade_or_a_second_limit_is_not_a_postfix_bound(text, ctype, absent):
    criterion = parse_line(text, ctype)
    assert absent not in render_rule(criterion.expr, criterion.applies_if)


def bilirubin(value: float):
    return lab("bilirubin", value, "mg/dL", uln=1.2)


# (line, type, met, not met, unknown)
ROWS = [
    ("Bilirubin 2.0 mg/dl or less", INC, (healthy(bilirubin=bilirubin(1.9)), healthy(bilirubin=bilirubin(2.0))), (healthy(bilirubin=bilirubin(2.4)),),
     (healthy(bilirubin=None),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_the_postfix_bound_decides_the_record(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
