"""Which body weight a calculation takes ("For subjects with a BMI > 30 kg/m2, lean body weight
should be used instead") is an instruction to whoever computes the value, not a bound the patient
must meet: the line asks only what stands before it (rules_engine.parser.weight_instructions)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.weight_instructions import strip_weight_instructions
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged
from tests.fixtures.records import adult, lab

I = CriterionType.INCLUSION
CREATININE_LINE = (
    "Serum creatinine within normal limits or calculated clearance {op} 50 mL/min/1.73 m2 for subjects with serum "
    "creatinine levels above or below the institutional normal value. If using creatinine clearance, actual body weight "
    "should be used for calculating creatinine clearance ({eg} using the Cockroft-Gault formula). For subjects with a Body "
    "Mass Index (BMI) > 30 kg/m2, lean body weight should be used instead."
)
INSTRUCTED = [CREATININE_LINE.format(op="≥", eg="eg,"), CREATININE_LINE.format(op=">", eg="eg.")]


@pytest.mark.parametrize("text", INSTRUCTED)
def test_the_weight_a_calculation_takes_is_no_bound_of_the_patient(text: str) -> None:
    rule = render_rule(parse_line(text, I).expr)
    assert "BMI" not in rule and "body weight" not in rule, rule


@pytest.mark.parametrize("text", INSTRUCTED)
def test_a_patient_with_a_normal_bmi_and_creatinine_is_not_failed_by_the_instruction(text: str) -> None:
    patient = adult(lab("creatinine", 0.9, "mg/dL", uln=1.2), lab("bmi", 24.0, "kg/m2"))
    assert judged(parse_line(text, I), patient) is not Outcome.NOT_MET


@pytest.mark.parametrize(
    "text",
    [
        "BMI > 30 kg/m2",  # a bound of the patient's own
        "Lifetime total melphalan dose less than 150 mg/m^2 (based on ideal body weight)",  # no instruction sentence
        "Body weight >= 40 kg",
    ],
)
def test_text_without_an_instruction_is_left_as_it_is(text: str) -> None:
    assert strip_weight_instructions(text) == text


def test_the_pattern_takes_bounded_time_on_hostile_text() -> None:
    hostile = [
        "If using a, actual body weight should be used " + "x" * 20_000,
        "For subjects with " + "a" * 20_000 + " body weight",
        "actual body weight should be used ." * 2_000,
    ]
    start = time.perf_counter()
    for text in hostile:
        strip_weight_instructions(text)
    assert time.perf_counter() - start < 0.5
