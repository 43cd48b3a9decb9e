"""How long ago the patient's disease was diagnosed, written right after it: "Molecular diagnosis
of CP CML of ≤ 6 months (from initial diagnosis)", "CP CML (≤ 6 months from diagnosis)", "AML
within 30 days of diagnosis", "Chronic phase CML, time from diagnosis ≤ 6 months".

The disease is asked inside the window, dated by its record from today; a relapsed disease leaves
the first diagnosis's date to a person (a record's onset may be the relapse's), and a record older
than the window fails the line. The CML phase read beside the disease keeps the date (left, the
phase's item hid the date's words and a CML diagnosed 8 months before passed "≤ 6 months").
A bound counted from another thing's diagnosis stays a person's, and "More than 1 year of
diagnosis" is no patient's age.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.cml_phase import cml_phase_items
from rules_engine.parser.topics.diagnosis_age import since_diagnosis
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CML_NEW = adult(condition("cml", 150, phase="chronic"))
CML_OLD = adult(condition("cml", 240, phase="chronic"))
CML_NEW_AP = adult(condition("cml", 150, phase="accelerated"))
CML_RELAPSED = adult(condition("cml", 150, phase="chronic"), condition("relapsed", 150))
AML_NEW = adult(condition("aml", 20))
AML_OLD = adult(condition("aml", 400))
AML_RELAPSED = adult(condition("aml", 20), condition("relapsed", 20))
MYELOMA = adult(condition("multiple_myeloma", 100))

ROWS = [
    # -- an upper bound from the disease's own diagnosis, the CML phase beside it
    ("Molecular diagnosis of CP CML of ≤ 6 months (from initial diagnosis).", I, [CML_NEW], [CML_OLD, CML_NEW_AP, AML_NEW], [CML_RELAPSED]),
    ("CP CML (≤ 6 months from diagnosis)", I, [CML_NEW], [CML_OLD, CML_NEW_AP], [CML_RELAPSED]),
    ("CML in chronic phase within 6 months of diagnosis", I, [CML_NEW], [CML_OLD, CML_NEW_AP], [CML_RELAPSED]),
    ("Chronic phase CML, time from diagnosis ≤ 6 months", I, [CML_NEW], [CML_OLD, CML_NEW_AP], []),
    ("CML in chronic phase diagnosed within 6 months", I, [CML_NEW], [CML_OLD, CML_NEW_AP], []),
    # -- any malignancy, read by the events topic
    ("AML (≤ 30 days from diagnosis)", I, [AML_NEW], [AML_OLD, MYELOMA], [AML_RELAPSED]),
    ("AML within 30 days of the initial diagnosis", I, [AML_NEW], [AML_OLD], [AML_RELAPSED]),
    # (an exclusion's rule is what excludes: met by a recent AML)
    ("AML within 30 days of diagnosis", E, [AML_NEW], [AML_OLD, MYELOMA], [AML_RELAPSED]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_disease_dated_from_its_own_diagnosis(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


# never decided toward the patient: another thing's diagnosis, a lower bound, the disease's age
UNDECIDED = [
    ("CML in chronic phase diagnosed within 6 weeks of diagnosis of disease progression", I, [], [], [CML_OLD, CML_NEW]),
    # (the disease's age, a lower bound: a CML diagnosed months ago fails it, the rest a person's)
    ("More than 1 year of diagnosis (CML or myeloma patients only)", I, [], [CML_NEW, CML_OLD], [MYELOMA]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(UNDECIDED))
def test_other_dates_are_not_read_as_the_diagnosis_window(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


SPANS = [
    ("CP CML of ≤ 6 months (from initial diagnosis).", 6, (6.0, "months")),
    ("CML (< 30 days from the diagnosis)", 3, (30.0, "days")),
    ("CML, diagnosed less than 3 months prior to study entry", 3, (3.0, "months")),
    ("CML within 6 weeks of diagnosis of disease progression", 3, None),
    ("CML of ≤ 6 months", 3, None),
    ("CML diagnosed within 6 weeks of starting imatinib", 3, None),
]


@pytest.mark.parametrize("text, end, expected", SPANS)
def test_the_window_right_after_the_disease(text: str, end: int, expected: tuple[float, str] | None) -> None:
    found = since_diagnosis(text, end)
    assert (None if found is None else (found[0].amount, found[0].unit)) == expected


def test_hostile_input_is_read_in_bounded_time() -> None:
    texts = [
        ("CML of ≤ 6 months (from " * 1000)[:20000],
        ("chronic phase CML within 6 " * 1000)[:20000],
        ("CML, time from diagnosis ≤ " * 1000)[:20000],
    ]
    start = time.perf_counter()
    for text in texts:
        for at in range(0, len(text), 97):
            since_diagnosis(text, at)
        cml_phase_items(text)
    assert time.perf_counter() - start < 1.0
