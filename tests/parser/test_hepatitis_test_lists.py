"""Hepatitis lines one sponsor's template writes ("Known active hepatitis B virus (HBV) or C virus
(HCV) infection; or known to be positive for HCV ribonucleic acid (RNA) or HBsAg (HBV surface
antigen)"; topics.infections): each letter with its own "virus (HBV)" is one list of viruses, the
acid spelled out after "HCV" is the RNA test, and a bare "positive for" before a list of tests'
own names is each test's result. Left, "C virus" and "HBsAg" were unread alternatives and a
clean record was unknown where the line does not exclude it.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import outcome_cases, judged
from tests.fixtures.records import adult, condition

E = CriterionType.EXCLUSION
CLEAN, HBV, HCV = adult(), adult(condition("hbv", 400)), adult(condition("hcv", 400))

ROWS: list[tuple[str, list[PatientFacts], list[PatientFacts], list[PatientFacts]]] = [
    (
        "Known active hepatitis B virus (HBV) or C virus (HCV) infection; or known to be positive for HCV ribonucleic acid (RNA) or HBsAg (HBV surface antigen).",
        [HBV, HCV], [CLEAN], [],
    ),
    ("Hepatitis B virus (HBV) or C virus (HCV) infection", [HBV, HCV], [CLEAN], []),
    ("known to be positive for hepatitis C virus (HCV) RNA or HBsAg (HBV surface antigen)", [HBV, HCV], [CLEAN], []),
    # a bare "positive for" before an infection's own name is left to the infections' readers
    ("Patients testing positive for human immunodeficiency virus (HIV) or hepatitis B or C", [HBV, HCV], [CLEAN], []),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(ROWS))
def test_hepatitis_lists_and_test_names(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, E), facts) is expected


def test_hostile_input_parses_quickly() -> None:
    """A 20,000-character line is cut short by the line reader; the readers themselves get the
    longest line it reads (2,000 characters) of the worst mix."""
    from rules_engine.parser.topics.infections import infection_items

    text = "positive for " * 800 + "HBsAg or " * 800 + "hepatitis B virus (HBV) or " * 200 + "C virus (HCV)"
    start = time.perf_counter()
    parse_line(text, E)
    infection_items(("positive for " * 75 + "positive for HBsAg or HCV RNA or " * 100)[:2000])
    parse_line(("hepatitis B virus (HBV) or C virus (HCV) or " * 60)[:2000], E)
    assert time.perf_counter() - start < 1.0
