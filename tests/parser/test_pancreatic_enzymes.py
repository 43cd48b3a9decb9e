"""The pancreatic enzymes, amylase and lipase, as registries bound them (issue 14).

"Amylase or Lipase > 2 x institutional ULN", "Lipase <= 1.5 x ULN", "Amylase and lipase <= 1.5
UNL" (18 corpus lines) were each a review: neither enzyme was a concept, so a lipase at three
times the lab's upper limit passed the exclusion. Each is a measurement against the lab's own
upper limit (the Observation's referenceRange.high); there is no default limit (labs set the
lipase's between 60 and 200 U/L), so a value without one leaves the line open.
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
    ("Amylase ≤ 1.5 times ULN", INC, "amylase <= 1.5 x ULN"),
    ("Serum lipase ≤ 1.5 x ULN", INC, "lipase <= 1.5 x ULN"),
    ("Amylase and lipase ≤ 1.5 UNL", INC, "amylase <= 1.5 x ULN and lipase <= 1.5 x ULN"),
    ("Amylase or Lipase > 2 x institutional ULN", EXC, "amylase > 2 x ULN or lipase > 2 x ULN"),
    ("Subjects with serum amylase or lipase > 1.5X upper limit of normal (ULN).", EXC, "amylase > 1.5 x ULN or lipase > 1.5 x ULN"),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_the_enzymes_are_read_against_the_upper_limit(text, ctype, rule):
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


def amylase(value: float, uln: float | None = 100):
    return lab("amylase", value, "U/L", uln=uln)


def lipase(value: float, uln: float | None = 60):
    return lab("lipase", value, "U/L", uln=uln)


# (line, type, met, not met, unknown)
ROWS = [
    ("Amylase or Lipase > 2 x institutional ULN", EXC, (healthy(lipase(180)), healthy(amylase(250), lipase(30))),
     (healthy(amylase(60), lipase(30)), healthy(amylase(200), lipase(120))),
     (healthy(), healthy(amylase(60)), healthy(amylase(60), lipase(100, uln=None)))),
    ("Amylase and lipase ≤ 1.5 UNL", INC, (healthy(amylase(140), lipase(80)),), (healthy(amylase(60), lipase(95)),),
     (healthy(lipase(30)),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_enzyme_is_judged_against_its_lab_limit(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
