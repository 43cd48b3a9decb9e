"""A count reached without support for a stated time (parser.support_windows).

"Platelets >= 75 x 10^9/L without transfusion support within 7 days", "ANC > 500/uL off cytokine
support for at least 24 hours", "independent of growth factor or transfusion support within 2
weeks of screening" (about 40 corpus lines): the support's window is a requirement beside the
count. Before, the time was a review (unknown for every record), a bound of its own ("for at
least 2 weeks" read as platelets >= 2) or the support asked of every patient.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.support_windows import support_windows
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, anc, hemoglobin, medication, platelets, procedure

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


@pytest.mark.parametrize(
    "text, rule",
    [
        (
            "Platelets ≥ 75 x 10^9/L without transfusion support within 7 days",
            "platelets >= 75 10*9/L and not transfusion within 7 days",
        ),
        (
            "hemoglobin ≥ 9 g/dL without transfusions in the past 7 days",
            "hemoglobin >= 9 g/dL and not transfusion within 7 days",
        ),
        (
            "Platelets ≥ 50 x 10^9/L without transfusion support in the past 28 days",
            "platelets >= 50 10*9/L and not transfusion within 28 days",
        ),
        # a time "for at least" is the window, never a count of its own
        (
            "Platelets ≥ 75 x 10^9/L independent of platelet transfusions for at least 2 weeks",
            "platelets >= 75 10*9/L and not (platelet-transfusion within 2 weeks",
        ),
        (
            "Platelet count ≥ 100,000/mm3 (not receiving platelet transfusions for at least 7 days prior to enrollment)",
            "platelets >= 100 10*9/L and not (platelet-transfusion within 7 days",
        ),
        # two supports: neither in the window; the support is never asked of the patient
        (
            "ANC ≥ 1000/µL independent of growth factor or transfusion support within 2 weeks of screening",
            "ANC >= 1 10*9/L and not (growth-factor within 2 weeks or transfusion within 2 weeks)",
        ),
        # a cytokine raising a count is a growth factor; hours as written
        (
            "ANC >500/μL off cytokine support for at least 24 hours",
            "ANC > 0.5 10*9/L and not growth-factor within 1 day",
        ),
        # after a list of counts, in brackets
        (
            "Hemoglobin >= 9 g/dL, ANC >= 1.5 x 10^9/L, platelets >= 100 x 10^9/L (without transfusion support within 7 days prior to test)",
            "hemoglobin >= 9 g/dL and ANC >= 1.5 10*9/L and platelets >= 100 10*9/L and not transfusion within 7 days",
        ),
    ],
)
def test_the_support_window_is_read_beside_the_count(text, rule):
    criterion = parse_line(text, INC)
    assert render_rule(criterion.expr, criterion.applies_if).startswith(rule)


@pytest.mark.parametrize(
    "text",
    [
        # an upper bound (an exclusion's shape): never turned into a requirement
        "Platelets < 50 x 10^9/L without transfusion within 7 days",
        # no time: a remark on how the value is reached (parser.remarks)
        "Platelets >= 75 x 10^9/L without transfusion support",
        # no count before it
        "No transfusion support within 7 days",
    ],
)
def test_other_support_words_are_left_as_they_were(text):
    assert support_windows(text) == text


LINE = "Platelets ≥ 75 x 10^9/L without transfusion support within 7 days"
ANC_LINE = "ANC ≥ 1000/µL independent of growth factor or transfusion support within 2 weeks of screening"
ROWS = [
    # (line, type, met, not met, unknown)
    (
        LINE,
        INC,
        (adult(platelets(100)), adult(platelets(100), procedure("platelet_transfusion", 30))),
        (adult(platelets(60)), adult(platelets(100), procedure("platelet_transfusion", 3))),
        (adult(),),
    ),
    (ANC_LINE, INC, (adult(anc(1.5)),), (adult(anc(1.5), medication("growth_factor", 5)), adult(anc(0.5))), (adult(),)),
    (
        "hemoglobin ≥ 9 g/dL without transfusions in the past 7 days",
        INC,
        (adult(hemoglobin(10)),),
        (adult(hemoglobin(10), procedure("rbc_transfusion", 2)), adult(hemoglobin(8))),
        (adult(),),
    ),
]


@pytest.mark.parametrize("text, ctype, facts, expected", outcome_cases(ROWS))
def test_a_count_raised_by_support_in_the_window_fails(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize(
    "worst",
    [
        "platelets >= 75 " + "without transfusion or " * 2200 + "within 7 days",
        "platelets > 5 without " * 2300,
        "platelets >= 75 without " + "red blood cell " * 3500 + "transfusion within 7 days",
    ],
)
def test_the_phrase_is_linear_on_adversarial_text(worst):
    assert len(worst) >= 50_000
    start = time.perf_counter()
    support_windows(worst)
    assert time.perf_counter() - start < 0.5  # generous: linear, about 30 ms on an idle machine


@pytest.mark.parametrize(
    "text, rule",
    [
        # the bound in words, or with its unit bracketed after the number, or written ">/="
        (
            "Platelets greater than or equal to 60,000/mcL without transfusion support within the past 30 days",
            "platelets >= 60 10*9/L and not transfusion within 30 days",
        ),
        (
            "Hemoglobin >= 8 gram/deciliter (g/dL) without transfusion support within 7 days prior to test",
            "hemoglobin >= 8 g/dL and not transfusion within 7 days",
        ),
        (
            "hemoglobin >/=9 g/dL without transfusion within 1 week preceding study drug administration",
            "hemoglobin >= 9 g/dL and not transfusion within 1 week",
        ),
    ],
)
def test_the_count_bound_is_found_however_written(text, rule):
    criterion = parse_line(text, INC)
    assert render_rule(criterion.expr, criterion.applies_if) == rule
