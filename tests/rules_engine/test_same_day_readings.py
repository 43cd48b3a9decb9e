"""The most recent observation counts (contract section 4); two of one day that disagree, with no
time to order them, leave none of them the latest. Read as whichever the bundle listed first, a
blood pressure of 128 beside one of 165 on the same day cleared "systolic > 140 mmHg" (the
holdout's T183-hypertension, answered eligible). Both evaluators, each checked (``judged``)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import Criterion, CriterionType, Op, Predicate, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged
from tests.fixtures.records import AS_OF, adult, lab

SYSTOLIC = Criterion(CriterionType.EXCLUSION, "Systolic blood pressure > 140 mmHg", Predicate("systolic_bp", Op.GT, 140, "mm[Hg]"))


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (adult(lab("systolic_bp", 128, "mm[Hg]"), lab("systolic_bp", 165, "mm[Hg]")), Outcome.UNKNOWN),
        (adult(lab("systolic_bp", 165, "mm[Hg]"), lab("systolic_bp", 128, "mm[Hg]")), Outcome.UNKNOWN),
        (adult(lab("systolic_bp", 150, "mm[Hg]"), lab("systolic_bp", 150, "mm[Hg]")), Outcome.MET),  # the same reading twice
        (adult(lab("systolic_bp", 128, "mm[Hg]", days_ago=1), lab("systolic_bp", 165, "mm[Hg]", days_ago=3)), Outcome.NOT_MET),
        (adult(lab("systolic_bp", 165, "mm[Hg]", days_ago=1), lab("systolic_bp", 128, "mm[Hg]", days_ago=3)), Outcome.MET),
        (adult(lab("systolic_bp", 128, "mm[Hg]")), Outcome.NOT_MET),
    ],
    ids=["same-day-low-first", "same-day-high-first", "same-day-equal", "latest-low", "latest-high", "one-reading"],
)
def test_same_day_readings_that_disagree_decide_nothing(facts: PatientFacts, expected: Outcome) -> None:
    assert judged(SYSTOLIC, facts) is expected


def test_the_reason_says_the_days_readings_disagree() -> None:
    facts = adult(lab("systolic_bp", 128, "mm[Hg]"), lab("systolic_bp", 165, "mm[Hg]"))
    reason = evaluate_reference(TrialCriteria("t", 1, (SYSTOLIC,)), facts, AS_OF).criteria[0].reason
    assert "disagree (128, 165)" in reason
