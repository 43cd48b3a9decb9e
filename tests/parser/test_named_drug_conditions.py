"""A conditional line whose condition names a drug or an allergy to one asks its requirement of
those patients only (rules_engine.parser.named_conditions_scope), and a number a time unit follows
is no laboratory value (rules_engine.parser.topics.duration_values)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import TrialCriteria, iter_predicates
from rules_engine.outcome import Eligibility
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.topics.duration_values import is_duration
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult, lab

LINES = [
    "If previously treated with lenalidomide or bortezomib, the subject must not have progressed during the first 3 months of treatment",
    "If allergic to penicillin or cephalosporin, must be able to take co-trimoxazole",
    "For patients receiving bicalutamide or nilutamide, at least 1 of the PSA values must be obtained 6 weeks or more after antiandrogen discontinuation",
]


@pytest.mark.parametrize("text", LINES)
def test_a_patient_without_the_drug_meets_the_line(text: str) -> None:
    outcome = evaluate_reference(TrialCriteria("NCT00000097", 1, parse_lines([("inclusion", text)])), adult(), AS_OF)
    assert outcome.eligibility is Eligibility.ELIGIBLE


@pytest.mark.parametrize("text", LINES)
def test_the_drug_is_never_asked_of_every_patient(text: str) -> None:
    assert repr(parse_line(text, "inclusion").expr).startswith("Any_(parts=(Not(")


@pytest.mark.parametrize("text, concept", [
    ("at least 1 of the PSA values must be obtained 6 weeks or more after antiandrogen discontinuation", "psa"),
    ("Must have maintained a stable INR on a stable dose of warfarin for at least 4 weeks prior to start of treatment.", "inr"),
])
def test_a_duration_is_no_lab_bound(text: str, concept: str) -> None:
    assert concept not in {p.concept for p in iter_predicates(parse_line(text, "inclusion").expr)}
    outcome = evaluate_reference(TrialCriteria("NCT00000097", 1, parse_lines([("inclusion", text)])), adult(lab(concept, 1.0)), AS_OF)
    assert outcome.eligibility is not Eligibility.INELIGIBLE


@pytest.mark.parametrize("text, bound", [("PSA >= 4 ng/mL", "4"), ("Life expectancy > 12 weeks", "12")])
def test_a_lab_with_its_own_unit_is_still_read(text: str, bound: str) -> None:
    assert bound in repr(parse_line(text, "inclusion").expr)


def test_the_time_unit_check_is_fast_on_hostile_text() -> None:
    text = "6" + " " * 20000 + "weeks"
    start = time.perf_counter()
    is_duration(text, 1)
    assert time.perf_counter() - start < 0.5


def test_a_condition_whose_list_runs_past_its_comma_is_not_narrowed_to_its_first_drug() -> None:
    text = "For patients previously treated with flutamide, nilutamide, or bicalutamide: patients must have discontinued them > 4 weeks prior"
    assert not repr(parse_line(text, "inclusion").expr).startswith("Any_(parts=(Not(Predicate(concept='named_medication', op=<Op.IS: 'is'>, value='flutamide'")
