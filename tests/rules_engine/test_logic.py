"""Combinations, applicability, review, eligibility, score and reasons: both paths."""

from datetime import date

import pytest

from rules_engine.criteria import (
    All,
    Any_,
    Criterion,
    CriterionType,
    Not,
    Op,
    Predicate,
    Review,
    ReviewReason,
    TrialCriteria,
)
from rules_engine.outcome import Eligibility, Outcome
from tests.rules_engine.conftest import both, patient, trial_of

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
P = Predicate
YES = P("lvef", Op.GTE, 50, "%")  # met: LVEF 60
NO = P("ecog", Op.LTE, 0)  # not met: ECOG 1
MAYBE = P("inr", Op.LTE, 1.5)  # unknown: no INR
ASK = Review(ReviewReason.JUDGEMENT, "investigator's judgement")
FACTS = patient({"lvef": (60, "%"), "ecog": (1,)}, sex="male")

KLEENE = [
    ("all met", All((YES, YES)), MET, False),
    ("all with one not met", All((YES, NO)), NOT_MET, False),
    ("all: not met beats unknown", All((MAYBE, NO)), NOT_MET, False),
    ("all with an unknown", All((YES, MAYBE)), UNKNOWN, False),
    ("all with a review part", All((YES, ASK)), UNKNOWN, True),
    ("all: not met beats review", All((NO, ASK)), NOT_MET, False),
    ("any with one met", Any_((NO, YES)), MET, False),
    ("any: met beats unknown", Any_((MAYBE, YES)), MET, False),
    ("any none met", Any_((NO, NO)), NOT_MET, False),
    ("any with an unknown", Any_((NO, MAYBE)), UNKNOWN, False),
    # a failed part that only unread text could rescue is an open question, not a line for review
    ("any: a failed part and a review part", Any_((NO, ASK)), UNKNOWN, False),
    ("all: a missing value and a review part", All((MAYBE, ASK)), UNKNOWN, False),
    ("any: a missing value and a review part", Any_((MAYBE, ASK)), UNKNOWN, False),
    ("all: review left open beside a met part", All((YES, Any_((MAYBE, ASK)))), UNKNOWN, False),
    ("all: a review part beside a met part", All((YES, Any_((YES, ASK)), ASK)), UNKNOWN, True),
    ("not met", Not(NO), MET, False),
    ("not not met", Not(YES), NOT_MET, False),
    ("not unknown", Not(MAYBE), UNKNOWN, False),
    ("nested", All((Any_((NO, YES)), Not(NO))), MET, False),
    ("review only", ASK, UNKNOWN, True),
]


@pytest.mark.parametrize("expr,outcome,review", [r[1:] for r in KLEENE], ids=[r[0] for r in KLEENE])
def test_three_valued_logic(expr, outcome, review):
    reference, _ = both(trial_of(expr), FACTS)
    assert (reference.criteria[0].outcome, reference.criteria[0].review) == (outcome, review)


APPLIES = [
    # applies_if, kind, outcome
    ("inclusion that does not apply is met", P("sex", Op.IS, "female"), CriterionType.INCLUSION, MET),
    ("exclusion that does not apply is not met", P("sex", Op.IS, "female"), CriterionType.EXCLUSION, NOT_MET),
    ("inclusion that applies is judged", P("sex", Op.IS, "male"), CriterionType.INCLUSION, NOT_MET),
    ("exclusion that may apply stays unknown", P("inr", Op.LTE, 1), CriterionType.EXCLUSION, UNKNOWN),
]


@pytest.mark.parametrize("applies,kind,outcome", [r[1:] for r in APPLIES], ids=[r[0] for r in APPLIES])
def test_applies_if(applies, kind, outcome):
    expr = NO if kind is CriterionType.INCLUSION else P("lvef", Op.GTE, 50, "%")
    reference, _ = both(trial_of(expr, kind, applies), FACTS)
    assert reference.criteria[0].outcome is outcome


def test_not_applicable_says_so():
    reference, _ = both(trial_of(NO, applies_if=P("sex", Op.IS, "female")), FACTS)
    assert reference.criteria[0].reason.startswith("not applicable: sex male")


def _trial(*criteria):
    return TrialCriteria("E", 1, tuple(Criterion(kind, "c", expr) for kind, expr in criteria))


