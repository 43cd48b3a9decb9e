"""What a positive serology says about the infection it tests for, on both evaluation paths.

An HIV antibody (or antigen/antibody screen) outlives nothing: positive, it is the infection. An
HCV antibody outlives a cured infection: positive, it shows exposure, past or present, which
leaves "hepatitis C" open (unknown) until the RNA or a diagnosis says. Read as nothing, an
exclusion of "known HIV, hepatitis B or hepatitis C infections" let through a patient whose
record held a positive HCV antibody (holdout T75-hcv, across 30 corpus lines)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import Any_, CriterionType, Op, Predicate
from rules_engine.outcome import Outcome
from tests.fixtures.records import condition, record, result
from tests.rules_engine.conftest import both, decide, trial_of

HCV = Predicate("hcv", Op.PRESENT)
HIV = Predicate("hiv", Op.PRESENT)
NO_HCV = Predicate("hcv", Op.ABSENT)


@pytest.mark.parametrize(
    ("pred", "facts", "expected"),
    [
        (HCV, record(result("hcv_antibody", "positive")), Outcome.UNKNOWN),  # exposure: maybe cured
        (NO_HCV, record(result("hcv_antibody", "positive")), Outcome.UNKNOWN),
        (HCV, record(result("hcv_antibody", "negative")), Outcome.NOT_MET),
        (HCV, record(result("hcv_antibody", "positive"), result("hcv_rna", "positive")), Outcome.MET),
        (HCV, record(result("hcv_antibody", "positive"), condition("hcv")), Outcome.MET),
        (HCV, record(), Outcome.NOT_MET),  # nothing on record: absent, as the contract reads it
        (HIV, record(result("hiv_antibody", "positive")), Outcome.MET),
        (HIV, record(result("hiv_antibody", "negative")), Outcome.NOT_MET),
    ],
    ids=["hcv-ab", "no-hcv-ab", "hcv-ab-negative", "hcv-ab-and-rna", "hcv-ab-and-diagnosis", "nothing", "hiv-ab", "hiv-ab-negative"],
)
def test_a_serology_decides_its_infection_as_far_as_it_can(pred, facts, expected):
    assert decide(pred, facts).outcome is expected


def test_an_exclusion_of_hepatitis_c_is_open_for_a_positive_antibody_never_passed():
    line = trial_of(Any_((HIV, Predicate("hbv", Op.PRESENT), HCV)), CriterionType.EXCLUSION)
    reference, _ = both(line, record(result("hcv_antibody", "positive")))
    assert reference.criteria[0].outcome is Outcome.UNKNOWN
    assert str(reference.eligibility) != "eligible"


def test_the_reason_says_the_antibody_may_be_hepatitis_c():
    reason = decide(HCV, record(result("hcv_antibody", "positive"))).reason
    assert "HCV antibody" in reason and "may be hepatitis C infection" in reason
