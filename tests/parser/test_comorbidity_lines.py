"""Comorbidity and organ-function lines as registries write them (issue 14): the investigator's ECG
sign-off closing a cardiac exclusion, the protocol's first day of treatment (C1D1) as a window's
anchor, a window said to be "approximately" its length, a condition that keeps oral medication from being given, a thrombophilic condition, a
second prohibition after "and must not have a", and a bound asked of the mean of several counts.

Each row is (line, met, not met, unknown); both evaluators judge every record (``judged``). A
disease absent from the record is absent (contract section 4); a measurement absent is unknown.
The wordings are the corpus's own shapes, none a particular trial's whole text.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.parser import parse_line
from rules_engine.parser.topics.mean_counts import mean_of_counts
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, condition, immunization, lab, medication, score

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

NONE = adult()
MI_LAST_MONTH = adult(condition("myocardial_infarction", 30))
MI_200_DAYS = adult(condition("myocardial_infarction", 200))
HEART_FAILURE_CLASS_3 = adult(condition("heart_failure"), score("nyha", 3))
LVEF_35 = adult(lab("lvef", 35, "%"))
LVEF_55 = adult(lab("lvef", 55, "%"))
LIVE_VACCINE_10_DAYS = adult(immunization("live_vaccine", 10))
ATRIAL_FIBRILLATION = adult(condition("atrial_fibrillation"))
DYSPHAGIA = adult(condition("dysphagia"))
THROMBOPHILIA = adult(condition("thrombophilia", 3000))
DVT_LAST_MONTH = adult(condition("thromboembolism", 30))
DVT_TWO_YEARS = adult(condition("thromboembolism", 730, active=False))
SEIZURES = adult(condition("seizure_disorder"))
PLATELETS_32 = adult(lab("platelets", 32, "10*9/L"))
PLATELETS_85 = adult(lab("platelets", 85, "10*9/L"))
PLATELETS_55 = adult(lab("platelets", 55, "10*9/L"))
ARRHYTHMIA_ON_AMIODARONE = adult(condition("atrial_fibrillation"), medication("antiarrhythmic_therapy", 1))
HEALTHY_ORGANS = adult(lab("bilirubin", 0.8, "mg/dL", 1.2), lab("alt", 30, "U/L", 40), lab("ast", 30, "U/L", 40), lab("creatinine", 0.9, "mg/dL", 1.2),
                       lab("lipase", 35, "U/L", 60), lab("amylase", 60, "U/L", 100))
LIPASE_3X = adult(lab("bilirubin", 0.8, "mg/dL", 1.2), lab("alt", 30, "U/L", 40), lab("ast", 30, "U/L", 40), lab("creatinine", 0.9, "mg/dL", 1.2),
                  lab("lipase", 180, "U/L", 60))

Row = tuple[str, tuple[PatientFacts, ...], tuple[PatientFacts, ...], tuple[PatientFacts, ...]]

EXCLUSIONS: list[Row] = [
    # the sponsor's sign-off on the screening tracing is what the site files: no "or" beside the events
    ("The patient has had a myocardial infarction in the previous 12 weeks. (Prior to study entry, electrocardiogram [ECG] "
     "abnormalities at screening must be documented by the investigator as not medically relevant.)",
     (MI_LAST_MONTH,), (NONE, MI_200_DAYS), ()),
    ("Myocardial infarction within 6 months prior to enrollment or has New York Heart Association (NYHA) Class III or IV heart failure. "
     "Prior to study entry, any ECG abnormality at Screening has to be documented by the investigator as not medically relevant.",
     (MI_LAST_MONTH, HEART_FAILURE_CLASS_3), (NONE, MI_200_DAYS), ()),
    # the first day of the trial's treatment anchors the window; "approximately" is the window's length
    ("Myocardial infarction within 6 months of Cycle 1 Day 1 (C1D1).", (MI_LAST_MONTH,), (NONE, MI_200_DAYS), ()),
    ("Has received a live vaccine within 30 days of planned start of study drug (Cycle 1, Day 1).", (LIVE_VACCINE_10_DAYS,), (NONE,), ()),
    ("Subjects with New York Heart Association (NYHA) Class III or IV congestive heart failure or LVEF <40% by echocardiogram (ECHO) "
     "or multi-gated acquisition (MUGA) scan within approximately 28 days of C1D1.",
     (HEART_FAILURE_CLASS_3, LVEF_35), (LVEF_55,), (NONE,)),
    # a thrombophilic condition is coded (D68.5-D68.6)
    ("Prior diagnosis of thrombosis or known hypercoagulable state", (THROMBOPHILIA,), (), ()),
    ("Known hemosiderosis, hemochromatosis or hypercoagulable condition", (THROMBOPHILIA,), (), (NONE,)),
    # the rhythm is the subject of both halves: the need for treatment is the arrhythmia's
    ("History of arrhythmia that is symptomatic or requires treatment.", (ARRHYTHMIA_ON_AMIODARONE,), (NONE,), (ATRIAL_FIBRILLATION,)),
]

INCLUSIONS: list[Row] = [
    # the pancreas banded by its enzymes as the liver is: past 2 x ULN inadequate by any protocol
    ("Adequate hepatic, renal and pancreatic function.", (HEALTHY_ORGANS,), (LIPASE_3X,), (NONE,)),
    # "..., and must not have a known Y": Y is prohibited too, not joined to X by "and"
    ("Patients must not have a deep venous or arterial thrombosis (including pulmonary embolism) within the last three months prior "
     "to study entry, and must not have a known thrombophilic condition",
     (NONE, DVT_TWO_YEARS), (THROMBOPHILIA, DVT_LAST_MONTH), ()),
    ("Patients must not have a myocardial infarction within 3 months and must not have a seizure disorder",
     (NONE, MI_200_DAYS), (MI_LAST_MONTH, SEIZURES), ()),
    # a condition that keeps oral medication from being given: a swallowing disorder is one
    ("No upper gastrointestinal or other conditions that would preclude compliance with or administration of oral medication",
     (), (DYSPHAGIA,), (NONE,)),
    # the mean of two counts is a person's; the bound on each count decides
    ("The mean of two platelet counts taken during the 2-week Screening Period must be ≤50 x 109/L, with no individual "
     "non-transfused count >60 x 109/L.",
     (), (PLATELETS_85,), (PLATELETS_32, PLATELETS_55, NONE)),
    ("Mean of 2 most recent central laboratory Hb values during the screening period, obtained at least 7 days apart, must be <10.0 g/dL",
     (), (), (NONE, PLATELETS_32)),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(EXCLUSIONS))
def test_a_comorbidity_exclusion_is_decided_by_what_the_record_codes(text: str, facts: PatientFacts, expected: object) -> None:
    assert judged(parse_line(text, EXC), facts) is expected


@pytest.mark.parametrize("text, facts, expected", outcome_cases(INCLUSIONS))
def test_a_comorbidity_inclusion_is_decided_by_what_the_record_codes(text: str, facts: PatientFacts, expected: object) -> None:
    assert judged(parse_line(text, INC), facts) is expected


@pytest.mark.parametrize(
    "text, reading",
    [
        # the mean's own bound is never asked of the latest count
        ("The mean of two platelet counts taken during the Screening Period must be ≤50 x 109/L, with no individual count >60 x 109/L.",
         "platelets <= 60 10*9/L and review unsupported"),
        ("Mean of 2 most recent central laboratory Hb values during the screening period must be <10.0 g/dL", "review unsupported"),
    ],
)
def test_a_mean_of_counts_keeps_only_each_counts_bound(text: str, reading: str) -> None:
    assert rule_of(text).startswith(reading)
    assert "<= 50" not in rule_of(text) and "< 10" not in rule_of(text)


def test_the_c1d1_anchor_and_the_sign_off_leave_no_review() -> None:
    assert rule_of("Has received a live vaccine within 30 days of planned start of study drug (Cycle 1, Day 1).", EXC) == "live-vaccine within 30 days"
    assert "review" not in rule_of("Myocardial infarction within 6 months before C1D1 (including C1D1)", EXC)
    assert "review" not in rule_of("Myocardial infarction in the previous 12 weeks. Any ECG abnormality at Screening has to be documented "
                                   "by the investigator as not medically relevant.", EXC)


def test_a_hostile_mean_line_parses_in_bounded_time() -> None:
    hostile = "The mean of two " + "platelet " * 2500 + "counts must be " + "≤50 x 109/L, " * 500
    start = time.perf_counter()
    mean_of_counts(hostile, INC, lambda text, ctype: parse_line(text[:200], ctype).expr)
    parse_line(hostile[:20000], INC)
    assert time.perf_counter() - start < 10