I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION  # noqa: E741  (the tables read as I and E)
ELIGIBILITY = [
    ("everything decided in favour", [(I, YES), (E, NO)], Eligibility.ELIGIBLE, 1.0),
    ("a review criterion does not stop eligible", [(I, YES), (I, ASK)], Eligibility.ELIGIBLE, 1.0),
    ("an unknown makes possibly eligible", [(I, YES), (I, MAYBE)], Eligibility.POSSIBLY_ELIGIBLE, 0.75),
    ("a failed inclusion makes ineligible", [(I, NO), (I, YES)], Eligibility.INELIGIBLE, 0.5),
    ("a met exclusion makes ineligible", [(E, YES), (I, YES)], Eligibility.INELIGIBLE, 0.5),
    ("only review criteria", [(I, ASK)], Eligibility.ELIGIBLE, 0.5),
]


@pytest.mark.parametrize("criteria,eligibility,score", [r[1:] for r in ELIGIBILITY], ids=[r[0] for r in ELIGIBILITY])
def test_eligibility_and_score(criteria, eligibility, score):
    reference, _ = both(_trial(*criteria), FACTS)
    assert (reference.eligibility, reference.score) == (eligibility, score)


REASONS = [
    (
        "ULN multiple quotes value, date, lab ULN and limit",
        P("bilirubin", Op.LTE, 1.5, uln=True),
        patient({"bilirubin": (2.0, "mg/dL", date(2026, 11, 20), 1.2)}),
        "total bilirubin 2.0 mg/dL (2026-11-20) > 1.5 × lab ULN 1.2 = 1.8 mg/dL",
    ),
    (
        "default ULN is named as such",
        P("bilirubin", Op.LTE, 1.5, uln=True),
        patient({"bilirubin": (1.0, "mg/dL", date(2026, 11, 20))}),
        "total bilirubin 1.0 mg/dL (2026-11-20) ≤ 1.5 × Eligo's default ULN 1.2 = 1.8 mg/dL",
    ),
    (
        "range",
        P("ecog", Op.BETWEEN, (0, 3)),
        patient({"ecog": (1, None, date(2026, 11, 2))}),
        "ECOG performance status 1 (2026-11-02) is within 0-3",
    ),
    (
        "conversion of units is shown",
        P("platelets", Op.GTE, 50, "10*9/L"),
        patient({"platelets": (15, "10*3/uL", date(2026, 11, 20))}),
        "platelets 15 10*3/uL (2026-11-20) = 15 10*9/L < 50 10*9/L",
    ),
    (
        "performance conversion is quoted",
        P("ecog", Op.LTE, 2),
        patient({"karnofsky": (80, "%", date(2026, 11, 20))}),
        "ECOG performance status 1 (converted from Karnofsky performance status 80, 2026-11-20) ≤ 2",
    ),
    ("missing measurement", P("lvef", Op.GTE, 50, "%"), patient(), "no left ventricular ejection fraction on record"),
    ("absent event", P("hiv", Op.PRESENT), patient(), "no record of HIV infection"),
    (
        "derived event quotes its chain",
        P("acute_leukemia", Op.PRESENT),
        patient(events={"b_all": date(2026, 10, 23)}),
        "B-cell ALL recorded (2026-10-23) → acute lymphoblastic leukemia (ALL) → acute leukemia",
    ),
    (
        "inconvertible unit says why",
        P("bilirubin", Op.LTE, 1.5, "mg/dL"),
        patient({"bilirubin": (1.0, "U/L", date(2026, 11, 20))}),
        "total bilirubin 1.0 U/L (2026-11-20) cannot be compared: cannot convert U/L to mg/dL for bilirubin",
    ),
]


@pytest.mark.parametrize("pred,facts,reason", [r[1:] for r in REASONS], ids=[r[0] for r in REASONS])
def test_reasons(pred, facts, reason):
    reference, _ = both(trial_of(pred), facts)
    assert reference.criteria[0].reason == reason


def test_review_reason_names_the_kind_of_review():
    reference, _ = both(trial_of(Review(ReviewReason.CONSENT, "informed consent")), FACTS)
    assert reference.criteria[0].reason == "needs review (consent or willingness): informed consent"
