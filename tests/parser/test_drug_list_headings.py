"""Drugs listed under "No concurrent use of the following drugs ...:" (parser.drug_list_headings;
issue 14, rx5; holdout T271): each name is read with the heading's lead, so a patient on
amiodarone fails the heading; a name the lead leaves unreadable stays a person's.
"""

from __future__ import annotations

import time
from datetime import timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event
from rules_engine.outcome import Outcome
from rules_engine.parser.criteria import parse_lines
from rules_engine.parser.drug_list_headings import _HEADING, drug_list_context
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, Part, healthy

INC = CriterionType.INCLUSION
HEADING = "No concurrent use of the following drugs that may confer risk of torsades de pointes:"


def taking(name: str, days_ago: int = 3) -> Part:
    return Part(event=Event("named_medication", AS_OF - timedelta(days=days_ago), True, {"quote": f"{name} 200 mg tablet", "ongoing": True}))


@pytest.mark.parametrize("facts,expected", [
    (healthy(taking("amiodarone")), Outcome.NOT_MET),
    (healthy(taking("methadone")), Outcome.NOT_MET),
    # every name is read now ("Procainamide" among the torsades lists' names, meds17): a record
    # with none of them taken now meets the heading
    (healthy(), Outcome.MET),
    (healthy(taking("procainamide")), Outcome.NOT_MET),
])
def test_each_drug_under_the_heading_is_asked_as_concurrent_use(facts, expected):
    criteria = parse_lines([(INC, HEADING), (INC, "Amiodarone", 0), (INC, "Methadone", 0), (INC, "Procainamide", 0)])
    assert evaluate_reference(TrialCriteria("NCT00000097", 1, criteria), facts, AS_OF).criteria[0].outcome is expected


@pytest.mark.parametrize("heading,context", [
    (HEADING, "Concurrent use of"),
    ("No concurrent administration of any of the following drugs:", "Concurrent administration of"),
    ("Concurrent use of any of the following agents and therapies:", "Concurrent use of"),
    ("Prior use of the following drugs:", ""),
])
def test_only_a_concurrent_use_heading_lends_its_lead(heading, context):
    assert drug_list_context(heading) == context


def test_an_adversarial_heading_reads_in_50_ms():
    start = time.perf_counter()
    _HEADING.match("no concurrent use of the following " + "word " * 2000 + "drugs")
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
