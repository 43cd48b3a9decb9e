"""A line that states there is no requirement ("Not specified", "No restrictions", "See Disease
Characteristics" under a label of the registry's older PDQ layout) asks nothing: it never fails
an inclusion, never triggers an exclusion, needs no review, and says so in its reason. Read as a
review it left every such trial possibly eligible at best."""

from __future__ import annotations

from datetime import date

import pytest

from rules_engine.criteria import (
    All,
    Any_,
    Criterion,
    CriterionType,
    NoRequirement,
    Not,
    Op,
    Predicate,
    TrialCriteria,
    criterion_from_json,
)
from rules_engine.gates import gates_of, judge_gates
from rules_engine.outcome import Eligibility, Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.line import parse_line
from rules_engine.rule_language import parse, render
from tests.rules_engine.conftest import AS_OF, both, patient

INCLUSION, EXCLUSION = CriterionType.INCLUSION, CriterionType.EXCLUSION
AGE_18 = Predicate("age", Op.GTE, 18, "a")
CHILD = patient(birth=date(2015, 1, 1))


@pytest.mark.parametrize(
    "text",
    [
        "Not specified",
        "not specified.",
        "Unspecified",
        "No restrictions",
        "No restriction",
        "No limitations",
        "See Disease Characteristics",
        "See Patient Characteristics",
        "See Chemotherapy",
        "- Not specified",
    ],
)
def test_a_line_stating_no_requirement_is_read_as_none(text):
    assert parse_line(text, INCLUSION).expr == NoRequirement()


@pytest.mark.parametrize(
    "text",
    [
        "Not specified otherwise",  # more words: another reading, or review, never "nothing asked"
        "See protocol for restrictions",
        "No restrictions on prior chemotherapy except anthracyclines",
    ],
)
def test_a_line_that_says_more_is_not_read_as_no_requirement(text):
    assert parse_line(text, INCLUSION).expr != NoRequirement()


def test_an_exclusion_stating_no_requirement_never_holds():
    assert parse_line("Not specified", EXCLUSION).expr == Not(NoRequirement())


@pytest.mark.parametrize("kind", [INCLUSION, EXCLUSION])
def test_a_trial_of_such_a_line_is_eligible_on_both_paths(kind):
    trial = TrialCriteria("T", 1, (parse_line("Not specified", kind),))
    reference, _ = both(trial, patient())
    assert (reference.eligibility, reference.criteria[0].review) == (Eligibility.ELIGIBLE, False)
    assert reference.criteria[0].outcome is (Outcome.MET if kind is INCLUSION else Outcome.NOT_MET)
    assert reference.criteria[0].reason.startswith("no requirement")


def test_a_label_whose_only_line_states_none_holds_and_its_siblings_still_decide():
    """PDQ: "Hematopoietic: Not specified" beside "Age: 18 and over" (an adult of 56)."""
    lines = [
        (INCLUSION, "PATIENT CHARACTERISTICS:", None),
        (INCLUSION, "Age:", 0),
        (INCLUSION, "18 and over", 1),
        (INCLUSION, "Hematopoietic:", 0),
        (INCLUSION, "Not specified", 3),
    ]
    trial = TrialCriteria("T", 1, tuple(parse_lines(lines)))
    assert both(trial, patient())[0].eligibility is Eligibility.ELIGIBLE
    assert both(trial, CHILD)[0].eligibility is Eligibility.INELIGIBLE


@pytest.mark.parametrize(
    "expr",
    [NoRequirement(), Not(NoRequirement()), All((NoRequirement(), AGE_18)), Any_((AGE_18, NoRequirement()))],
)
def test_the_rule_language_and_the_stored_form_keep_it(expr):
    assert parse(render(expr)) == expr
    assert criterion_from_json(Criterion(INCLUSION, "x", expr).to_json()).expr == expr


def test_a_line_asking_nothing_has_no_gate():
    assert gates_of(TrialCriteria("T", 1, (Criterion(INCLUSION, "Not specified", NoRequirement()),))) == ()


def test_beside_a_requirement_it_leaves_that_requirement_gating():
    trial = TrialCriteria("T", 1, (Criterion(INCLUSION, "Age: 18 and over; not specified", All((NoRequirement(), AGE_18))),))
    assert judge_gates(trial, CHILD, AS_OF) is not None
    assert judge_gates(trial, patient(), AS_OF) is None
