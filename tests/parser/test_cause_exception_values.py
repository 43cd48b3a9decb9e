"""An exception for a named cause concerns the values that cause raises, inside a list of limits
read as one item (issue 14, rule 1): "Transaminases or bilirubin > 2 x ULN except for Gilbert's
syndrome" excepts a Gilbert's bilirubin, never a Gilbert's patient's ALT five times the limit;
"unless there are bone metastases" frees the alkaline phosphatase, never the transaminases.

Applied to the whole item, the exclusion read "(ALT > 2 or AST > 2 or bilirubin > 2) and not
Gilbert's": a patient with Gilbert's syndrome and a failing liver met none of it and was eligible
where the text excludes him.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import alt, bilirubin, condition, healthy, lab

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

NORMAL = healthy()
GILBERT_BILIRUBIN = healthy(condition("gilbert_syndrome", 3000), bilirubin=bilirubin(3.0))
GILBERT_ALT = healthy(condition("gilbert_syndrome", 3000), alt=alt(200))
ALT_HIGH = healthy(alt=alt(200))
BILIRUBIN_HIGH = healthy(bilirubin=bilirubin(3.0))
ALP_HIGH = healthy(alp=lab("alp", 500, "U/L", uln=120))

ROWS = [
    ("Transaminases or bilirubin > 2 x ULN except for Gilbert's syndrome", E,
     [GILBERT_ALT, ALT_HIGH, BILIRUBIN_HIGH], [NORMAL, GILBERT_BILIRUBIN], []),
    ("No hepatic disease with transaminases or bilirubin > 2 times upper limit of normal except for isolated hyperbilirubinemia "
     "attributed to Gilbert's syndrome", I, [NORMAL], [GILBERT_ALT, ALT_HIGH, BILIRUBIN_HIGH], [GILBERT_BILIRUBIN]),
    ("ALT and AST <= 2.5 x ULN; bilirubin <= 1.5 x ULN (except Gilbert's syndrome)", I,
     [NORMAL, GILBERT_BILIRUBIN], [ALT_HIGH, GILBERT_ALT, BILIRUBIN_HIGH], []),
    ("Alkaline phosphatase, ALT and AST <= 3 times the upper limit of normal, unless there are bone metastases, in which case liver "
     "specific alkaline phosphatase must be separated from the total", I, [NORMAL], [ALT_HIGH], [ALP_HIGH]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_named_cause_excepts_only_the_values_it_raises(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_a_hostile_list_of_limits_with_a_cause_parses_in_bounded_time() -> None:
    text = ("ALT, AST or bilirubin > 2 x ULN, " * 600 + " except for Gilbert's syndrome")[:20000]
    started = time.perf_counter()
    parse_line(text, E)
    assert time.perf_counter() - started < 1.0
