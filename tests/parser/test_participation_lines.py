"""Taking part in another study, now or within a span, in one sponsor's template ("Is currently
participating ... or has participated in a study of an investigational agent ... within 4 weeks
of the first dose"): read as participation in another trial is, by the investigational agent a
record can show (rules_engine.parser.participation_rewrites)."""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.participation_rewrites import ROWS
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, medication

E = CriterionType.EXCLUSION
NAIVE = adult()
RECENT, OLD = adult(medication("investigational_agent", 10)), adult(medication("investigational_agent", 120))

ROWS_READ = [
    ("Currently participating or has participated in a study of an investigational agent or using an investigational "
     "device within 4 weeks of the first dose of study therapy", E, [RECENT], [OLD, NAIVE], []),
    ("Is currently participating in or has participated in a study of an investigational agent or using an investigational "
     "device within 4 weeks of the first dose of treatment.", E, [RECENT], [OLD, NAIVE], []),
    ("Is currently participating and receiving study therapy or has participated in a study of an investigational agent and "
     "received study therapy or used an investigational device within 4 weeks prior to administration of pembrolizumab.", E,
     [RECENT], [OLD, NAIVE], []),
    ("Currently participating or has participated in a study with an investigational compound or device within 30 days of "
     "Study Day 1.", E, [RECENT], [OLD, NAIVE], []),
    # a further medicine the template adds stays a person's: never cleared by the rewrite
    ("Is currently participating, or has participated in a study of an investigational agent and received study drug, "
     "herbal/complementary oral or IV medicine, or used an investigational device within 4 weeks of the first dose of study drug.", E,
     [RECENT], [], [OLD, NAIVE]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS_READ))
def test_current_or_recent_participation_is_a_recent_investigational_agent(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_the_patterns_take_bounded_time_on_hostile_text() -> None:
    hostile = "currently participating in and receiving study therapy " * 150 + "or has participated in a study of an " * 200 + "investigational compound or " * 200
    start = time.perf_counter()
    for pattern, _repl, _gate in ROWS:
        re.search(pattern, hostile, re.IGNORECASE)
    assert len(hostile) > 20_000 and time.perf_counter() - start < 0.5
