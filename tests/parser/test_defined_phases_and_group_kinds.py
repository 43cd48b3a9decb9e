"""Lines that define a disease phase or a disease group, read as what they say rather than as
requirements (holdout T131, T315).

* "(Cont - Inclusion Criteria #1) CML-AP is defined by ...": a definition of the phase another line
  asks for; a patient outside the phase meets it, one inside it is the trial's definition to
  judge (never a requirement of everyone, as the CML and every blast limit were);
* "advanced CML (CML-AP, CML-BP and Ph+ acute leukemia)": the bracket's kinds are alternatives;
* "..., or be Ph+ ALL patients with MRD": the ALL is the last alternative's, not asked of the CML.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, result

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CHRONIC = adult(condition("cml", 900, phase="chronic"))
ACCELERATED = adult(condition("cml", 900, phase="accelerated"))
BLAST = adult(condition("cml", 900, phase="blast"))
PH_ALL = adult(condition("all", 100), result("bcr_abl1", "positive"))
PH_ALL_RELAPSED = adult(condition("all", 100), result("bcr_abl1", "positive"), condition("relapsed", 30))
AML = adult(condition("aml", 100))

DEFINITIONS = [
    ("(Cont - Inclusion Criteria #1) CML-AP is defined by the presence of one of the following: a. 15-29% blasts in peripheral blood (PB) "
     "or bone marrow (BM), b.>20% basophils in PB or BM. CML-BP is defined by the presence of >/=30% blasts", I,
     [PH_ALL, CHRONIC, AML], [], [ACCELERATED]),
    ("Blast crisis is defined as >= 30% blasts in blood or marrow", I, [ACCELERATED, PH_ALL], [], [BLAST]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(DEFINITIONS))
def test_a_phase_definition_asks_nothing_outside_the_phase(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    """A definition line is how the trial judges its phase: read as a requirement it failed every
    patient without a CML (the Ph+ ALL the trial takes) and without the defining blasts."""
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text", ["Accelerated phase is defined by any one of the following:", "Blast phase is defined by any of the following:"])
def test_a_phase_heading_is_left_to_its_lines(text: str) -> None:
    """A heading whose definition is the lines under it adds no "not in the phase" branch of its
    own: the heading grammar joins its lines as the ways the phase holds."""
    assert "trial's definition" not in repr(parse_line(text, I).expr)


KINDS = [
    ("Patients 18 years of age or older with advanced CML (CML-AP, CML-BP and Philadelphia chromosome-positive acute leukemia) "
     "or refractory chronic phase CML are eligible", I, [], [CHRONIC], [BLAST, PH_ALL, ACCELERATED, AML]),  # ("with advanced" is left to a person)
    ("Patients with advanced CML (CML-AP, CML-BP and Philadelphia chromosome-positive acute leukemia)", I, [BLAST, PH_ALL], [CHRONIC], [ACCELERATED, AML]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(KINDS))
def test_a_bracket_of_blood_cancer_kinds_lists_alternatives(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    """The group's bracket names the kinds it takes; its "and" gathers them (no patient has a CML
    in accelerated and blast phase and a Ph+ acute leukaemia at once). An AML whose Philadelphia
    chromosome the record does not give may be a Ph+ acute leukaemia."""
    assert judged(parse_line(text, kind), facts) is expected


MARKED = [
    ("Patients must have CML in AP/BC or relapsed/refractory Ph+ ALL, or be Ph+ ALL patients with MRD", I,
     [ACCELERATED, BLAST, PH_ALL_RELAPSED], [CHRONIC, AML], [PH_ALL]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(MARKED))
def test_a_marked_disease_with_unread_words_keeps_its_marker(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    """"Ph+ ALL patients with MRD" is one alternative: its ALL, taken apart from its marker by the
    unread words beside it, was asked of the CML in blast crisis too."""
    assert judged(parse_line(text, kind), facts) is expected
