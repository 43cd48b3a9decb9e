"""Lab lines of the long tail (issue 14): tests named only there (ferritin, copper, prolactin, the
reticulocyte count, LDH), a band written as a range with no comparator (topics.lab_ranges), the
INR named with its prothrombin time and a multiplier glued to "upper limit of normal".

The wordings are registries' own corpus lines (quoted short); each is decided on records, and a
record without the test leaves the line unknown.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.lab_ranges import _BAND, lab_range_items
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import age, condition, lab, record, sex

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def patient(*items) -> PatientFacts:
    return record(age(60), sex("male"), condition("mds"), *items)


NONE = patient()


def measured(concept: str, value: float, unit: str, uln: float | None = None) -> PatientFacts:
    return patient(lab(concept, value, unit, uln=uln))


# -- tests named only in the long tail: read, and in the units registries write -------------------

NEW_TESTS = [
    ("Ferritin ≥ 50 ng/mL", INC, (measured("ferritin", 120, "ng/mL"),), (measured("ferritin", 20, "ng/mL"),), (NONE,)),
    # a microgram per litre is a nanogram per millilitre
    ("Serum ferritin ≥ 100 µg/L", INC, (measured("ferritin", 150, "ng/mL"),), (measured("ferritin", 60, "ng/mL"),), (NONE,)),
    ("Copper > 40 µg/dL", INC, (measured("copper", 90, "ug/dL"),), (measured("copper", 30, "ug/dL"),), (NONE,)),
    ("Absolute reticulocyte count less than 60,000/microliter", INC, (measured("reticulocytes", 40, "10*9/L"),), (measured("reticulocytes", 80, "10*9/L"),), (NONE,)),
    ("Patients with prolactin > 40 mcg/L.", EXC, (measured("prolactin", 60, "ng/mL"),), (measured("prolactin", 12, "ng/mL"),), (NONE,)),
    # the condition the bound defines: past it, the exclusion is met
    ("Hyperprolactinemia prior to study implementation (prolactin greater than 200 ng/ml).", EXC, (measured("prolactin", 250, "ng/mL"),), (), ()),
    ("Lactate Dehydrogenase (LDH) ≤ 1,5 times ULN", INC, (measured("ldh", 300, "U/L", uln=250),), (measured("ldh", 500, "U/L", uln=250),), (NONE,)),
    ("Serum LDH > 1.5 times upper limit of normal", EXC, (measured("ldh", 500, "U/L", uln=250),), (measured("ldh", 200, "U/L", uln=250),), (NONE,)),
]


# -- a band with no comparator: at or above the first number, at or below the second ---------------

BANDS = [
    ("Sodium 125-150 mmol/L", INC, (measured("sodium", 138, "mmol/L"),), (measured("sodium", 120, "mmol/L"), measured("sodium", 155, "mmol/L")), (NONE,)),
    ("Bicarbonate within the normal range of the hospital lab (24-32 mmol/L)", INC,
     (measured("bicarbonate", 26, "mmol/L"),), (measured("bicarbonate", 18, "mmol/L"),), (NONE,)),
    ("Creatinine clearance 20-130 mL/min", INC, (measured("creatinine_clearance", 60, "mL/min"),), (measured("creatinine_clearance", 15, "mL/min"),), (NONE,)),
    ("Creatinine clearance between 30 and 60 mL/min", INC, (measured("creatinine_clearance", 45, "mL/min"),), (measured("creatinine_clearance", 90, "mL/min"),), (NONE,)),
    # a count's band in cells per microlitre is the catalogue's 10^9/L
    ("WBC 3,000-12,000 /µL", INC, (measured("wbc", 5.0, "10*9/L"),), (measured("wbc", 2.0, "10*9/L"),), (NONE,)),
    ("Resting heart rate 50-90 bpm", INC, (measured("heart_rate", 70, "{beats}/min"),), (measured("heart_rate", 110, "{beats}/min"),), (NONE,)),
]


# -- the INR named with its test, and a multiplier glued to the words of the limit -----------------

COAGULATION = [
    ("Abnormal coagulation parameters (Prothrombin time-international normalized ratio > 1.5 or activated partial thromboplastin time > 40 seconds);", EXC,
     (measured("inr", 2.0, "1"),), (patient(lab("inr", 1.1, "1"), lab("aptt", 30, "s")),), (NONE,)),
    ("International Normalization Ratio (INR) and activated partial thromboplastin time (aPTT) <=1.3xupper limit of normal (ULN)", INC,
     (patient(lab("inr", 1.0, "1", uln=1.2), lab("aptt", 30, "s", uln=35)),), (patient(lab("inr", 2.0, "1", uln=1.2), lab("aptt", 30, "s", uln=35)),), (NONE,)),
]

def qtc(value: int, who: str) -> PatientFacts:
    return record(age(60), sex(who), condition("mds"), lab("qtc", value, "ms"))


# -- the QT prolongation the bound defines, each sex by its own bound -------------------------------

QT = [
    ("Subjects with marked baseline prolongation of QT/QTc interval (QTc interval >/= 470 msec for females and QTc interval >/= 450 msec for males).", EXC,
     (qtc(460, "male"), qtc(480, "female")), (qtc(460, "female"), qtc(430, "male")), (NONE,)),
    ("prolongation of the QTc interval to > 450 msec (males) or > 470 msec (females)", EXC,
     (qtc(460, "male"),), (qtc(460, "female"),), (NONE,)),
]

def lymphoma(*items) -> PatientFacts:
    return record(age(60), sex("male"), condition("dlbcl"), lab("platelets", 150, "10*9/L"), *items)


# -- a count waiver for the marrow's involvement lifts the counts for those patients only ----------

WAIVER = [
    ("Hematologic: platelets ≥ 80,000/mm3; hemoglobin ≥ 9 g/dL - the hematologic requirements are waived for patients with inadequate counts due to known bone marrow involvement by lymphoma", INC,
     (lymphoma(lab("hemoglobin", 11, "g/dL")), lymphoma(lab("hemoglobin", 8, "g/dL"), condition("bone_marrow_involvement"))),
     (lymphoma(lab("hemoglobin", 8, "g/dL")),), ()),
]

def pressure(systolic: int, diastolic: int, *items) -> PatientFacts:
    return patient(lab("systolic_bp", systolic, "mm[Hg]"), lab("diastolic_bp", diastolic, "mm[Hg]"), *items)


# -- a permission of the drugs that lower the pressure leaves its bound asked of the pressure --------

PRESSURE = [
    ("Uncontrolled hypertension as defined as diastolic > 90mmHg OR systolic > 140mmHg; the use of anti-hypertensive medication to control hypertension is permitted", EXC,
     (pressure(150, 85, condition("hypertension")), pressure(130, 95)), (pressure(130, 80, condition("hypertension")),), (NONE,)),
    ("Poorly controlled hypertension, defined as systolic blood pressure greater than 160 mm Hg or diastolic blood pressure greater than 100 mm Hg. The addition of anti-hypertensives to control blood pressure is allowed.", EXC,
     (pressure(150, 105, condition("hypertension")),), (pressure(140, 90, condition("hypertension")),), (NONE,)),
]

CASES = outcome_cases(NEW_TESTS + BANDS + COAGULATION + QT + WAIVER + PRESSURE)


@pytest.mark.parametrize("text,ctype,facts,expected", CASES)
def test_a_long_tail_lab_line_is_decided_by_the_record(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


# a band that is a multiple of the limit, a grade or a window is another reading's; so is one whose
# first number is not below its second
NOT_BANDS = [
    "ALT 2.5-5 x ULN",
    "Platelets grade 1-2",
    "Creatinine clearance 60-30 mL/min",
    "Creatinine measured 1-2 weeks before",
    # whom the line is about, never its requirement
    "Creatinine clearance 20-130 mL/min for females",
    "Patients assigned to group 1 with creatinine clearance 45-80 mL/min must withhold NSAIDs",
    "With mild to moderate renal insufficiency (CrCl from 50-79mL/min) should avoid NSAIDs",
    # the lab's own range, stated in a bracket
    "ALT <= 2.6 x ULN (normal ranges: AST 15-46 U/L; ALT 11-66 U/L)",
]


@pytest.mark.parametrize("text", NOT_BANDS)
def test_a_range_that_is_no_band_of_the_lab_is_left_to_the_other_readers(text: str) -> None:
    assert lab_range_items(text, INC) == []


@pytest.mark.parametrize("text", [
    "Sodium " + "(a) " * 2000 + "1-2 mmol/L",
    "Sodium " + "1" * 3000 + " - x",
    "Sodium within the normal range of the hospital lab (" + "1 " * 3000,
    "Creatinine clearance between " + "1 and " * 2000 + "x",
], ids=["glosses", "long-number", "normal-range-no-band", "between-no-end"])
def test_the_band_pattern_reads_adversarial_text_fast(text: str) -> None:
    start = time.perf_counter()
    _BAND.match(text)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
