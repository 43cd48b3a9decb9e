"""Movement disorders named as a comorbidity ("History of seizures, movement disorders or
cerebrovascular accident within the past 3 years"; ``topics/movement_disorders.py``): none of the
central nervous system's disorders on record is none; Parkinson's disease is one; another CNS
disorder may or may not be the one the line means (a person's)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.movement_disorders import movement_disorder_items
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
PARKINSON = adult(condition("parkinson_disease", 900))
DEMENTIA = adult(condition("dementia", 900))  # another CNS disorder

ROWS = [
    ("History of seizures, movement disorders or cerebrovascular accident within the past 3 years prior to cycle 1 day 1", EXC,
     [PARKINSON], [CLEAN], [DEMENTIA]),
    ("No movement disorder", INC, [CLEAN], [PARKINSON], [DEMENTIA]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_movement_disorder_is_read_from_the_nervous_system_disorders_on_record(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_an_inclusion_that_names_a_movement_disorder_otherwise_is_not_read_as_a_requirement() -> None:
    assert movement_disorder_items("Patients with movement disorders are eligible if stable", INC) == []


def test_the_movement_disorder_pattern_reads_hostile_text_quickly() -> None:
    text = ("movement " * 3000 + "disorders")[:20_000]
    started = time.perf_counter()
    movement_disorder_items(text, EXC)
    assert time.perf_counter() - started < 1.0
