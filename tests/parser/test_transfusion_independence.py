"""Platelet transfusion independence with its definition (issue 14, criteria read right).

"Platelet count >= 100,000/uL (transfusion independent, defined as no platelet transfusion within
the past 7 days)" and its wordings (6 corpus lines, COG and AML trials) kept the definition a
review beside the count, and "Subjects must be platelet transfusion independent (... defined as 7
days or greater without a platelet transfusion)" read the 7 days as a platelet count of 7. The
definition is a requirement of its own: no platelet transfusion within the days.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule

INC = CriterionType.INCLUSION

NONE_WITHIN_7 = 'not (platelet-transfusion within 7 days or (transfusion within 7 days and review ambiguous "a transfusion whose product (platelets or red cells) is not recorded"))'

READINGS = [
    ("Platelet count ≥ 100,000/μL (transfusion independent, defined as no platelet transfusion within the past 7 days)",
     "platelets >= 100 10*9/L and " + NONE_WITHIN_7),
    ("Platelet count >= 100,000/mm^3 (transfusion independent defined as not receiving platelet transfusions within a 7 day period prior to enrollment)",
     "platelets >= 100 10*9/L and " + NONE_WITHIN_7),
    ("Subjects must be platelet transfusion independent (Platelet transfusion independence is defined as 7 days or greater without a platelet transfusion);",
     NONE_WITHIN_7),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_the_definition_is_no_platelet_transfusion_within_the_days(text, rule):
    criterion = parse_line(text, INC)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


def test_an_undefined_independence_stays_a_persons_where_a_transfusion_is_on_record():
    # (no definition: no transfusion dependence over its longest definition's 16 weeks, whose
    # transfusions leave it a person's; topics.transfusion_independent)
    criterion = parse_line("Platelets >= 100,000/mm^3 (transfusion independent)", INC)
    assert render_rule(criterion.expr, criterion.applies_if) == (
        'platelets >= 100 10*9/L and not (transfusion within 16 weeks and review unsupported '
        '"transfusion dependence: whether the units on record and their frequency make it")'
    )
