"""Electrolytes listed under a heading that asks them within normal limits, perhaps corrected
with supplements (parser.salt_headings, issue 14, rx5; holdout T315).

Each bare name was a review that asked nothing, so the heading never held eligible back: a
potassium of 3.1 mmol/L, or none measured, let the verdict go eligible. Each name now asks what
the heading asks: in range meets it, out of range is left to the correction the heading allows
(unknown, a decided unknown that holds the verdict back), none measured is unknown.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.outcome import Outcome
from rules_engine.parser.criteria import parse_lines
from rules_engine.parser.salt_headings import _HEADING, _NAME, salt_line
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, healthy, lab

INC = CriterionType.INCLUSION
CORRECTED = ("Patients must have the following electrolyte values within normal limits or corrected to within normal limits with "
             "supplements prior to the first dose of study medication:")
PLAIN = "Patients must have the following electrolyte values within normal limits:"
NAMES = ("Potassium", "Magnesium", "Phosphate", "Total calcium (corrected for serum albumin);")


def salts(potassium: float | None = 4.1):
    found = [lab("magnesium", 2.0, "mg/dL", uln=2.6), lab("phosphate", 3.6, "mg/dL", uln=4.5), lab("calcium", 9.3, "mg/dL", uln=10.2)]
    if potassium is not None:
        found.append(lab("potassium", potassium, "mmol/L", uln=5.1))
    return found


def heading_outcome(heading: str, facts) -> tuple[Outcome, bool]:
    criteria = parse_lines([(INC, heading), *((INC, name, 0) for name in NAMES)])
    result = evaluate_reference(TrialCriteria("NCT00000098", 1, criteria), facts, AS_OF).criteria[0]
    return result.outcome, result.review


@pytest.mark.parametrize("heading,facts,expected", [
    (CORRECTED, healthy(*salts()), (Outcome.MET, False)),
    (CORRECTED, healthy(*salts(3.1)), (Outcome.UNKNOWN, False)),  # may still be corrected: never a failure, never review-only
    (CORRECTED, healthy(*salts(None)), (Outcome.UNKNOWN, False)),
    (PLAIN, healthy(*salts(3.1)), (Outcome.NOT_MET, False)),
    (PLAIN, healthy(*salts()), (Outcome.MET, False)),
])
def test_each_electrolyte_under_the_heading_asks_what_the_heading_asks(heading, facts, expected):
    assert heading_outcome(heading, facts) == expected


@pytest.mark.parametrize("text,read", [
    ("Potassium", True), ("Total calcium (corrected for serum albumin);", True), ("Serum magnesium", True),
    ("Potassium ≥ 3.5 mmol/L", False), ("Creatinine", False),
])
def test_only_a_bare_electrolyte_name_is_read_so(text, read):
    assert (salt_line(text, True) is not None) is read


def test_an_adversarial_heading_and_name_read_in_50_ms():
    text = "electrolyte values within normal limits " + "or corrected with supplements " * 200 + "x" * 2000
    start = time.perf_counter()
    _HEADING.search(text)
    _NAME.match("(" * 3 + "total " * 500 + "(" * 500)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
