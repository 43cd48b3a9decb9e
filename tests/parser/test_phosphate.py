"""Serum phosphate (inorganic phosphorus) is a measurement (LOINC 2777-1, 14879-1).

"Serum calcium or phosphate below the lower limit of normal" read the calcium against the lab's
lower limit and left the phosphate a review, so a phosphate of 1.9 mg/dL passed the exclusion
(holdout T272); "corrected calcium and phosphate < ULN" asked the calcium alone. The record carries
no lower limit, and adult labs set phosphorus's between 2.3 and 2.8 mg/dL (0.74-0.9 mmol/L): a
value at or above every lab's limit is not below it, one under every lab's is, one between is left
to a person, as for the other electrolytes. Never "glucose-6-phosphate dehydrogenase", a phosphate
binder or a bisphosphonate.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import healthy, lab

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

BELOW = "Serum calcium or phosphate below the lower limit of normal"

READINGS = [
    ("Patients must have corrected calcium and phosphate < ULN obtained within 7 days prior to sub-study registration", INC,
     "calcium < 1 x ULN and phosphate < 1 x ULN"),
    ("Phosphorus ≥ 2.5 mg/dL", INC, "phosphate >= 2.5 mg/dL"),
    ("History of glucose-6-phosphate dehydrogenase deficiency", EXC, "G6PD-deficiency"),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_phosphate_is_read_as_a_measurement(text, ctype, rule):
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


def calcium(value: float):
    return lab("calcium", value, "mg/dL", uln=10.2)


def phosphate(value: float):
    return lab("phosphate", value, "mg/dL", uln=4.5)


# (line, type, met, not met, unknown)
ROWS = [
    (BELOW, EXC, (healthy(calcium(9.3), phosphate(1.9)), healthy(calcium(7.6), phosphate(3.5))),
     (healthy(calcium(9.3), phosphate(3.5)),), (healthy(calcium(9.3), phosphate(2.5)), healthy(calcium(9.3)))),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_phosphate_is_judged_against_every_labs_lower_limit(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
