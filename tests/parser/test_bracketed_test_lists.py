"""A bracketed list of the tests a finding may be shown by, between the finding and its disease:
"Philadelphia chromosome positive (Ph+) (by cytogenetics or FISH) or BCR-ABL+ (by polymerase chain
reaction [PCR]) CML in CP", "HER2 positive (by IHC or FISH) breast cancer".

Whichever test showed it, the finding is one: the bracket's "or" joins tests, never the marker and
the disease. Read as the line's "or", "HER2 positive or breast cancer" passed a HER2-negative
breast cancer and "Ph+ or CML" a Ph-negative CML.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, result

I = CriterionType.INCLUSION

CML_PH_POS = adult(condition("cml", 100, phase="chronic"), result("bcr_abl1", "positive"))
CML_PH_NEG = adult(condition("cml", 100, phase="chronic"), result("bcr_abl1", "negative"))

ROWS = [
    ("Ph+ (by cytogenetics or FISH) CML", I, [CML_PH_POS], [CML_PH_NEG], []),
    ("Philadelphia chromosome positive (Ph+) (by cytogenetics or FISH) or BCR-ABL+ (by polymerase chain reaction [PCR]) CML in CP",
     I, [CML_PH_POS], [CML_PH_NEG], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_bracketed_test_list_joins_tests_not_the_line(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_hostile_input_is_normalised_in_bounded_time() -> None:
    texts = [("(by cytogenetics or " * 1200)[:20000], ("(by polymerase chain reaction [PCR] or FISH " * 500)[:20000]]
    start = time.perf_counter()
    for text in texts:
        normalize(text)
    assert time.perf_counter() - start < 1.0
