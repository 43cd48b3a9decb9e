"""When a value is measured ("at screening", "at baseline") names no patients: a second bound
before it is the line's own, never a bound scoped to some group (``topics.labs``). Read as scoped,
"Systolic blood pressure >160 or <90 mmHg at screening" made the low pressure an exception to the
high one (a pressure of 80 was not excluded), and a GFR of 120 met "≥40 and ≤90 mL/min at
screening" through its lower bound alone."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


@pytest.mark.parametrize("ctype, line, read", [
    (EXC, "Systolic blood pressure >160 or <90 mmHg at screening", "systolic-BP > 160.0 mm[Hg] or systolic-BP < 90 mm[Hg]"),
    (EXC, "Systolic blood pressure (SBP) >160 mmHg or <90 mmHg at baseline", "systolic-BP > 160 mm[Hg] or systolic-BP < 90 mm[Hg]"),
    (INC, "Cockcroft-Gault GFR values ≥40 mL/min and ≤90mL/min at screening", "GFR >= 40 mL/min and GFR <= 90 mL/min"),
    # a group of patients stays a scope
    (INC, "ALT <= 2.5 x ULN or <= 5 x ULN in the presence of liver metastases", "ALT <= 2.5 x ULN or (ALT <= 5 x ULN and liver-metastases)"),
])
def test_a_time_of_measurement_after_a_second_bound_scopes_no_patients(ctype: CriterionType, line: str, read: str) -> None:
    assert render_rule(parse_line(line, ctype).expr) == read
