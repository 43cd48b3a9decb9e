"""A sentence that offers a second test where a lab fails ("If the serum creatinine is above these
values, the creatinine clearance must be >= 70"), pinned in the rule language: either test
qualifies when the sentence names the failure or says the patient is still eligible; a condition
with a bound of its own adds a requirement, never an alternative."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser.line import parse_line
from rules_engine.rule_language import render_rule

SHAPES = [
    # the failure of the requirement before it: either test
    ("Adequate renal function defined as serum creatinine ≤ 1.5x upper limit of normal (ULN) for age. If the serum creatinine is above "
     "these values, the calculated creatinine clearance must be ≥ 70 mL/min/1.73m2.",
     "creatinine <= 1.5 x ULN or creatinine-clearance >= 70 mL/min/{1.73_m2}"),
    # "still be eligible if": either test; the direct bilirubin is a measurement of its own
    ("Total bilirubin ≤ 1.5x ULN for age. If the total bilirubin is elevated, patient will still be eligible if the conjugated (direct) "
     "serum bilirubin ≤ ULN for age.",
     "bilirubin <= 1.5 x ULN or direct-bilirubin <= 1 x ULN"),
    # a condition with its own bound: a further requirement for the patients above it
    ("Serum creatinine ≤ 1.5 × the institutional ULN. If creatinine is above the ULN, the participant's creatinine clearance is ≥ 45 mL/min",
     "creatinine <= 1.5 x ULN and (creatinine <= 1 x ULN or creatinine-clearance >= 45 mL/min)"),
    ("Alkaline phosphatase < 2.5 x ULN. If alkaline phosphatase is > 2.5 x ULN, AST must be < 1.5 x ULN",
     "alp < 2.5 x ULN and (alp <= 2.5 x ULN or AST < 1.5 x ULN)"),
]


@pytest.mark.parametrize("text,rule", SHAPES, ids=[s[:50] for s, _ in SHAPES])
def test_second_test_reads_as_the_rule(text: str, rule: str) -> None:
    criterion = parse_line(text, CriterionType.INCLUSION)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


def test_an_exclusion_is_left_to_the_residue_policy() -> None:
    """An exclusion's "if ... above these values" is not read as an alternative: a review stays."""
    criterion = parse_line("Serum creatinine > 1.5 x ULN. If the serum creatinine is above these values, creatinine clearance < 60 mL/min", CriterionType.EXCLUSION)
    assert "review" in render_rule(criterion.expr, criterion.applies_if)
