"""Which chronic phase of a CML a line asks for ("CML in second or subsequent chronic phase", "CML
in late chronic or accelerated phase or in blast crisis", "CML beyond first chronic phase", "CML
beyond 2nd chronic phase or in blast crises"; the transplant trials' disease lists).

No record numbers the chronic phases, so an ordinal or a stage of the chronic phase is a chronic
phase and a person's reading of which: a record in chronic phase leaves it open, one in
accelerated phase or blast crisis fails it. "Beyond first chronic phase" is met by an accelerated
phase or blast crisis (the first chronic phase lies behind them); beyond a later one any phase may
or may not be, so only the other phases listed beside it decide. Left unread, the ordinal took the
phases listed after it into review ("... or in blast crisis"), and a CML in blast crisis was
undecided for a line that names blast crisis outright.

A CML with its phases inside a list of the trial's diseases ("Patients with AML, ALL, CML in
accelerated phase or blast crisis, and lymphoma") keeps its phases to itself: asked of the whole
list, they failed every patient with another of its diseases.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CHRONIC = adult(condition("cml", 900, phase="chronic"))
ACCELERATED = adult(condition("cml", 900, phase="accelerated"))
BLAST = adult(condition("cml", 900, phase="blast"))
NO_PHASE = adult(condition("cml", 900))
AML = adult(condition("aml", 100))
LYMPHOMA = adult(condition("lymphoma", 100))
CLL = adult(condition("cll", 100))

ROWS = [
    # -- an ordinal or a stage of the chronic phase: a chronic phase, which one a person's
    ("Chronic myeloid leukaemia in second or later chronic phase", I, [], [ACCELERATED, BLAST, AML], [CHRONIC, NO_PHASE]),
    ("CML in accelerated or second chronic phase", I, [ACCELERATED], [BLAST, AML], [CHRONIC, NO_PHASE]),
    ("Chronic myelogenous leukemia (CML) (accelerated, blast or second chronic phase)", I, [ACCELERATED, BLAST], [AML], [CHRONIC]),
    ("CML in late chronic or accelerated phase or in blast crisis", I, [ACCELERATED, BLAST], [AML], [CHRONIC, NO_PHASE]),
    ("Second chronic phase CML", E, [], [ACCELERATED, BLAST, AML], [CHRONIC]),
    # -- past a chronic phase
    ("CML beyond first chronic phase", I, [ACCELERATED, BLAST], [AML], [CHRONIC, NO_PHASE]),
    ("Chronic myeloid leukemia (CML) beyond 2nd chronic phase or in blast crises", I, [BLAST], [AML], [CHRONIC, ACCELERATED, NO_PHASE]),
    # -- a plain list goes on after a repeated "in"
    ("CML in accelerated phase or in blast crisis", I, [ACCELERATED, BLAST], [CHRONIC, AML], [NO_PHASE]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_which_chronic_phase_is_read_for_what_a_record_can_say(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


LISTED = [
    ("Patients with AML, ALL, CML in accelerated phase or blast crisis, and lymphoma", I, [AML, LYMPHOMA, ACCELERATED, BLAST], [CHRONIC], [NO_PHASE]),
    ("Patients with AML, MDS, CML in late chronic phase, and Hodgkin lymphoma", I, [AML], [ACCELERATED, CLL], [CHRONIC]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(LISTED))
def test_a_listed_cml_keeps_its_phases_to_itself(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
