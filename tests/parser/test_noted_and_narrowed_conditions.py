"""A line written for some patients asks nothing of the others (rules_engine.parser.conditional),
also when a note's label opens it, when the patients are named by a name the catalogue reads as
two kinds ("lymphoplasmacytic lymphoma": it or Waldenström's), and when an absence after the
names narrows whom they are ("... without measurable lymphadenopathy"). Read as plain clauses,
each asked every patient for the disease, and a heading over the line failed every patient."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import TrialCriteria
from rules_engine.outcome import Eligibility
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult

LINES = [
    "For patients with lymphoplasmacytic lymphoma, measurable disease is required",
    "NOTE: For patients with lymphoplasmacytic lymphoma, measurable disease is required",
    "NOTE: **For patients with lymphoplasmacytic lymphoma without measurable lymphadenopathy, measurable disease may be defined by "
    "bone marrow lymphoplasmacytosis with > 10% lymphoplasmacytic cells",
]


@pytest.mark.parametrize("text", LINES)
def test_a_patient_without_the_disease_is_not_failed_by_the_inclusion(text: str) -> None:
    outcome = evaluate_reference(TrialCriteria("NCT00000098", 1, parse_lines([("inclusion", text)])), adult(), AS_OF)
    assert outcome.eligibility is not Eligibility.INELIGIBLE


@pytest.mark.parametrize("text", LINES[:2])
def test_a_read_requirement_is_asked_of_the_named_patients_only(text: str) -> None:
    assert repr(parse_line(text, "inclusion").expr).startswith("Any_(parts=(Not(")


def test_an_absence_before_the_names_is_still_no_condition_read_here() -> None:
    text = "For patients without CNS disease, platelets >= 50,000/uL"
    assert not repr(parse_line(text, "inclusion").expr).startswith("Any_(parts=(Not(")


def test_a_long_note_label_is_read_fast() -> None:
    text = "NOTE" + ": *" * 7000 + "For patients with AML, platelets >= 50,000/uL"
    start = time.perf_counter()
    parse_line(text[:20000], "inclusion")
    assert time.perf_counter() - start < 1.0


NARROWED = "For patients with AML without CNS disease, platelets >= 50,000/uL"


def test_a_patient_without_the_named_disease_meets_a_narrowed_inclusion() -> None:
    outcome = evaluate_reference(TrialCriteria("NCT00000098", 1, parse_lines([("inclusion", NARROWED)])), adult(), AS_OF)
    assert outcome.eligibility is Eligibility.ELIGIBLE


def test_a_narrowed_inclusion_asks_the_named_patients_first() -> None:
    assert repr(parse_line(NARROWED, "inclusion").expr).startswith("Any_(parts=(Not(part=Predicate(concept='aml'")
