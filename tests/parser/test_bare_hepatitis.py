"""A "hepatitis" that names no virus and no cause ("Active Hepatitis or cirrhosis", "HIV or
hepatitis", "Known hepatitis"; ``topics.infections._BARE_HEPATITIS``): any viral hepatitis on
record (A, B, C, or another or unspecified one: ``other_viral_hepatitis``, ICD-10-CM B17.0,
B17.2, B17.8-B17.9, B18.8-B18.9, B19.0, B19.9), or a liver disease on record that may be one
(K70-K77 holds autoimmune, alcoholic and toxic hepatitis beside cirrhosis), which is a person's.
Left a review whole, every record was unknown, a clean one too.

A cause before it ("autoimmune hepatitis", "drug-induced hepatitis", "chronic active hepatitis")
or a virus or test after it ("hepatitis B", "hepatitis serology") is not this reading's. The
acute and the unspecified hepatitis B and C codes (B16, B19.1; B17.1, B19.2) are the infections.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.infections import _BARE_HEPATITIS, _bare_hepatitis_read
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
HAV = adult(condition("hav", 30))
HBV = adult(condition("hbv", 800))
HCV = adult(condition("hcv", 800))
OTHER = adult(condition("other_viral_hepatitis", 200))
LIVER = adult(condition("liver_disease", 400))
HIV = adult(condition("hiv", 800))

ROWS = [
    ("Active Hepatitis or cirrhosis", E, [HAV, HBV, HCV, OTHER, LIVER], [CLEAN, HIV], []),
    ("HIV or hepatitis", E, [HIV, HBV, OTHER], [CLEAN], [LIVER]),
    ("Known hepatitis", E, [HBV, HCV, OTHER], [CLEAN, HIV], [LIVER]),
    ("No hepatitis", I, [CLEAN, HIV], [HBV, HCV, OTHER], [LIVER]),
    # "viral hepatitis" is every viral one, an unspecified virus too
    ("Active viral hepatitis", E, [HBV, OTHER], [CLEAN, LIVER], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_bare_hepatitis_is_any_viral_one_or_a_liver_disease_that_may_be_one(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Active Hepatitis or cirrhosis", True),
        ("liver disease (e.g. hepatitis, cirrhosis)", True),
        ("HIV or hepatitis", True),
        ("Autoimmune hepatitis", False),
        ("drug-induced hepatitis", False),
        ("Lupus hepatitis", False),
        ("History of chronic active hepatitis", False),
        ("hepatitis B", False),
        ("hepatitis C virus", False),
        ("hepatitis serology positive", False),
        ("hepatitis (HBV or HCV)", False),
        ("hepatitis virus", False),
    ],
)
def test_only_a_hepatitis_of_no_cause_and_no_virus_is_read(text: str, read: bool) -> None:
    found = [m for m in _BARE_HEPATITIS.finditer(text) if _bare_hepatitis_read(text, m.start())]
    assert bool(found) is read


def test_the_bare_hepatitis_pattern_is_linear_on_hostile_text() -> None:
    hostile = ("hepatitis " + " " * 50 + ", ") * 400
    start = time.perf_counter()
    found = [m for m in _BARE_HEPATITIS.finditer(hostile) if _bare_hepatitis_read(hostile, m.start())]
    assert time.perf_counter() - start < 1.0
    assert found


@pytest.mark.parametrize(
    ("code", "concept"),
    [("B16.9", "hbv"), ("B19.10", "hbv"), ("B17.10", "hcv"), ("B19.20", "hcv"), ("B17.2", "other_viral_hepatitis"), ("B19.9", "other_viral_hepatitis"), ("B18.9", "other_viral_hepatitis")],
)
def test_acute_and_unspecified_viral_hepatitis_codes_are_read(code: str, concept: str) -> None:
    from matcher.intake.codes import load

    assert concept in [r.concept for r in load().condition_rules("http://hl7.org/fhir/sid/icd-10-cm", code)]


@pytest.mark.parametrize(
    "text",
    [
        "Other significant medical condition, including but not limited to diabetes, active infection, pulmonary fibrosis, and chronic hepatitis",
        "Any grade immune-related pneumonitis, cardiomyopathy, or hepatitis",
        "systemic autoimmune disease such as SLE, connective tissue diseases, scleroderma, ulcerative colitis, hepatitis",
    ],
)
def test_a_hepatitis_after_a_bare_and_or_among_immune_disorders_is_left_as_written(text: str) -> None:
    assert not [m for m in _BARE_HEPATITIS.finditer(text) if _bare_hepatitis_read(text, m.start())]


def test_a_list_before_and_hepatitis_still_decides_the_exclusion() -> None:
    text = "Other significant medical condition, including but not limited to diabetes, active infection, pulmonary fibrosis, and chronic hepatitis"
    assert judged(parse_line(text, E), adult(condition("diabetes", 400))) is Outcome.MET
