"""Lines that ask something of the patients taking a drug ("Patients taking NSAIDs must be able to
discontinue use 2 days prior ...", "Patients receiving therapeutic anticoagulation should be
switched to LMWH"; 6 corpus lines).

- A patient not taking the drug is not asked: the inclusion holds for him.
- A patient taking it is asked whether he can stop or switch, which no record says: unknown, never
  failed and never met.
- Read as a plain clause, the drug was asked of every patient ("NSAID-therapy and <review>"), and
  everyone without it failed.
- The drug must be read whole ("Patients taking herbal supplements should discontinue ..." names
  nothing Eligo reads), and an exclusion keeps its reading (at most unknown for the drug's takers).
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.taking_must import drug_condition
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult, medication

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

NSAID = (
    "Patients taking nonsteroidal anti-inflammatory drugs (NSAIDs) must be able to discontinue use 2 days prior, during, "
    "and 2 days after pemetrexed disodium administration (5 days prior for long-life NSAIDs)"
)
BIOPSY = "Patients on anti-coagulation they must be able to safely stop treatment for purposes of tumor biopsy."
SWITCH = "Patients receiving therapeutic anticoagulation should be switched to low molecular weight heparin (LMWH) before the first cycle"


def decide(ctype: CriterionType, line: str, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("NCT00000096", 1, parse_lines([(ctype, line)]))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize(
    "line, facts, expected",
    [
        (NSAID, adult(), MET),
        (NSAID, adult(medication("nsaid_therapy", 5)), UNKNOWN),
        (BIOPSY, adult(), MET),
        (BIOPSY, adult(medication("anticoagulant_therapy", 5)), UNKNOWN),
        (SWITCH, adult(), MET),
        (SWITCH, adult(medication("anticoagulant_therapy", 5)), UNKNOWN),
    ],
    ids=["nsaid-none", "nsaid-taken", "biopsy-none", "biopsy-taken", "switch-none", "switch-taken"],
)
def test_a_drug_takers_line_asks_nothing_of_other_patients(line: str, facts: PatientFacts, expected: Outcome) -> None:
    assert decide(INC, line, facts) is expected


@pytest.mark.parametrize(
    "ctype, line",
    [
        (INC, "Patients taking herbal supplements (St. John's Wort, gingko) should discontinue these supplements two weeks prior"),
        (EXC, NSAID),
        (INC, "Patients must be able to discontinue NSAIDs"),
        (INC, "Patients taking NSAIDs are eligible"),
    ],
    ids=["unread-drug", "exclusion", "no-takers-named", "no-stopping-asked"],
)
def test_other_lines_are_no_drug_takers_line(ctype: CriterionType, line: str) -> None:
    assert drug_condition(line, ctype) is None
