"""Shapes the AML / myeloid holdout trials (T11-T15 in ``tests/fixtures/holdout/cases.py``)
misread, each in its general form, with real corpus lines and the corpus count
(``../shared/corpus``, 1,783 criteria texts; a regular-expression floor).

* An exclusion's list whose first item closes with its abbreviation ("hepatitis B virus (HBV)
  and hepatitis C virus (HCV) infections"; 5 corpus lines put "(ABBR) and" between two
  infections, 2 of them read as All): the bracket does not end the list, so either infection
  excludes. Read as All, a patient with hepatitis B alone was not excluded.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, result

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
