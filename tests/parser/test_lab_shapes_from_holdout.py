"""Lab and performance shapes the holdout trials showed misread (tests/parser/test_holdout_trials.py),
pinned line by line in the rule language."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, iter_predicates
from rules_engine.parser.line import parse_line
from rules_engine.rule_language import render_rule

INC = CriterionType.INCLUSION

SHAPES = [
    # a named scale after the generic words owns its value; an age scope stays with its scale
    ("Performance status: Lansky ≥ 50 for patients who are ≤ 16 years old and Karnofsky ≥ 50% for patients who are > 16 years old.",
     "(age <= 16 years and Lansky >= 50 %) or (age > 16 years and Karnofsky >= 50 %)"),
    # either scale on record decides (topics/either_scale.py); with neither, either bound may
    ("Performance status: ECOG 0-1 or Karnofsky >= 70%",
     "(ECOG and ECOG <= 1) or (Karnofsky and Karnofsky >= 70 %) or (no ECOG and no Karnofsky and (ECOG <= 1 or Karnofsky >= 70 %))"),
    ("Performance status 0-2", "ECOG <= 2"),
    # "CR" in leukaemia text is complete remission, never creatinine; "Cr" and "SCr" are
    ("Serum Cr <= 1.5 mg/dL", "creatinine <= 1.5 mg/dL"),
    ("SCr ≤ 1.5 x ULN", "creatinine <= 1.5 x ULN"),
    # a method phrase longer than the usual gap annotates the threshold
    ("Ejection fraction measured by echocardiogram (ECHO) or multi gated acquisition scan (MUGA) >= 50%;", "LVEF >= 50 %"),
    ("Creatinine clearance calculated by the Cockcroft-Gault formula of at least 60 mL/min", "creatinine-clearance >= 60 mL/min"),
]


def concepts(text: str) -> set[str]:
    return {p.concept for p in iter_predicates(parse_line(text, INC).expr)}


@pytest.mark.parametrize("text,rule", SHAPES, ids=[s[:40] for s, _ in SHAPES])
def test_line_reads_as_the_rule(text: str, rule: str) -> None:
    criterion = parse_line(text, INC)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


@pytest.mark.parametrize(
    "text",
    [
        "AML that has relapsed within 6 months after obtaining a CR OR",
        "Documented CR or CRi lasting at least 6 months",
    ],
)
def test_complete_remission_is_never_creatinine(text: str) -> None:
    assert "creatinine" not in concepts(text)


@pytest.mark.parametrize(
    "text",
    [
        "conjugated (direct) serum bilirubin ≤ ULN for age",
        "direct bilirubin <= 1.5 mg/dL",
        "Direct serum bilirubin < 2 x ULN",
    ],
)
def test_direct_bilirubin_is_never_total_bilirubin(text: str) -> None:
    assert "bilirubin" not in concepts(text)
