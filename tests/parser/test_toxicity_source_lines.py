"""The therapies a toxicity came from, named in a requirement to have recovered from it ("All
adverse events of any prior chemotherapy, surgery, or radiotherapy, must have resolved to Grade ≤
2", "Complete recovery from prior chemotherapy side effects to < Grade 2"): where the toxicity the
record grades came from, never a therapy asked of the patient (read as alternatives, a patient with
a prior operation met the line whatever his toxicity grade; read as requirements, one never given
chemotherapy failed it). Rows: a registry line, then the records that make it met, not met and
unknown."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.toxicity_sources import toxicity_source_items
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, medication, procedure, score

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

RECOVERED = adult(score("toxicity_grade", 0, days_ago=3))
RECOVERED_UNTREATED = adult(score("toxicity_grade", 1, days_ago=3))
TOXIC_AFTER_SURGERY = adult(procedure("surgery", days_ago=60), score("toxicity_grade", 3, days_ago=3))
TOXIC_AFTER_CHEMOTHERAPY = adult(medication("chemotherapy", days_ago=60), score("toxicity_grade", 3, days_ago=3))

ROWS = [
    ("All adverse events of any prior chemotherapy, surgery, or radiotherapy, must have resolved to Grade ≤ 2", INC,
     (RECOVERED, RECOVERED_UNTREATED), (TOXIC_AFTER_SURGERY, TOXIC_AFTER_CHEMOTHERAPY), ()),
    ("Complete recovery from prior chemotherapy side effects to < Grade 2.", INC,
     (), (TOXIC_AFTER_SURGERY, TOXIC_AFTER_CHEMOTHERAPY), (RECOVERED, RECOVERED_UNTREATED)),
    ("Toxicities of prior chemotherapy or radiotherapy that have not resolved to grade 1 or less", EXC,
     (TOXIC_AFTER_CHEMOTHERAPY, TOXIC_AFTER_SURGERY), (RECOVERED, RECOVERED_UNTREATED), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_the_therapies_a_toxicity_came_from_ask_no_therapy(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_hostile_toxicity_source_is_read_quickly() -> None:
    text = "adverse events of any prior " + "chemotherapy, " * 1500 + "x" * 2000
    started = time.perf_counter()
    toxicity_source_items(text[:20000] + " must have resolved to grade 1")
    toxicity_source_items("recovery from prior " + "a " * 10000 + "grade")
    assert time.perf_counter() - started < 1.0
