"""The upper limit of normal and the units as registries spell them ("< 2.5 X institutional upper
limit", "≤2 the institutional ULN value", "1.5 x ILUN", "25 μM", "3.4 milliequivalents/liter
(mEq/L)", "110 pounds"): each bound read as the multiple or the quantity it is. Left, the number
before an unknown ULN spelling was read in the lab's usual unit (bilirubin "≤ 2 times the
institutional upper limit" asked for 2 mg/dL) or left a review "a threshold without a unit"; and a
score's age scope written with the patients' kind ("Lansky > 50 for pediatric patients less than
age 10 years") was an unread review that left every adult unknown."""

from __future__ import annotations

import time
from datetime import date

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.line import parse_line
from rules_engine.parser.normalize import normalize
from rules_engine.parser.uln_spellings import ROWS
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language.render import render_rule

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
AS_OF = date(2026, 11, 22)


def rule(text: str, kind: CriterionType = I) -> str:
    parsed = parse_line(text, kind)
    return render_rule(parsed.expr, parsed.applies_if)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AST(SGOT)/ALT(SGPT) <2.5 X institutional upper limit", "AST < 2.5 x ULN and ALT < 2.5 x ULN"),
        ("Alkaline phosphatase <2.5 X institutional upper limit", "alp < 2.5 x ULN"),
        ("bilirubin ≤ 2 times the institutional upper limit", "bilirubin <= 2 x ULN"),
        ("ALT ≤ 2.5 times the UIHC upper limit of normal", "ALT <= 2.5 x ULN"),
        ("Total bilirubin < 3.0 x upper institution limit for normal.", "bilirubin < 3 x ULN"),
        ("total bilirubin, AST, and ALT ≤2 the institutional ULN value", "bilirubin <= 2 x ULN and AST <= 2 x ULN and ALT <= 2 x ULN"),
        ("Direct bilirubin ≥2-fold than the upper limit of normal (ULN)", "direct-bilirubin >= 2 x ULN"),
        ("AST/ALT <1.5 times UL", "AST < 1.5 x ULN and ALT < 1.5 x ULN"),
        ("AST, ALT ≤ 3 times Unit Line Number (ULN)", "AST <= 3 x ULN and ALT <= 3 x ULN"),
        ("aPTT ≤ 1.5 x ILUN", "APTT <= 1.5 x ULN"),
        # spellings the readers knew already stay as they were read
        ("bilirubin ≤ 1.5 times the upper limit of the institutional normal range", "bilirubin <= 1.5 x ULN"),
        ("creatinine ≤ 1.5 x the laboratory ULN", "creatinine <= 1.5 x ULN"),
        ("Bilirubin ≤ 2 x upper limit of institutional normal", "bilirubin <= 2 x ULN"),
    ],
)
def test_a_uln_spelling_is_read_as_a_multiple_of_the_limit(text: str, expected: str) -> None:
    assert rule(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("serum bilirubin > 25 μM (1.5 mg/dL)", "bilirubin > 25 umol/L"),
        ("serum bilirubin greater than 25 micro-mol/l (1.5 mg/dl)", "bilirubin > 25 umol/L"),
        ("Potassium < 4.0 mEg/L", "potassium < 4 mmol/L"),
        ("Total and direct bilirubin: < 3.0 x upper institution limit for normal.", "bilirubin < 3 x ULN and direct-bilirubin < 3 x ULN"),
        ("potassium <3.4 molar equivalent per liter (mEq/L)", "potassium < 3.4 mmol/L"),
        ("Alanine aminotransferase (SGPT) < 200 I.U/L", "ALT < 200 U/L"),
        ("Body weight < 110 pounds", "body-weight < 110 [lb_av]"),
    ],
)
def test_a_unit_spelling_is_read_as_its_unit(text: str, expected: str) -> None:
    assert rule(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the institution's limit with "of normal" after it is the row's before, untouched here
        ("bilirubin ≤ institutional upper limit of normal", "bilirubin ≤ institutional ULN"),
        # capitals before "ULN" with no multiple before them are no institution's initials
        ("AST > ULN", "AST > ULN"),
        # "UL" that is a microlitre stays
        ("platelets ≥ 100 x 10^9/UL", "platelets ≥ 100 x 10^9/UL"),
    ],
)
def test_what_is_no_uln_slip_is_left(text: str, expected: str) -> None:
    assert normalize(text) == expected


def _facts(**labs: tuple[float, str, float | None]) -> PatientFacts:
    measurements = {k: (Measurement(k, v, unit, AS_OF, uln=uln),) for k, (v, unit, uln) in labs.items()}
    return PatientFacts(birth_date=date(1960, 1, 1), sex="male", measurements=measurements)


