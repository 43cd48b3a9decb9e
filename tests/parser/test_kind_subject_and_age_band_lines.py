"""Three readings of issue 14 (criteria read right), each a shape that recurs in the corpus:

- A kind the catalogue does not name, written with its class's words, narrows the class, never is
  it: "cutaneous T-cell lymphoma (CTCL)" (27 corpus lines) read as any T-cell lymphoma excluded a
  peripheral T-cell lymphoma from a PTCL trial (holdout NCT00704691, 18 patients). The class stays
  decided; whether the record's is the kind is a person's.
- "Patients with X must ..." concerns the patients named (``line._SUBJECT_MUST``): a list of them
  ("mantle cell lymphoma, CLL, or SLL") and a prohibition ("must not have received ...") are read
  as such; a requirement nothing reads, for patients named in words the record does not all hold,
  is a person's for everyone, never something every patient must have (76 corpus lines open so).
- An age range beside a bound beyond it ("Age 18 - 80 years; age > 80 allowed at investigator
  discretion if ...") names two groups of patients, as two bounds no age meets together do
  (``line._ages_apart``): read together, they failed every patient.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, ecog, medication

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION

ROWS = [
    # (line, type, met, not met, unknown)
    ("(Other) Precursor T-cell lymphomas (including immature T-cell lymphomas/leukemias) and cutaneous T-cell lymphomas (CTCL) with skin as the only organ of involvement", E,
     [], [], [adult(condition("t_cell_lymphoma"))]),
    ("Cutaneous T-cell lymphoma (CTCL)", E, [], [adult(condition("dlbcl")), adult()], [adult(condition("t_cell_lymphoma"))]),
    ("Histopathologically confirmed CTCL", I, [], [adult(condition("dlbcl"))], [adult(condition("t_cell_lymphoma"))]),
    # the class itself, and its peripheral kind, stay decided
    ("Relapsed peripheral T-cell lymphoma", I, [adult(condition("t_cell_lymphoma"), condition("relapsed"))], [adult(condition("dlbcl"), condition("relapsed"))], []),
    ("Patients with mantle cell lymphoma, CLL, or SLL must be on non-cytochrome P450 modulating antiretroviral agents (Stratum C) to be eligible for this study", I,
     # (SLL read, a record with none of the three is not asked the requirement)
     [adult()], [], [adult(condition("cll"))]),
    ("Patients with a history of cardiac disease or mediastinal radiation should undergo testing of ventricular function", I, [], [], [adult()]),
    ("Participants with solid tumors must not have received myelosuppressive chemotherapy within 3 weeks of enrollment in this study", I,
     [adult(), adult(condition("solid_tumor"), medication("chemotherapy", days_ago=60))], [adult(condition("solid_tumor"), medication("chemotherapy", days_ago=7))], []),
    ("Patients with a known history of human immunodeficiency virus (HIV) must not be on active treatment for HIV", I, [adult()], [], [adult(condition("hiv"))]),
    ("Age 18 - 80 years; age > 80 allowed at investigator discretion if performance status ≤ 1", I, [], [], [adult(ecog(0))]),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_kinds_subjects_and_age_bands_are_read(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected
