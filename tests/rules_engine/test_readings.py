"""A line left open only by its unread text holds back an eligible verdict when the record has
already ruled the patient out and only that text could undo it (``rules_engine/readings.py``):
an unread exception or alternative beside a failed part, and an exclusion whose structured part
the record meets beside an unread qualifier ("untreated CNS leukemia" with CNS involvement on
record: the holdout's T82-cns was answered eligible). An inclusion whose unread text is one more
condition of a met part does not. Both paths, and the trial plan; a property pins it on random
exclusions."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rules_engine.criteria import All, Any_, CriterionType, Not, Op, Predicate, Review, ReviewReason
from rules_engine.outcome import Eligibility, Outcome
from rules_engine.plan import TrialPlan
from rules_engine.readings import erased
from rules_engine.reference import evaluate_reference
from rules_engine.snapshot import snapshot
from tests.fixtures.expressions import expression_trees
from tests.rules_engine.conftest import AS_OF, both, patient, trial_of
from tests.rules_engine.test_agreement import POOL, REVIEW, patients

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
    # "untreated CNS leukemia", "AML with <unread karyotype>": the record holds what the line names
    ("exclusion: unread text qualifies a met part", EXC, All((AML, TEXT)), True),
    ("exclusion: unread qualifier of a met part among unmet alternatives", EXC, Any_((APL, All((AML, TEXT)))), True),
    ("exclusion: unread qualifier beside a met part under a Not", EXC, Not(Any_((Not(AML), TEXT))), True),
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


# -- the property: an exclusion never passes on unread words beside what the record holds --------

exclusions = expression_trees(st.one_of(st.sampled_from(POOL), st.just(REVIEW)), max_leaves=6)


@settings(max_examples=800, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(exclusions, patients())
def test_an_exclusion_whose_structured_reading_applies_never_leaves_the_patient_eligible(expr, facts):
    """When the exclusion's structured parts alone (``erased``) apply to the record, the line is
    never a review: it is met, an open question about this patient (unknown, not review), or
    not met only where a structured part beside the unread text decides so. The trial is never
    eligible through unread words. (A line with no structured part is a review, as ever.)"""
    trial = trial_of(expr, EXC)
    reference, _ = both(trial, facts)
    structured = erased(expr, False)
    if structured is None:
        return
    alone = evaluate_reference(trial_of(structured, EXC, trial_id="T-erased"), facts, AS_OF).criteria[0].outcome
    line = reference.criteria[0]
    if alone is Outcome.MET:
        assert not line.review
        if line.outcome is not Outcome.NOT_MET:
            assert reference.eligibility is not Eligibility.ELIGIBLE