@pytest.mark.parametrize(
    ("text", "facts", "expected"),
    [
        # 2.2 mg/dL is under twice an upper limit of 1.2: read as 2 mg/dL it failed
        ("Bilirubin ≤ 2 times the institutional upper limit", _facts(bilirubin=(2.2, "mg/dL", 1.2)), MET),
        ("Bilirubin ≤ 2 times the institutional upper limit", _facts(bilirubin=(2.6, "mg/dL", 1.2)), NOT_MET),
        ("Potassium ≥ 3.5 molar equivalent per liter (mEq/L)", _facts(potassium=(3.2, "mmol/L", None)), NOT_MET),
        ("Potassium ≥ 3.5 molar equivalent per liter (mEq/L)", _facts(potassium=(4.1, "mmol/L", None)), MET),
    ],
)
def test_the_bound_decides_the_record(text: str, facts: PatientFacts, expected: Outcome) -> None:
    trial = TrialCriteria("t", 1, tuple(parse_lines([(I, text)])))
    assert evaluate_reference(trial, facts, AS_OF).criteria[-1].outcome is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lansky Performance Index > 50 for pediatric patients less than age 10 years.", "age >= 10 years or Lansky > 50 %"),
        ("Karnofsky ≥ 50 for adult patients ≥ 16 years and Lansky ≥ 50 for pediatric patients < 16 years",
         "(age >= 16 years and Karnofsky >= 50 %) or (age < 16 years and Lansky >= 50 %)"),
    ],
)
def test_a_score_scoped_to_patients_of_a_kind_and_age_concerns_those_patients(text: str, expected: str) -> None:
    assert rule(text) == expected


def test_the_uln_rows_are_fast_on_adversarial_input() -> None:
    import re

    text = ("2 times the institutional upper " * 300) + ("≤ 2 the " * 300) + ("fold than " * 300) + "x"
    compiled = [re.compile(pattern, re.I) for pattern, _repl, _gate in ROWS]
    start = time.perf_counter()
    for pattern in compiled:
        pattern.sub("", text)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)


RENAL_2X = ("Adequate renal function defined as: Serum creatinine <2.0 x normal, or Creatinine clearance or radioisotope GFR 40 ml/min/m2 "
            "or >40 ml/min/1.73 m2 or an equivalent GFR as determined by the institutional normal range.")
RENAL_15X = ("Adequate renal function defined as:Serum creatinine <1.5 x normal, or Creatinine clearance or radioisotope glomerular filtration "
             "rate (GFR) >60 ml/min/m2 or >60 ml/min/1.73 m2 or an equivalent GFR as determined by the institutional normal range.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (RENAL_2X, 'creatinine < 2 x ULN or creatinine-clearance > 40 mL/min/{1.73_m2} or eGFR > 40 mL/min/{1.73_m2} '
                   'or review "an equivalent GFR as determined by the institutional normal range"'),
        (RENAL_15X, 'creatinine < 1.5 x ULN or creatinine-clearance > 60 mL/min/{1.73_m2} or eGFR > 60 mL/min/{1.73_m2} '
                    'or review "an equivalent GFR as determined by the institutional normal range"'),
    ],
)
def test_a_filtration_bound_offered_per_m2_and_per_173_m2_is_the_per_173_m2_one(text: str, expected: str) -> None:
    """Per square metre at the same number is the stricter bound, so the two together ask the
    per-1.73-m2 one; the institution's equivalent GFR stays an alternative for a person."""
    assert rule(text) == expected


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        # a normal creatinine meets the line (the trailing words were a requirement before)
        (_facts(creatinine=(1.0, "mg/dL", 1.2)), MET),
        # everything read failing: the institution's equivalent GFR is left to a person
        (_facts(creatinine=(3.0, "mg/dL", 1.2), creatinine_clearance=(30.0, "mL/min", None)), UNKNOWN),
    ],
)
def test_the_renal_alternatives_decide_as_alternatives(facts: PatientFacts, expected: Outcome) -> None:
    trial = TrialCriteria("t", 1, tuple(parse_lines([(I, RENAL_2X)])))
    assert evaluate_reference(trial, facts, AS_OF).criteria[-1].outcome is expected


def test_different_numbers_per_m2_and_per_173_m2_are_left_as_written() -> None:
    text = "GFR > 40 ml/min/m2 or > 60 ml/min/1.73 m2"
    assert normalize(text) == text


def test_the_filtration_rows_are_fast_on_adversarial_input() -> None:
    import re

    from rules_engine.parser.filtration_alternatives import ROWS as FILTRATION

    text = ("40 ml/min/m2 or " * 300) + ("or an equivalent " * 300) + "x"
    compiled = [re.compile(pattern, re.I) for pattern, _repl, _gate in FILTRATION]
    start = time.perf_counter()
    for pattern in compiled:
        pattern.sub("", text)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
