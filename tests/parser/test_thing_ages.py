"""An age written after a sample, a scan or an operation is that thing's age, never the patient's
("tumor archival material (< 6 months old)"; rules_engine.parser.topics.thing_ages)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import iter_predicates
from rules_engine.parser import parse_line
from rules_engine.parser.topics.thing_ages import thing_age


@pytest.mark.parametrize("text, ctype", [
    ("For other expansion cohorts, availability of either tumor archival material (< 6 months old) or fresh biopsies is acceptable", "inclusion"),
    ("Have IHC evidence of phospho-MET expression on tumor material no more than 12 months old.", "inclusion"),
    ("History of gastrointestinal surgery (except uncomplicated appendectomy, of at least three months old).", "exclusion"),
])
def test_a_things_age_is_no_age_bound(text: str, ctype: str) -> None:
    assert not [p for p in iter_predicates(parse_line(text, ctype).expr) if p.concept == "age"]


@pytest.mark.parametrize("text", [
    "Patients >= 18 years old",
    "Age 6 months to 21 years old",
    "Children > 3 months old with a biopsy-proven tumor",
    "Tumor biopsy required; patients must be ≥ 18 years old",
])
def test_a_patients_age_is_still_read(text: str) -> None:
    assert [p for p in iter_predicates(parse_line(text, "inclusion").expr) if p.concept == "age"]


def test_the_thing_pattern_is_fast_on_hostile_text() -> None:
    text = "material " * 2000 + "(< 6 months old)"
    start = time.perf_counter()
    thing_age(text, len(text) - 15, len(text) - 1)
    assert time.perf_counter() - start < 0.5
