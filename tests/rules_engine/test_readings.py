"""A line left open only by its unread text holds back an eligible verdict when the record has
already ruled the patient out and only that text could undo it (``rules_engine/readings.py``);
a line whose unread text is just one more condition does not. Both paths, and the trial plan."""

from __future__ import annotations

import pytest

from rules_engine.criteria import All, Any_, CriterionType, Not, Op, Predicate, Review, ReviewReason
from rules_engine.outcome import Eligibility, Outcome
from rules_engine.plan import TrialPlan
from rules_engine.snapshot import snapshot
from tests.rules_engine.conftest import AS_OF, both, patient, trial_of

P = Predicate
INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
AST_OK = P("ast", Op.LTE, 3, uln=True)  # not met: AST at 3.75 x ULN
QTC_HIGH = P("qtc", Op.GT, 480, "ms")  # met: QTc 500
ECOG_OK = P("ecog", Op.LTE, 1)  # met: ECOG 1
AML = P("aml", Op.PRESENT)  # met
APL = P("apl", Op.PRESENT)  # not met: none on record
TEXT = Review(ReviewReason.UNPARSED, "unless thought due to AML")
FACTS = patient(
    {"ast": (150, "U/L", AS_OF, 40), "qtc": (500, "ms"), "ecog": (1,)}, {"aml": AS_OF.replace(year=2025)}, sex="male"
)

CASES = [
    # name, side, expression, the line holds back an eligible verdict (review false)
    ("inclusion: the text is the only alternative to a failed limit", INC, Any_((AST_OK, TEXT)), True),
    ("inclusion: an alternative that also needs the text", INC, Any_((AST_OK, All((AML, TEXT)))), True),
    ("inclusion: the text is a further condition of a met part", INC, All((ECOG_OK, TEXT)), False),
    ("inclusion: a met part and an open alternative within it", INC, All((ECOG_OK, Any_((APL, TEXT)))), True),
    ("exclusion: an unread exception to a met limit", EXC, All((QTC_HIGH, Not(TEXT))), True),
    ("exclusion: unread text is a further condition", EXC, All((AML, TEXT)), False),
    ("exclusion: unread text is an alternative cause", EXC, Any_((APL, TEXT)), False),
    ("wholly unread", INC, TEXT, False),
]


@pytest.mark.parametrize("side,expr,holds", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_line_open_only_by_unread_text_holds_the_verdict_when_the_record_ruled_the_patient_out(side, expr, holds):
    reference, _ = both(trial_of(expr, side), FACTS)
    line = reference.criteria[0]
    assert line.outcome is Outcome.UNKNOWN
    assert line.review is not holds
    assert reference.eligibility is (Eligibility.POSSIBLY_ELIGIBLE if holds else Eligibility.ELIGIBLE)


@pytest.mark.parametrize("side,expr", [c[1:3] for c in CASES], ids=[c[0] for c in CASES])
def test_the_trial_plan_reads_the_line_as_assemble_does(side, expr):
    trial = trial_of(expr, side)
    reference, _ = both(trial, FACTS)
    plan = TrialPlan(trial)
    assert plan.outcome(plan.start(snapshot(FACTS, AS_OF))) == reference


def test_the_reason_quotes_the_failed_value_before_the_unread_text():
    reference, _ = both(trial_of(Any_((AST_OK, TEXT))), FACTS)
    reason = reference.criteria[0].reason
    assert reason.index("AST") < reason.index("unless thought due to AML")
