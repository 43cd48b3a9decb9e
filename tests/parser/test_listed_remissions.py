"""A remission's ordinal under a heading that asks for one of the lines below it is the record's
relapse count alone (parser.listed_remissions): those lines are alternatives already, so a patient
whose relapses give another ordinal fails that line and is decided by the others. A line of its own
keeps the person's reading beside the count (test_remission_order_lines)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult, condition

I = CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

CR1 = adult(condition("aml", 300), condition("remission", 300, diagnosis="aml"))
CR2 = adult(condition("aml", 600), condition("remission", 600, diagnosis="aml"), condition("relapsed", 200, active=False, diagnosis="aml"))
CR3 = adult(condition("aml", 900), condition("remission", 900, diagnosis="aml"), condition("relapsed", 500, active=False, diagnosis="aml"),
            condition("relapsed", 200, active=False, diagnosis="aml"))
NHL_CR1 = adult(condition("nhl", 300), condition("remission", 300, diagnosis="nhl"))
NHL_CR2 = adult(condition("nhl", 600), condition("remission", 600, diagnosis="nhl"), condition("relapsed", 200, active=False, diagnosis="nhl"))

CATEGORIES = [
    "Subjects must have one of the following disease categories:",
    "Acute myeloid leukemia (AML) beyond 2nd remission or relapsed/refractory disease",
    "Non-Hodgkin's lymphoma (NHL) in first remission",
]
ANY_CRITERIA = ["Meets any of the following criteria:", "Failed to achieve remission", "In second or subsequent remission"]
ALL_CRITERIA = ["Patients must meet the following:", "Acute myeloid leukemia (AML) beyond 2nd remission or relapsed/refractory disease"]


def outcomes(lines: list[str], facts: PatientFacts) -> list[Outcome]:
    rows = [(I, lines[0], None), *((I, line, 0) for line in lines[1:])]
    trial = TrialCriteria("NCT00000097", 1, parse_lines(rows))
    return [c.outcome for c in evaluate_reference(trial, facts, AS_OF).criteria]


@pytest.mark.parametrize(
    ("lines", "facts", "expected"),
    [
        # (heading, then each line under it)
        (CATEGORIES, CR1, [NOT_MET, NOT_MET, NOT_MET]),  # an AML in first remission: neither category
        (CATEGORIES, CR2, [NOT_MET, NOT_MET, NOT_MET]),  # second remission: not beyond it
        (CATEGORIES, CR3, [MET, MET, NOT_MET]),
        (CATEGORIES, NHL_CR1, [MET, NOT_MET, MET]),
        (CATEGORIES, NHL_CR2, [NOT_MET, NOT_MET, NOT_MET]),
        (ANY_CRITERIA, CR1, [NOT_MET, NOT_MET, NOT_MET]),
        (ANY_CRITERIA, CR2, [MET, NOT_MET, MET]),
        # a heading that asks all its lines: the person's reading stays beside the count
        (ALL_CRITERIA, CR1, [UNKNOWN, UNKNOWN]),
    ],
)
def test_a_listed_remission_is_the_relapse_count(lines: list[str], facts: PatientFacts, expected: list[Outcome]) -> None:
    assert outcomes(lines, facts) == expected
