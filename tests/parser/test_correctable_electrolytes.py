"""An electrolyte in range or correctable with supplements (issue 14, criteria read right).

"Potassium >= LLN or correctable with supplements", "Magnesium above LLN or correctable with
supplements", "Potassium, Calcium, Magnesium, Phosphorus within normal limits or correctable with
supplements" (about 10 corpus lines) were each a review whole: the alternative kept the bound
unread. A value in range meets the line; one out of it may still be corrected, which a person
weighs, so the supplements are an unread alternative: never a failure, never a pass.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import healthy, lab

INC = CriterionType.INCLUSION


def potassium(value: float):
    return lab("potassium", value, "mmol/L", uln=5.1)


@pytest.mark.parametrize("text", [
    "Potassium ≥ LLN or correctable with supplements",
    "Magnesium above LLN or correctable with supplements",
    "Potassium, Calcium, Magnesium, Phosphorus within normal limits or correctable with supplements",
])
def test_the_supplements_are_an_unread_alternative_beside_the_bound(text):
    criterion = parse_line(text, INC)
    rule = render_rule(criterion.expr, criterion.applies_if)
    assert rule.endswith('or review ambiguous "correctable with supplements"') and "lower limit of normal for" in rule


# (line, type, met, not met, unknown)
ROWS = [
    ("Potassium ≥ LLN or correctable with supplements", INC, (healthy(potassium(4.0)),), (), (healthy(potassium(3.0)), healthy())),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_value_in_range_meets_the_line_and_one_below_is_a_persons(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
