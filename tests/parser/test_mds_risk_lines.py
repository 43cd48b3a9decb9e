"""The MDS's IPSS risk categories written as alternatives: "INT-2 or high-risk MDS",
"intermediate-2 (INT-2) or high-risk", "Intermediate 2 and high risk", "Intermediate-2 or
High-grade risk" (corpus: 20 lines name INT-2 / intermediate-2; the 9 with this shape are read as
one qualifier of the MDS they grade, 7 of them differently than before).

Split at its "or", "INT-2" stood alone as a requirement of the whole line, so "Relapsed or
Refractory AML, or INT-2 or high-risk MDS" asked a relapsed AML patient for an MDS risk and
left the holdout's T82 diagnosis heading unknown. No record holds an IPSS category, so the
qualifier stays a person's for an MDS patient whose marrow blasts leave it open; it concerns only
the MDS alternative. Since hold26 (``topics/mds_kinds.py``, pinned in test_holdout_t26x_shapes)
the blasts decide what they fix: over 10% blasts is intermediate-2 or high whatever else.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import condition, healthy

INC = CriterionType.INCLUSION

AML_OR_MDS = "Relapsed or Refractory AML, or INT-2 or high-risk MDS"  # NCT03113071
NEWLY = "Newly diagnosed intermediate-2 (INT-2) or high-risk MDS"  # NCT03113071
HIGH_GRADE = "Intermediate-2 or High-grade risk MDS (including chronic myelomonocytic leukemia (CMML))"  # NCT02296242

_OPEN = 'review unsupported "INT-2/high-risk: the IPSS beyond what the marrow blasts fix"'
INT2_OR_HIGH = (f"((BM-blasts < 5 % and {_OPEN}) or ((BM-blasts >= 5 % and BM-blasts <= 10 %) and {_OPEN}) "
                "or (BM-blasts > 10 % and BM-blasts <= 20 %) or BM-blasts > 20 %)")

READINGS = [
    (AML_OR_MDS, f"((relapsed or refractory) and AML) or (MDS and {INT2_OR_HIGH})"),
    (NEWLY, f'MDS and {INT2_OR_HIGH} and review unparsed "Newly diagnosed"'),
    ("Intermediate 2 and high risk MDS", f"MDS and {INT2_OR_HIGH}"),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_the_risk_categories_are_one_qualifier_of_the_mds(text, rule):
    criterion = parse_line(text, INC)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


def test_the_risk_words_stay_beside_the_mds_they_grade():
    rule = render_rule(parse_line(HIGH_GRADE, INC).expr)
    # (the bracket's CMML is a disease the line admits beside the graded MDS: "(MDS and ...) or (CMML ...)")
    assert rule.startswith(f"(MDS and {INT2_OR_HIGH})")


# (line, type, met, not met, unknown): the AML alternative decides without the MDS's risk
ROWS = [
    (AML_OR_MDS, INC, (healthy(condition("aml"), condition("relapsed")), healthy(condition("aml"), condition("refractory"))),
     (healthy(condition("all"), condition("relapsed")), healthy()), (healthy(condition("mds")),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_as_the_text_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_an_mds_patient_is_left_to_a_person_not_failed():
    assert judged(parse_line(NEWLY, INC), healthy(condition("mds"))) is Outcome.UNKNOWN
