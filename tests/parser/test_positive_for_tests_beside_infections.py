"""One positive result written before a list that names infections and their tests together
("known to be positive for hepatitis B surface antigen, hepatitis B core antibody, hepatitis C
antibody, or human immunodeficiency virus", "positive for HIV or HCV antibody",
``topics.infections._tests_after_positive``): the infection names are their own readers', the
tests beside them are the result's all the same. Left, the core and C antibodies after a bare
"positive for" were unread alternatives: a clean record stayed unknown and an HCV antibody on
record did not exclude. "HBc antibody" is the core antibody as "HBs antigen" is the surface
antigen. A list whose patients a further test decides ("... must have a negative PCR") is still
left alone.
"""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.infections import _TEST_NAMES
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, result

E = CriterionType.EXCLUSION

CLEAN = adult()
HIV = adult(condition("hiv", 800))
HBV = adult(condition("hbv", 800))
HCV = adult(condition("hcv", 800))
CORE = adult(result("hbcab", "positive"))

ROWS = [
    ("Patients who are known to be positive for hepatitis B surface antigen, hepatitis B core antibody, hepatitis C antibody, or "
     "human immunodeficiency virus", E, [HIV, HBV, HCV, CORE], [], [CLEAN]),
    ("Positive for HIV or HCV antibody", E, [HIV, HCV], [CLEAN, HBV], []),
    ("Positive for HIV, HBsAg or HCV antibody", E, [HIV, HBV, HCV], [CLEAN], []),
    ("Patients positive for HBs antigen, HCV antibody or HIV antibody", E, [HIV, HBV, HCV], [CLEAN], []),
    ("Positive result of HBs antigen, HBc antibody and/or HBs antibody.", E, [HBV, CORE], [], [CLEAN]),
    # a further test decides the patients the list names: left as it was, a person's
    ("patients that are positive for HBcAb, HBsAg, or HCV antibody must have a negative PCR", E, [], [], [CLEAN]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_tests_beside_named_infections_take_the_result(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("spelling", ["HBc antibody", "HBc-Ab", "HBc Ab", "HBc antibodies", "HBcAb", "anti-HBc"])
def test_the_core_antibody_is_read_however_spelt(spelling: str) -> None:
    core = next(pattern for concept, _, pattern in _TEST_NAMES if concept == "hbcab")
    assert core.fullmatch(spelling)


def test_the_core_antibody_pattern_is_linear_on_hostile_text() -> None:
    core = next(pattern for concept, _, pattern in _TEST_NAMES if concept == "hbcab")
    hostile = "HBc " + " -" * 10_000
    start = time.perf_counter()
    core.search(hostile)
    assert time.perf_counter() - start < 0.5
    assert re.search(r"\bHBc\b", hostile)
