"""A blood cancer's status beside its abbreviation, and an upper bound on its relapses (issue 14).

* "Relapsed or refractory NHL", "Relapsed/refractory B-cell CLL or SLL", "Relapsed or refractory
  CLL, NHL or MM" (24 corpus lines): the status stands beside a blood cancer written as an
  abbreviation, whose status a record states on its Condition, so it is read as it is beside
  "lymphoma" or "AML". Left unread, no relapsed lymphoma on record met the line.
* "AML who have had no more than two prior relapses", "No more than 3 prior relapses" (5 corpus
  lines): the relapse count the record's relapses give (``relapse_count``), at most that many.
  Left unread, a patient in first relapse stayed undecided and one in a fourth passed.
* "either newly diagnosed, relapsed or refractory ... NHL": every status a disease can be in, no
  condition (read as a list, newly diagnosed and relapsed were asked together and no one met it).
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

NHL_RELAPSED = adult(condition("nhl", 400), condition("relapsed", 30, diagnosis="nhl"))
NHL_REFRACTORY = adult(condition("nhl", 400), condition("refractory", 30, diagnosis="nhl"))
NHL_NEW = adult(condition("nhl", 30))
CLL_RELAPSED = adult(condition("cll", 900), condition("relapsed", 30, diagnosis="cll"))
CLL_NEW = adult(condition("cll", 30))
MM_RELAPSED = adult(condition("multiple_myeloma", 900), condition("relapsed", 30, diagnosis="multiple_myeloma"))
AML_RELAPSED = adult(condition("aml", 300), condition("relapsed", 30, diagnosis="aml"))

STATUS_ROWS = [
    ("Relapsed or refractory NHL", I, [NHL_RELAPSED, NHL_REFRACTORY], [NHL_NEW, AML_RELAPSED], []),
    ("Relapsed/refractory B-cell CLL or SLL", I, [CLL_RELAPSED], [CLL_NEW, AML_RELAPSED], []),
    ("Relapsed or refractory CLL, NHL or MM", I, [CLL_RELAPSED, NHL_RELAPSED, MM_RELAPSED], [CLL_NEW, NHL_NEW, AML_RELAPSED], []),
    ("Relapsed or refractory NHL", E, [NHL_RELAPSED], [NHL_NEW], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(STATUS_ROWS))
def test_a_status_beside_an_abbreviated_blood_cancer_is_read(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


FIRST_RELAPSE = AML_RELAPSED
SECOND_RELAPSE = adult(condition("aml", 600), condition("relapsed", 30, diagnosis="aml"), condition("relapsed", 300, active=False, diagnosis="aml"))
THIRD_RELAPSE = adult(condition("aml", 900), condition("relapsed", 30, diagnosis="aml"), condition("relapsed", 300, active=False, diagnosis="aml"),
                      condition("relapsed", 600, active=False, diagnosis="aml"))
REFRACTORY = adult(condition("aml", 100), condition("refractory", 30, diagnosis="aml"))
ALL_RELAPSED = adult(condition("all", 300), condition("relapsed", 30, diagnosis="all"))

LIMIT_ROWS = [
    ("Part B: AML who have had no more than two prior relapses or failed to achieve remission after at least one induction treatment.", I,
     [FIRST_RELAPSE, SECOND_RELAPSE, REFRACTORY], [THIRD_RELAPSE, ALL_RELAPSED], []),
    ("AML with fewer than 2 prior relapses", I, [FIRST_RELAPSE], [SECOND_RELAPSE, THIRD_RELAPSE], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(LIMIT_ROWS))
def test_an_upper_bound_on_prior_relapses_is_the_relapse_count(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected



AML_NEW = adult(condition("aml", 30))
HODGKIN = adult(condition("hodgkin_lymphoma", 100))

ANY_STATUS_ROWS = [
    ("newly diagnosed, relapsed or refractory AML", I, [AML_NEW, AML_RELAPSED], [HODGKIN], []),
    # (the meningitis and its proof are a person's: any NHL is open, whatever its status)
    ("Lymphomatous meningitis documented by positive CSF cytology in either newly diagnosed, relapsed or refractory primary CNS or systemic NHL", I,
     [], [HODGKIN], [NHL_NEW, NHL_RELAPSED]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ANY_STATUS_ROWS))
def test_every_status_listed_is_no_condition(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
