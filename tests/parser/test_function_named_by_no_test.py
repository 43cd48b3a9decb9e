"""Issue 14, organ-function lines whose subject is a function rather than one test, or whose bound
is written before the function:

- a glomerular filtration rate named by no test ("GFR > 30 ml/minute", "calculated creatinine
  clearance or glomerular filtration rate > 50") is the kidneys' filtration however the record
  estimates it: the eGFR, else the creatinine clearance (``derive.MEASURE_SOURCES``); a GFR
  estimated or measured by a test of its own ("estimated GFR", "radioisotope GFR", "GFR ... by
  the MDRD equation", "... measured by EDTA clearance") stays that test's, which a clearance does
  not show;
- a percentage bound before the function ("less than 26% shortening fraction", "> 50% DLCO and
  FEV1") bounds it as if written after;
- "in adults and children" names every patient, no age group;
- organ function asked as a whole with the marrow named ("adequate organ and marrow function",
  "organ and blood cell counts") refuses a neutrophil count under 0.5 x 10^9/L.

Sentences are written in the registries' shapes, not copied from one trial."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser.line import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, anc, creatinine, crcl, lab, lvef

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

NAMES = [
    ("Serum creatinine <= 1.5 x ULN or GFR > 40 ml/minute", "creatinine <= 1.5 x ULN or GFR > 40 mL/min"),
    ("Glomerular filtration rate (GFR) >= 60 mL/min", "GFR >= 60 mL/min"),
    ("Creatinine <= 2 x ULN or calculated creatinine clearance or glomerular filtration rate > 45 mL/min/1.73 m2",
     "creatinine <= 2 x ULN or creatinine-clearance > 45 mL/min/{1.73_m2} or GFR > 45 mL/min/{1.73_m2}"),
    # a test of its own: the eGFR's
    ("Creatinine clearance or radioisotope glomerular filtration rate >= 75 mL/min", "creatinine-clearance >= 75 mL/min or eGFR >= 75 mL/min"),
    ("Estimated glomerular filtration rate >= 50 mL/min/1.73 m2", "eGFR >= 50 mL/min/{1.73_m2}"),
    ("eGFR > 30 mL/min", "eGFR > 30 mL/min"),
    ("Measured GFR of at least 60 mL/min/1.73m2", "eGFR >= 60 mL/min/{1.73_m2}"),
    # the test named after the bound (topics.gfr_tests)
    ("GFR >= 40 mL/min/1.73 m2 by the MDRD equation", 'eGFR >= 40 mL/min/{1.73_m2} and review unparsed "equation"'),
    ("Glomerular filtration rate > 55 mL/min. The GFR is to be measured by 51Cr-EDTA clearance",
     'eGFR > 55 mL/min and review unparsed "The GFR is to be measured by 51Cr-EDTA clearance"'),
    ("GFR at least 45 mL/min (Cockcroft-Gault)", "GFR >= 45 mL/min"),
]


@pytest.mark.parametrize("text,expected", NAMES, ids=[t[:50] for t, _ in NAMES])
def test_a_gfr_named_by_no_test_is_the_function(text: str, expected: str) -> None:
    assert rule_of(text) == expected


@pytest.mark.parametrize(
    "text,facts,expected",
    outcome_cases([
        # the eGFR first, else the clearance; nothing on record leaves it open
        ("GFR > 40 ml/minute",
         [adult(crcl(55)), adult(lab("egfr", 50, "mL/min/{1.73_m2}"), crcl(30))],
         [adult(crcl(25)), adult(lab("egfr", 35, "mL/min/{1.73_m2}"), crcl(70))],
         [adult(), adult(creatinine(0.9))]),
        ("Serum creatinine <= 1.5 x ULN or GFR > 40 ml/minute",
         [adult(creatinine(1.0)), adult(creatinine(2.4), crcl(50))],
         [adult(creatinine(2.4), crcl(25))],
         [adult(creatinine(2.4))]),
        # a radioisotope GFR is a test a clearance does not show
        ("Creatinine clearance or radioisotope glomerular filtration rate >= 75 mL/min",
         [adult(crcl(90))], [], [adult(crcl(50))]),
    ]),
)
def test_the_function_is_read_from_the_test_on_record(text: str, facts: object, expected: Outcome) -> None:
    assert judged(parse_line(text, "inclusion"), facts) is expected  # type: ignore[arg-type]


BOUND_FIRST = [
    ("less than 26% shortening fraction", INC, "shortening-fraction < 26 %"),
    ("At least 45% left ventricular ejection fraction by echocardiogram", INC, "LVEF >= 45 %"),
    ("Lungs: >60% DLCO and FEV1", INC, "DLCO > 60 % and FEV1 > 60 %"),
    ("> 55% forced expiratory volume in one second (FEV1) and forced vital capacity (FVC)", INC, "FEV1 > 55 % and FVC > 55 %"),
    # the ejection fraction named before keeps its own bound; the shortening fraction has its own
    ("Ejection fraction below 40% in adults and children, or less than 25% shortening fraction", EXC, "LVEF < 40 % or shortening-fraction < 25 %"),
    # a bound after the function is read as before, never twice
    ("DLCO > 50% and FEV1 > 50%", INC, "DLCO > 50 % and FEV1 > 50 %"),
    ("AML with >= 20% blasts in the bone marrow", INC, "AML and BM-blasts >= 20 %"),
]


@pytest.mark.parametrize("text,ctype,expected", BOUND_FIRST, ids=[t[:50] for t, _, _ in BOUND_FIRST])
def test_a_percentage_bound_before_the_function_bounds_it(text: str, ctype: CriterionType, expected: str) -> None:
    assert rule_of(text, ctype) == expected


@pytest.mark.parametrize(
    "text,facts,expected",
    outcome_cases([
        ("Ejection fraction below 40% in adults and children, or less than 25% shortening fraction",
         [adult(lvef(35))], [adult(lvef(60), lab("shortening_fraction", 30, "%"))], [adult(lvef(60))]),
    ]),
)
def test_adults_and_children_is_everyone(text: str, facts: object, expected: Outcome) -> None:
    assert judged(parse_line(text, "exclusion"), facts) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text,ctype,facts,expected",
    [
        ("Adequate organ and marrow function", INC, adult(anc(0.3)), Outcome.NOT_MET),
        ("The participant has adequate organ and blood cell counts", INC, adult(anc(0.4)), Outcome.NOT_MET),
        ("Adequate hematologic and end organ function", INC, adult(anc(0.2)), Outcome.NOT_MET),
        ("Adequate organ and marrow function", INC, adult(anc(1.2)), Outcome.UNKNOWN),
        ("Inadequate organ and marrow function", EXC, adult(anc(0.3)), Outcome.MET),
        # the marrow not named: the neutrophils are not asked
        ("Adequate organ function", INC, adult(anc(0.3)), Outcome.UNKNOWN),
    ],
    ids=lambda v: v[:40] if isinstance(v, str) else None,
)
def test_the_marrow_asked_as_a_whole_refuses_grade_four_neutropenia(text: str, ctype: CriterionType, facts: object, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected  # type: ignore[arg-type]


def test_hostile_lines_read_quickly() -> None:
    for text in ("> 50% " + "corrected " * 2000 + "DLCO", "in adults and " * 1500 + "children", "50% " * 5000, "GFR or " * 3000 + "> 30"):
        start = time.perf_counter()
        parse_line(text[:20000], "inclusion")
        assert time.perf_counter() - start < 1.0
