"""The origin of an acute leukaemia a line names ("de novo AML", "de novo acute leukemia in first
remission") and the lists of every origin ("AML (de novo, secondary, or with an antecedent
hematologic disorder [AHD])", "AML including de novo, secondary, or therapy-related disease").

* "De novo" is no secondary AML (``secondary_aml``, which derive.OPEN_BESIDE leaves open beside an
  antecedent disorder or another cancer): an AML with no such history is de novo, one after an MDS
  a person's. Left, "de novo" was a review beside the disease, and "No de novo acute leukemia in
  first remission" left every patient in first remission undecided.
* A list of origins that names "secondary" names every origin, whatever kinds of secondary disease
  follow it: no condition, as "de novo or secondary" already is (remarks.py). Left, the words were
  a review conjunct and every untreated AML was unknown.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

DE_NOVO = adult(condition("aml", 30))
AFTER_MDS = adult(condition("aml", 30), condition("mds", 400, active=False))
THERAPY = adult(condition("therapy_related_aml", 30))
SECONDARY = adult(condition("secondary_aml", 30))
ALL_CR1 = adult(condition("all", 300), condition("remission", 20))
AML_CR1 = adult(condition("aml", 300), condition("remission", 20))
AML_RELAPSED = adult(condition("aml", 300), condition("relapsed", 20))
TREATED = adult(condition("aml", 300), condition("relapsed", 20), medication("chemotherapy", 200))
MDS_ONLY = adult(condition("mds", 30))

ROWS = [
    # -- de novo: no secondary AML
    ("De novo acute myeloid leukemia", I, [DE_NOVO], [THERAPY, SECONDARY, MDS_ONLY], [AFTER_MDS]),
    ("Untreated de novo AML", I, [DE_NOVO], [TREATED, THERAPY], [AFTER_MDS]),
    ("No de novo acute leukaemia in first remission", I, [DE_NOVO, AML_RELAPSED, MDS_ONLY], [AML_CR1, ALL_CR1], []),
    # -- every origin, one kind of secondary disease after "secondary"
    ("Diagnosis of previously untreated AML (de novo, secondary, or with an antecedent hematological disorder [AHD]) per WHO criteria",
     I, [DE_NOVO, SECONDARY, AFTER_MDS], [TREATED, MDS_ONLY], []),
    ("Diagnosis of AML including de novo, secondary, or therapy-related disease", I, [DE_NOVO, THERAPY, AFTER_MDS], [MDS_ONLY], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_an_acute_leukaemia_origin_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
