"""The NYHA scale's own name after the association's ("(according to the New York Heart Society
Functional Grading Method NYHA)", seed NCT06585345; "New York Heart Association Functional
Classification") is how the class is graded: it asks nothing, and is no longer an unread review
beside the class the line reads."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.coverage import _kind
from rules_engine.rule_language import render_rule

EXC = CriterionType.EXCLUSION

LINES = [
    "any grade 3 (moderate) or 4 (severe) heart disease (according to the New York Heart Society Functional Grading Method NYHA)",
    "Heart failure grade 3 or 4 (New York Heart Association Functional Grading Method)",
    "any grade 3 or 4 heart disease (according to the New York Heart Association Functional Classification)",
]


@pytest.mark.parametrize("text", LINES)
def test_the_scales_name_is_read_with_the_class(text: str) -> None:
    expr = parse_line(text, EXC).expr
    assert _kind(expr)[0] == "whole"
    assert render_rule(expr) == "heart-failure and NYHA >= 3"


def test_the_scales_full_title_is_no_second_heart_failure() -> None:
    # read as a second failure, any heart failure (class I too) excluded the patient
    text = ("History of Class III or IV congestive heart failure, as defined by the New York Heart Association Classification "
            "of Congestive Heart Failure [see Appendix D for description]")
    assert render_rule(parse_line(text, EXC).expr) == "heart-failure and NYHA >= 3"


def test_a_name_the_clause_goes_on_from_is_left_as_it_was() -> None:
    # the failure's window after the title is the failure's: not taken into the scale's name
    text = ("Unstable angina, myocardial infarction, cerebrovascular accident, >= Class II congestive heart failure according to "
            "the New York Heart Association Classification for Congestive Heart Failure within 6 months before enrollment.")
    assert "heart-failure within 6 months" in render_rule(parse_line(text, EXC).expr)
