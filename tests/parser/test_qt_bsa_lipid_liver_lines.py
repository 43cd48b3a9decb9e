"""Organ-function and measurement lines read on registry text (issue 14, labs): a bare "QT
interval" bound is the QTc, the sex written before each bound; a body surface area bound
(concepts: bsa) and the dose level that makes one a person's; a lipid level excluded "while on
lipid-lowering agents"; a blood cancer's own reach into the liver as a widening's cause.

Each line is a short corpus-shaped wording, decided on records: met, not met, unknown.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import age, condition, lab, record, sex

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def patient(*items, who: str = "male") -> PatientFacts:
    return record(age(60), sex(who), condition("nsclc"), *items)


NONE = patient()


def qtc(ms: float, who: str = "male") -> PatientFacts:
    return patient(lab("qtc", ms, "ms"), who=who)


QT = [
    # "QT interval" bounded on an eligibility ECG is the rate-corrected one the record keeps
    ("Patients with prolonged QT interval on baseline EKG (>430 ms)", EXC, (qtc(450),), (qtc(420),), (NONE,)),
    ("QT interval > 480 msec", EXC, (qtc(490),), (qtc(470),), (NONE,)),
    # an absolute (uncorrected) QT is not the QTc
    ("Absolute QT interval > 460 msec", EXC, (), (), (qtc(490), qtc(400))),
    # the sex before each bound: each sex its own, never the first asked of both
    ("QT interval male ≥ 450 ms, female ≥ 470 ms", EXC, (qtc(455), qtc(475, "female")), (qtc(440), qtc(460, "female")), (NONE,)),
    ("QTc male ≥ 450 ms", EXC, (), (), (qtc(455), qtc(400), qtc(460, "female"))),
    # the unit's abbreviation in brackets before the sex; the tracing with its own abbreviation
    ("QT interval (QTcB) of >450 milliseconds (msec) for males and >470 msec for females on screening electrocardiogram (ECG).", EXC,
     (qtc(455), qtc(475, "female")), (qtc(440), qtc(460, "female")), (NONE,)),
    ("QTc interval prolongation (male > 450ms. Female >470ms)", EXC, (qtc(455), qtc(475, "female")), (qtc(460, "female"),), ()),
    # the tracing the corrected interval is read from is how it is measured
    ("screening 12-lead ECG showing a baseline QT interval as corrected by Fridericia's formula (QTcF) >470 msec", EXC, (qtc(480),), (qtc(450),), (NONE,)),
    # a long QT syndrome is no bound on the interval: the infarction after it is still read
    ("History of EKG abnormalities, a family history of prolonged QT interval syndrome, or myocardial infarction less than 1 year ago", EXC,
     (patient(condition("myocardial_infarction", days_ago=100)),), (), (NONE,)),
    # a prolonged interval is never asked for: among the inclusions it is a person's
    ("QT interval > 480 msec (note: if the average QT-interval of 3 measurements remains below 480 msec, patient is eligible)", INC,
     (), (), (qtc(500), qtc(420))),
    ("QT interval <= 480 msec", INC, (qtc(420),), (qtc(500),), (NONE,)),
]


def bsa(m2: float) -> PatientFacts:
    return patient(lab("bsa", m2, "m2"))


BSA = [
    ("Body surface area < 0.3 m2", EXC, (bsa(0.28),), (bsa(1.3),), (NONE,)),
    ("Have a body surface area greater than or equal to 1.37 meters squared (m^2)", INC, (bsa(1.5),), (bsa(1.2),), (NONE,)),
    ("Patients must have a body surface area (BSA) of >= 1.17 m^2 at time of study enrollment", INC, (bsa(1.2),), (bsa(1.0),), (NONE,)),
    # the dose level's floor: which level a patient gets is the study's
    ("Patients enrolled on dose level 1 (50 mg/m^2) must have BSA >= 1.20 m^2", INC, (), (), (bsa(1.0), bsa(1.5))),
    # a share of the body surface a lesion covers is no body surface area
    ("Skin lesion involvement of at least 3% of BSA", INC, (), (), (bsa(1.5),)),
]


def lipids(chol: float, tg: float, *items) -> PatientFacts:
    return patient(lab("cholesterol", chol, "mg/dL"), lab("triglycerides", tg, "mg/dL"), *items)


LIPIDS = [
    # the level on record is the one measured on whatever the patient takes
    ("Fasting cholesterol > 300 mg/dl or triglycerides > 300 while on lipid lowering agents", EXC,
     (lipids(320, 180), lipids(180, 350)), (lipids(180, 140),), (NONE,)),
    ("Cholesterol level greater than 500 mg/dL or triglyceride level greater than 500 mg/dL while being treated, or not on "
     "appropriate lipid-lowering therapy within 4 weeks of study entry", EXC, (lipids(180, 620),), (lipids(180, 140),), (NONE,)),
]


def bili(mg_dl: float, *items) -> PatientFacts:
    return patient(lab("bilirubin", mg_dl, "mg/dL", uln=1.2), *items)


LIVER = [
    # a leukaemia's infiltration of the liver the investigator suspects: a patient with a blood
    # cancer is a person's; one without any, or with the bilirubin in range, is decided
    ("Total bilirubin < 2.0 x IULN; if leukemia infiltration of the liver is suspected to be causing liver function abnormalities "
     "the patient will still be eligible with principal investigator (PI) approval", INC,
     (bili(1.0),), (bili(2.6),), (bili(2.6, condition("all")), bili(2.6, condition("liver_metastases")))),
]

CASES = outcome_cases(QT + BSA + LIPIDS + LIVER)


@pytest.mark.parametrize("text,ctype,facts,expected", CASES)
def test_the_line_is_decided_by_the_record(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("hostile", [
    "QT interval male " * 2000 + "≥ 450 ms",
    "Body surface area " * 2000 + "< 0.3 m2 dose level",
    "triglycerides > 300 while on lipid lowering " * 500 + "agents",
    "leukemia infiltration of the " * 1000 + "liver may be eligible",
])
def test_a_long_hostile_line_parses_fast(hostile: str) -> None:
    start = time.perf_counter()
    parse_line(hostile[:20000], EXC)
    assert len(hostile[:20000]) > 15_000 and time.perf_counter() - start < 3.0
