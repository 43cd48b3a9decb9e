"""A top-level inclusion that defines a term another line asks ("Intolerance to TKI therapy will be
defined as 1 of the following:" beside "has failed, demonstrated intolerance, or a combination of
both, to prior treatments"): its list meets it, and otherwise the line that uses the term decides.
Read as a requirement of its own, every patient who came in by failure, with no toxicity, failed
it. An exclusion so headed excludes by its list, as before."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.criteria import _TERM_DEFINED_LEAD
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult, score

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
KIDS = ["grade 3 to 4 nonhematologic toxicity", "grade 4 hematologic toxicity"]
TOXIC, CLEAN = adult(score("toxicity_grade", 4, days_ago=3)), adult(score("toxicity_grade", 0, days_ago=3))


def decide(heading: str, facts: PatientFacts, kind: str = "inclusion") -> Outcome:
    rows = [(kind, heading, None), *((kind, kid, 0) for kid in KIDS)]
    trial = TrialCriteria("NCT00000098", 1, parse_lines(rows))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


CASES = [
    ("Intolerance to TKI therapy will be defined as 1 of the following:", TOXIC, MET),
    ("Intolerance to TKI therapy will be defined as 1 of the following:", CLEAN, UNKNOWN),
    ("Intolerance is defined as any of the following criteria:", CLEAN, UNKNOWN),
    ("Significant toxicity will be defined as 1 of the following:", TOXIC, MET),
]


@pytest.mark.parametrize(("heading", "facts", "expected"), CASES)
def test_a_defined_term_is_a_way_in_never_a_requirement(heading: str, facts: PatientFacts, expected: Outcome) -> None:
    assert decide(heading, facts) is expected


def test_an_exclusion_so_headed_still_excludes_by_its_list_alone() -> None:
    heading = "Significant toxicity will be defined as 1 of the following:"
    assert decide(heading, TOXIC, "exclusion") is MET


def test_a_hostile_definition_lead_is_read_quickly() -> None:
    started = time.perf_counter()
    _TERM_DEFINED_LEAD.search("x " * 10000 + " is defined as the following")
    _TERM_DEFINED_LEAD.search("a" * 20000 + " will be defined as one of the following:")
    assert time.perf_counter() - started < 0.5
