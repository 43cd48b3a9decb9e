"""A scope that names the patients one alternative leaves out ("creatinine < 2.5 mg/dl or a
creatinine clearance > 30 mL/min (measured or estimated by the Cockroft formula) for patients
with creatinine levels above 2.5 mg/dl"; NCT00456989).

- The scope asks nothing the "or" does not: the line is the two alternatives. Read as a third
  alternative ("creatinine > 2.5"), every patient met the line behind one review.
- A scope above another bound than the alternative's keeps the clearance asked of those patients
  only (never a way round the creatinine bound).
- "by the Cockroft formula" says how the clearance is got, as "Cockcroft-Gault" does.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult, crcl, creatinine

INC = CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

RENAL = (
    "Patients must have adequate renal function as defined by a creatinine < 2.5 mg/dl or a creatinine clearance > 30 mL/min "
    "(measured or estimated by the Cockroft formula) for patients with creatinine levels above 2.5 mg/dl"
)
OTHER_BOUND = "Creatinine < 1.5 mg/dL or creatinine clearance > 60 mL/min for patients with creatinine above 2.0 mg/dL"


def decide(line: str, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("NCT00000095", 1, parse_lines([(INC, line)]))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize(
    "line, facts, expected",
    [
        (RENAL, adult(creatinine(1.0)), MET),
        (RENAL, adult(creatinine(3.0), crcl(40)), MET),
        (RENAL, adult(creatinine(3.0), crcl(20)), NOT_MET),
        (RENAL, adult(creatinine(3.0)), UNKNOWN),
        (OTHER_BOUND, adult(creatinine(1.7), crcl(20)), NOT_MET),
        (OTHER_BOUND, adult(creatinine(1.0)), MET),
    ],
    ids=["creatinine-low", "clearance-met", "both-failed", "clearance-missing", "other-bound-failed", "other-bound-met"],
)
def test_a_scope_naming_whom_an_alternative_leaves_out_asks_nothing_more(line: str, facts: PatientFacts, expected: Outcome) -> None:
    assert decide(line, facts) is expected
