"""Shapes the AML / myeloid holdout trials (T11-T15 in ``tests/fixtures/holdout/cases.py``)
misread, each in its general form, with real corpus lines and the corpus count
(``../shared/corpus``, 1,783 criteria texts; a regular-expression floor).

* An exclusion's list whose first item closes with its abbreviation ("hepatitis B virus (HBV)
  and hepatitis C virus (HCV) infections"; 5 corpus lines put "(ABBR) and" between two
  infections, 2 of them read as All): the bracket does not end the list, so either infection
  excludes. Read as All, a patient with hepatitis B alone was not excluded.
* "calculated or measured" before a value ("Serum creatinine <=1.5 mg/dL and calculated or
  measured creatinine clearance (CRcl) of >=50 mL/min"; 37 corpus lines write the pair, 4 were
  read wrongly): the "or" says how the value is got and joins nothing. Read as the join, a
  creatinine within limits met the line whatever the clearance.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, creatinine, crcl, result

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION

HBV_AND_HCV = "Patients with known active hepatitis B virus (HBV) and hepatitis C virus (HCV) infections"
SUSPECTED = (
    "Uncontrolled infectious diseases - requires negative tests for clinically suspected human immunodeficiency virus (HIV), "
    "hepatitis B virus (HBV) and hepatitis C virus (HCV)."
)

LIST_AFTER_ABBREVIATION_ROWS = [
    (HBV_AND_HCV, [adult(condition("hbv")), adult(condition("hcv")), adult(condition("hbv"), condition("hcv"))], [adult()], []),
    (SUSPECTED, [adult(condition("hcv")), adult(condition("hiv"))], [adult()], []),
    ("Known hepatitis B (HBV) and HIV infection", [adult(condition("hiv")), adult(result("hbsag", "positive"))], [adult()], []),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(LIST_AFTER_ABBREVIATION_ROWS))
def test_an_abbreviation_closing_an_exclusion_item_keeps_the_list_an_alternative(text: str, facts, expected: Outcome) -> None:
    assert judged(parse_line(text, E), facts) is expected


VOSAROXIN_RENAL = "Serum creatinine ≤1.5 mg/dL and calculated or measured creatinine clearance (CRcl) of ≥50 mL/min"
AS_WELL_AS = (
    "Patient must have an adequate renal function as defined by a serum creatinine ≤ 1.5 x the institutional upper limit of normal, "
    "as well as a calculated or measured creatinine clearance ≥ 50 mL/min"
)
EITHER = "Serum creatinine ≤ 1.5 mg/dL or calculated or measured creatinine clearance ≥ 50 mL/min"

HOW_MEASURED_ROWS = [
    (VOSAROXIN_RENAL, [adult(creatinine(1.0), crcl(80))], [adult(creatinine(1.3), crcl(42)), adult(creatinine(1.8), crcl(60))], [adult(creatinine(1.0))]),
    (AS_WELL_AS, [adult(creatinine(1.0), crcl(80))], [adult(creatinine(1.3), crcl(42))], [adult(creatinine(1.0))]),
    (EITHER, [adult(creatinine(1.3), crcl(42)), adult(creatinine(1.8), crcl(60))], [adult(creatinine(1.8), crcl(42))], [adult(creatinine(1.8))]),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(HOW_MEASURED_ROWS))
def test_calculated_or_measured_says_how_a_value_is_got_and_joins_nothing(text: str, facts, expected: Outcome) -> None:
    assert judged(parse_line(text, I), facts) is expected
