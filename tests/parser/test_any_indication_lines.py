"""What a treatment was for, when the line says it does not matter: "Prior therapy with
ruxolitinib for any indication", "Prior pelvic radiotherapy for any reason", "previous chemotherapy
for any myeloid disorder". The words narrow nothing: the treatment is read as if they were absent
(left, they were a review beside it, and a patient given it was unknown). "for any other
malignancy" narrows, and a drug "not approved for any indication" is an unapproved one: both are
left as they were.

Every line is made up in the registries' style.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule

E = CriterionType.EXCLUSION

READINGS = [
    ("Prior therapy with ruxolitinib for any indication", "named-medication is ruxolitinib"),
    ("Must not have received previous chemotherapy for any myeloid disorder.", "chemotherapy"),
    ("Patients requiring anticoagulation for any reason are excluded.", "anticoagulant-therapy within 14 days"),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:40] for r in READINGS])
def test_any_indication_narrows_nothing(text, rule):
    assert render_rule(parse_line(text, E).expr, None) == rule


@pytest.mark.parametrize("text", [
    "Treatment within 4 weeks with a drug not approved for any indication",
    "Unable to swallow tablets for any reason",
])
def test_other_lines_keep_their_words(text):
    assert "for any" in render_rule(parse_line(text, E).expr, None) or "review" in render_rule(parse_line(text, E).expr, None)
