"""A formula's own text, a bound closing on the age band it is for, a heading opening with an age
band's label, and a heart's function defined by its NYHA class (real corpus wordings, paraphrased).

- "... where GFR = k*Height/serum creatinine. k is a proportionality constant ...; 0.45 up to 12
  months of age; ...": the formula asks nothing (its "12 months of age" was an age the patient had
  to meet, its "x 0.85 ... creatinine (mg/dL)" a creatinine equal to 0.85);
- "Serum creatinine < 1.0 mg/dL in adolescents (patients 12 to 17 years of age)": the band scopes
  the line (read as a conjunct it failed every adult);
- "Patients 18 years and older (Adult population): Serum creatinine ..." over lines of its own:
  the label scopes the heading's words;
- "Adequate cardiac functions (NYHA III-IV excluded)": the bracket is the wrapper's definition.
"""

from __future__ import annotations

from datetime import date

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.formulas import strip_formula
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render_rule

I = CriterionType.INCLUSION
AS_OF = date(2026, 11, 22)


def person(years: int, creatinine: float | None = None) -> PatientFacts:
    measured = {} if creatinine is None else {"creatinine": (Measurement("creatinine", creatinine, "mg/dL", AS_OF),)}
    return PatientFacts(date(AS_OF.year - years, 1, 1), "female", measured, {})


def first_outcome(lines, facts) -> Outcome:
    trial = TrialCriteria("T", 1, tuple(parse_lines(lines)))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize(
    "text, kept",
    [
        ("Calculated creatinine clearance >= 90 ml/min/1.73m2 by the Schwartz formula (GFR) where GFR (ml/min/1.73 m2) = k*Height (cm)/serum "
         "creatinine (mg/dl). k is a proportionality constant which varies with age; 0.45 up to 12 months of age; 0.55 children; and 0.70 adolescent boys.",
         "Calculated creatinine clearance >= 90 ml/min/1.73m2 by the Schwartz formula (GFR)"),
        ("Creatinine clearance >= 40 ml/min estimated by the Cockcroft-Gault formula:Calculated Creatinine Clearance = [(140-age) X (actual body "
         "weight in kg) X (0.85 if female)]/(72 X serum creatinine)",
         "Creatinine clearance >= 40 ml/min estimated by the Cockcroft-Gault formula"),
        ("Serum creatinine <= 1.5x ULN or creatinine clearance (CrCl) >= 40 mL/min (using the Cockcroft-Gault formula) c. Female CrCl = (140 - age "
         "in years) x weight in kg x 0.85 /72 x serum creatinine in mg/dL",
         "Serum creatinine <= 1.5x ULN or creatinine clearance (CrCl) >= 40 mL/min (using the Cockcroft-Gault formula)"),
        ("Males: cr cl (mL)/min) = weight (kg) x (140-age) divided by 72 x serum creatinine (mg/dL)", ""),
        ("Woman CrCl = (140- age [years old]) x weight (kg) x 0.85 72 x serum creatinine (mg/dL)", ""),
        # a formula in brackets with more of the line after it, or a bound after it: left as written
        ("creatinine clearance <= 50mL/min (estimated creatinine clearance = [weight (Kg) x (140-age)]/[72 x creatinine]), Parkinson's disease",
         None),
        ("CrCl = (140 - age) x weight / (72 x creatinine) must be >= 60 mL/min", None),
    ],
    ids=["schwartz-constants", "cockcroft-equation", "cockcroft-after-list-marker", "formula-line", "formula-line-woman", "bracketed", "bound-after"],
)
def test_a_formula_running_to_the_end_is_taken_out(text, kept):
    assert strip_formula(text) == (text if kept is None else kept)


def test_a_formula_constant_age_is_no_age_requirement():
    text = ("Calculated creatinine clearance >= 90 ml/min/1.73m2 by the Schwartz formula where GFR (ml/min/1.73 m2) = k*Height (cm)/serum creatinine "
            "(mg/dl). k is a proportionality constant which varies with age; 0.45 up to 12 months of age; 0.55 children; and 0.70 adolescent boys.")
    assert "age" not in render_rule(parse_line(text, I).expr).replace("creatinine", "")


@pytest.mark.parametrize(
    "text, years, creatinine, expected",
    [
        ("Serum creatinine < 1.0 mg/dL in adolescent/young adults (patients 12 to 17 years of age).", 40, 1.2, Outcome.MET),
        ("Serum creatinine < 1.0 mg/dL in adolescent/young adults (patients 12 to 17 years of age).", 15, 0.8, Outcome.MET),
        ("Serum creatinine < 1.0 mg/dL in adolescent/young adults (patients 12 to 17 years of age).", 15, 1.2, Outcome.NOT_MET),
        ("Serum creatinine <= 1.5 mg/dL for patients > 16 years of age", 10, 2.0, Outcome.MET),
        ("Serum creatinine <= 1.5 mg/dL for patients > 16 years of age", 30, 2.0, Outcome.NOT_MET),
        # sentences after it that only permit go with it
        ("Serum creatinine < 1.0 mg/dL in adolescents (patients 12 to 17 years of age). For pediatric patients with serum creatinine above the ULN, "
         "creatinine clearance > 90 ml/min/1.73m2 may be enrolled.", 40, 1.2, Outcome.MET),
        # alternatives before the band: the band is the last one's, the line is not scoped by it
        ("Karnofsky >= 70% or Lansky > 70% for patients < 16 years of age", 40, None, Outcome.UNKNOWN),
        # a requirement after it: no scope of that sentence, left as read
        ("Serum creatinine < 1.0 mg/dL in adolescents (patients 12 to 17 years of age). Patients must have a bilirubin < 1.5 mg/dL.", 40, 1.2,
         Outcome.NOT_MET),
    ],
    ids=["adult-outside", "adolescent-within", "adolescent-above", "for-band-child", "for-band-adult-above", "permission-after",
         "alternatives-before", "requirement-after"],
)
def test_a_bound_closing_on_its_age_band_concerns_that_band(text, years, creatinine, expected):
    assert first_outcome([(I, text)], person(years, creatinine)) is expected


AGE_LABEL_HEADING = [
    (I, "Patients 18 years and older (Adult population): Serum creatinine <1.0 mg/dL", None),
    (I, "Cardiac function must be normal per the institution normal as measured by echocardiogram (ECHO) within 7 days.", 0),
]


@pytest.mark.parametrize(
    "years, creatinine, expected",
    [(15, 1.5, Outcome.UNKNOWN), (40, 1.5, Outcome.NOT_MET)],  # the line under it stays a person's; the adult's own bound decides
    ids=["adolescent", "adult-above"],
)
def test_an_age_label_heading_scopes_its_own_words(years, creatinine, expected):
    assert first_outcome(AGE_LABEL_HEADING, person(years, creatinine)) is expected


@pytest.mark.parametrize(
    "text, rendered",
    [
        ("Performance 0-2 (ECOG). Adequate cardiac functions (New York Heart Association (NYHA) cardiac III-IV excluded)",
         "ECOG <= 2 and not (heart-failure and NYHA >= 3)"),
        ("Adequate cardiac function (NYHA class I or II)", "no heart-failure or NYHA <= 2"),
    ],
    ids=["bracket-excluding", "bracket-class"],
)
def test_a_cardiac_wrapper_is_defined_by_its_nyha_bracket(text, rendered):
    assert render_rule(parse_line(text, I).expr) == rendered
