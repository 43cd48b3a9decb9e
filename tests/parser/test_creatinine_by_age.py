"""The paediatric table of serum creatinine limits by age (and sex): the patient's own band
decides, each band concerns only patients of its age, and a band Eligo cannot read leaves the
table open rather than failing anyone. Read line by line it failed every patient (each band was
an age requirement of its own, all asked at once)."""

from __future__ import annotations

from datetime import date

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Measurement, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.topics.age_table import band
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render

I = CriterionType.INCLUSION
AS_OF = date(2026, 11, 22)

COG = [
    (I, "Creatinine clearance or radioisotope glomerular filtration rate (GFR) >= 70 mL/min OR a serum creatinine based on age/gender as follows:", None),
    (I, "0.6 mg/dL (1 to < 2 years of age)", 0),
    (I, "0.8 mg/dL (2 to < 6 years of age)", 0),
    (I, "1.0 mg/dL (6 to < 10 years of age)", 0),
    (I, "1.2 mg/dL (10 to < 13 years of age)", 0),
    (I, "1.5 mg/dL (male) or 1.4 mg/dL (female) (13 to < 16 years of age)", 0),
    (I, "1.7 mg/dL (male) or 1.4 mg/dL (female) (>= 16 years of age)", 0),
]
BY_AGE = [
    (I, "Creatinine as defined by age as follows:", None),
    (I, "≤ 0.5 mg/dL (for patients < 1 year old)", 0),
    (I, "≤ 0.8 mg/dL (for patients 1 to 5 years old)", 0),
    (I, "≤ 1.5 mg/dL (for patients > 15 years old)", 0),
]


def person(years: int, sex: str, creatinine: float | None, egfr: float | None = None, clearance: float | None = None) -> PatientFacts:
    measured = {} if creatinine is None else {"creatinine": (Measurement("creatinine", creatinine, "mg/dL", AS_OF),)}
    if egfr is not None:  # the heading's other tests, when the record holds them
        measured["egfr"] = (Measurement("egfr", egfr, "mL/min", AS_OF),)
    if clearance is not None:
        measured["creatinine_clearance"] = (Measurement("creatinine_clearance", clearance, "mL/min", AS_OF),)
    return PatientFacts(date(AS_OF.year - years, 1, 1), sex, measured, {})


def heading_outcome(lines, facts) -> Outcome:
    trial = TrialCriteria("T", 1, tuple(parse_lines(lines)))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize(
    "lines, facts, expected",
    [
        (COG, person(4, "female", 0.7), Outcome.MET),  # her band: <= 0.8
        (COG, person(4, "female", 0.9, egfr=50, clearance=50), Outcome.NOT_MET),
        (COG, person(4, "female", 0.9), Outcome.UNKNOWN),  # the clearance alternative is open
        # either test of the heading shows the function: a low eGFR alone leaves the clearance open
        (COG, person(4, "female", 0.9, egfr=50), Outcome.UNKNOWN),
        (COG, person(14, "male", 1.45), Outcome.MET),  # a boy of 14: <= 1.5
        (COG, person(14, "female", 1.45, egfr=50, clearance=50), Outcome.NOT_MET),  # a girl of 14: <= 1.4
        (COG, person(40, "male", 1.6), Outcome.MET),  # an adult: the >= 16 band
        (COG, person(40, "male", 1.8, egfr=50, clearance=50), Outcome.NOT_MET),
        (COG, person(40, "male", 1.0, egfr=50), Outcome.MET),  # either test suffices
        (COG, person(40, "male", None), Outcome.UNKNOWN),  # no creatinine, no clearance on record
        (BY_AGE, person(3, "male", 0.7), Outcome.MET),
        (BY_AGE, person(30, "male", 1.2), Outcome.MET),  # it failed every patient before
        (BY_AGE, person(30, "male", 1.7), Outcome.NOT_MET),
    ],
    ids=["girl-4-within", "girl-4-above", "girl-4-above-no-clearance", "girl-4-above-egfr-only", "boy-14-male-limit", "girl-14-female-limit",
         "adult-within", "adult-above", "adult-low-clearance-creatinine-within", "no-values", "by-age-child", "by-age-adult", "by-age-adult-above"],
)
def test_the_patients_own_band_decides_the_table(lines, facts, expected):
    assert heading_outcome(lines, facts) is expected


def test_a_band_line_concerns_only_patients_of_its_age():
    trial = TrialCriteria("T", 1, tuple(parse_lines(COG)))
    outcome = evaluate_reference(trial, person(40, "male", 1.0), AS_OF).criteria[1]  # the 1 to < 2 years band
    assert outcome.outcome is Outcome.MET and outcome.reason.startswith("not applicable")


@pytest.mark.parametrize(
    "text, age, limit",
    [
        ("No greater than 0.6 mg/dL (1-23 months of age)", "age between 1 and 23 months", "creatinine <= 0.6 mg/dL"),
        ("0.4 mg/dL (1 month to < 6 months of age)", "age between 1 and 6 exclusive months", "creatinine <= 0.4 mg/dL"),
        ("2 to < 6 years: 0.8 (male), 0.8 (female)", "age between 2 and 6 exclusive years",
         "(sex is male and creatinine <= 0.8 mg/dL) or (sex is female and creatinine <= 0.8 mg/dL)"),
        ("2 to < 6 years: 0.8 mg/dL for males and females", "age between 2 and 6 exclusive years", "creatinine <= 0.8 mg/dL"),
        ("No greater than 1.4 mg/dL (13 years of age and over [female])", "age >= 13 years and sex is female", "creatinine <= 1.4 mg/dL"),
        ("0.6 mg/dL (1 year of age)", "age between 1 and 1 years", "creatinine <= 0.6 mg/dL"),
    ],
)
def test_a_band_is_read_as_written(text, age, limit):
    read_age, read_limit = band(text)
    assert read_age is not None and (render(read_age), render(read_limit)) == (age, limit)


@pytest.mark.parametrize("text", ["≥ 1.0 mg/dL (2 to 5 years)", "0.8 mg/dL", "see protocol (2 to 5 years)"])
def test_a_band_not_read_is_left_to_a_person(text):
    age, limit = band(text)
    assert age is None and render(limit).startswith("review")
