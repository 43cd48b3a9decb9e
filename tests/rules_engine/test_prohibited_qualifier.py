"""An inclusion that prohibits what the record holds, qualified by words Eligo cannot read ("No
symptomatic CNS involvement" with a CNS leukaemia on record), is an open question about this
patient: unknown without the review flag, so never eligible (holdout T125-cns was). Both
evaluators agree (the trial plan reads ``readings.absent`` too)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.outcome import Eligibility, Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult, condition

INC = CriterionType.INCLUSION
HEADED = [(INC, "DISEASE CHARACTERISTICS:", None), (INC, "Relapsed AML", 0), (INC, "No symptomatic CNS involvement", 0)]
ALONE = [(INC, "Relapsed AML", None), (INC, "No symptomatic CNS involvement", None)]


@pytest.mark.parametrize("rows", [HEADED, ALONE], ids=["under a heading", "a line of its own"])
def test_a_prohibited_thing_on_record_with_an_unread_qualifier_leaves_the_patient_possibly_eligible(rows) -> None:
    facts = adult(condition("aml", 200), condition("relapsed", 30), condition("cns_involvement", 30))
    result = evaluate_reference(TrialCriteria("NCT00000021", 1, parse_lines(rows)), facts, AS_OF)
    line = result.criteria[-1 if rows is ALONE else 0]
    assert (line.outcome, line.review) == (Outcome.UNKNOWN, False)
    assert result.eligibility is Eligibility.POSSIBLY_ELIGIBLE


def test_without_it_on_record_the_prohibition_is_met() -> None:
    facts = adult(condition("aml", 200), condition("relapsed", 30))
    result = evaluate_reference(TrialCriteria("NCT00000021", 1, parse_lines(ALONE)), facts, AS_OF)
    assert result.criteria[-1].outcome is Outcome.MET
