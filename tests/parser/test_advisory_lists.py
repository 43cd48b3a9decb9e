"""A list the protocol says is no formal criterion ("Although NOT considered formal Exclusion
Criteria, study physicians are strongly encouraged ... to recognize that the following may
increase the risks ...:"): the heading and its items are the physician's to weigh, reviews that
never decide a verdict (rules_engine.parser.advisory)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, Review, ReviewReason, TrialCriteria
from rules_engine.outcome import Eligibility
from rules_engine.parser import parse_lines
from rules_engine.parser.advisory import advisory_rows
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult, ecog

EXC = CriterionType.EXCLUSION
ADVISORY = (
    "Although NOT considered formal Exclusion Criteria, study physicians are strongly encouraged as part of this "
    "decision-making process to recognize that the following may increase the risks to a subject entering this protocol:"
)
ROWS = [(EXC, ADVISORY, None), (EXC, "Performance Status > 2.", 0), (EXC, "Pregnant or nursing women", None)]


def test_the_heading_and_its_items_are_the_physicians_judgement() -> None:
    criteria = parse_lines(ROWS)
    assert [isinstance(c.expr, Review) and c.expr.reason is ReviewReason.JUDGEMENT for c in criteria] == [True, True, False]


def test_an_item_of_the_list_never_makes_the_patient_ineligible() -> None:
    outcome = evaluate_reference(TrialCriteria("NCT00000099", 1, parse_lines(ROWS)), adult(ecog(3)), AS_OF)
    assert outcome.eligibility is not Eligibility.INELIGIBLE


@pytest.mark.parametrize("text, advisory", [
    (ADVISORY, True),
    ("The following are not considered strict exclusion criteria:", True),
    ("Relative contraindications:", True),
    ("The following are exclusion criteria:", False),
    ("Patients with any of the following are not eligible:", False),
    ("Performance status > 2 is not considered an exclusion if due to the leukemia", False),
])
def test_which_headings_say_their_list_is_no_criterion(text: str, advisory: bool) -> None:
    assert (0 in advisory_rows([(EXC, text, None)])) is advisory


def test_the_heading_pattern_takes_bounded_time_on_hostile_text() -> None:
    start = time.perf_counter()
    advisory_rows([(EXC, "not considered " * 25 + "relative " * 20, None)])
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
