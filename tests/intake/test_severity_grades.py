"""A CTCAE grade asked of an adverse event ("peripheral neuropathy >= grade 2"), read from the
severity the hospital codes on the Condition: mild is grade 1, moderate grade 2, severe grade 3 or
4 (CTCAE names its grades by those words; a life-threatening event may be charted severe). A grade
the severity does not settle, or a record without one, leaves the line unknown; no record of the
event is no such event. Each row is judged by both evaluators (``decide``)."""

from __future__ import annotations

from typing import Any

import pytest

from rules_engine.concepts import severity_grade_concept
from rules_engine.criteria import Op, Predicate as P
from rules_engine.outcome import Outcome

from intake_helpers import ICD10, SNOMED, condition
from test_coded_concepts import concept, decide, facts

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
MILD, MODERATE, SEVERE = "255604002", "6736007", "24484000"


def neuropathy(severity: str | None = None, clinical: str = "active") -> dict[str, Any]:
    extra = {"severity": concept(None, SNOMED, severity)} if severity else {}
    return condition(ICD10, "G62.0", clinical=clinical, **extra)  # drug-induced polyneuropathy


def at_least(floor: int) -> P:
    return P(severity_grade_concept("peripheral_neuropathy", floor), Op.IS, "positive")


@pytest.mark.parametrize(
    "resources, floor, expected, quoted",
    [
        ([neuropathy(SEVERE)], 2, MET, "CTCAE grade 2 or higher"),
        ([neuropathy(SEVERE)], 3, MET, "CTCAE grade 3 or higher"),
        ([neuropathy(SEVERE)], 4, UNKNOWN, "whether it reaches CTCAE grade 4"),  # severe is 3 or 4
        ([neuropathy(MODERATE)], 2, MET, "CTCAE grade 2 or higher"),
        ([neuropathy(MODERATE)], 3, NOT_MET, "below CTCAE grade 3"),
        ([neuropathy(MILD)], 2, NOT_MET, "below CTCAE grade 2"),
        ([neuropathy()], 2, UNKNOWN, "without a severity"),
        ([neuropathy(SEVERE, clinical="resolved")], 3, MET, "grade 3 or higher"),  # a history of it
        ([neuropathy(MILD), neuropathy(SEVERE)], 3, MET, "grade 3 or higher"),  # any record at the grade
        ([neuropathy(MILD), neuropathy()], 2, UNKNOWN, "without a severity"),
        ([], 2, NOT_MET, "no record of peripheral neuropathy"),
    ],
    ids=["severe-2", "severe-3", "severe-4", "moderate-2", "moderate-3", "mild-2", "unstated", "resolved",
         "mild-and-severe", "mild-and-unstated", "none"],
)
def test_a_grade_floor_is_read_from_the_severity_the_record_codes(resources, floor, expected, quoted):
    result = decide(at_least(floor), facts(*resources))
    assert result.outcome is expected
    assert quoted in result.reason
