"""One reaction named twice ("allergy or hypersensitivity to gemcitabine"): both words are the
hypersensitivity to the products the line names, so an allergy to another drug does not exclude
(the first word read alone was any drug allergy), and the trial's own unnamed drug ("the trial
treatment") stays a person's to weigh, never a product of that name."""

from __future__ import annotations

import time
from datetime import date

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.normalize import normalize
from rules_engine.reference import evaluate_reference

EXC = CriterionType.EXCLUSION
AS_OF = date(2026, 3, 2)


def allergic_to(product: str | None) -> PatientFacts:
    events = {} if product is None else {"drug_hypersensitivity": (Event("drug_hypersensitivity", None, True, {"quote": f"allergy to {product}"}),)}
    return PatientFacts(date(1970, 1, 1), "male", {}, events)


def decide(line: str, facts: PatientFacts) -> Outcome:
    return evaluate_reference(TrialCriteria("NCT00000001", 1, parse_lines([(EXC, line)])), facts, AS_OF).criteria[0].outcome


LINES = [
    "Patient has a history of allergy or hypersensitivity to gemcitabine.",
    "History of hypersensitivity or allergy to gemcitabine",
    "Known allergy and/or hypersensitivity to gemcitabine",
    "Known hypersensitivity/allergic reaction to gemcitabine",
    "History of allergic or hypersensitivity reactions to gemcitabine",
]


@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize("product, expected", [("gemcitabine", Outcome.MET), ("penicillin", Outcome.NOT_MET), (None, Outcome.NOT_MET)])
def test_both_words_are_the_hypersensitivity_to_the_named_products(line: str, product: str | None, expected: Outcome) -> None:
    assert decide(line, allergic_to(product)) is expected


@pytest.mark.parametrize("line", [
    "Known hypersensitivity to the trial treatment",
    "Known hypersensitivity to the study drug",
    "Known hypersensitivity to investigational therapy",
])
def test_the_trials_unnamed_drug_leaves_another_allergy_to_a_person(line: str) -> None:
    assert decide(line, allergic_to("penicillin")) is Outcome.UNKNOWN


@pytest.mark.parametrize("hostile", ["allergy or " * 200, "allergy reactions " * 120, "hypersensitivity / " * 110])
def test_the_rewrite_takes_bounded_time_on_hostile_text(hostile: str) -> None:
    start = time.perf_counter()
    normalize(hostile + "x")  # ~2,000 characters, as long as a long registry line
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
