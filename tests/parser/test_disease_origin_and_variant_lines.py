"""A status before a disease named with every origin it may have ("recurrent de novo or transformed
diffuse large B cell lymphoma"), and the disease's own variants beside it ("DLBCL or one of its
variants according to WHO classification (centroblastic, immunoblastic, ...)").

Every origin listed is no narrowing, so the status still qualifies the disease after them (left,
"recurrent" was unread beside a DLBCL and a new DLBCL was undecided); the variants are kinds of the
disease a record codes as the disease (left, the words were a review and no record met the line).
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

DLBCL_RELAPSED = adult(condition("dlbcl", 400), condition("relapsed", 60))
DLBCL_NEW = adult(condition("dlbcl", 20))
FL_RELAPSED = adult(condition("follicular_lymphoma", 400), condition("relapsed", 60))
AML_RELAPSED = adult(condition("aml", 400), condition("relapsed", 60))
AML_NEW = adult(condition("aml", 20))

ROWS = [
    ("Patients must have histologically confirmed recurrent de novo or transformed diffuse large B cell lymphoma (DLBCL) or one of its "
     "variants according to WHO classification (centroblastic, immunoblastic, T-cell/histiocyte rich and anaplastic variants)",
     I, [DLBCL_RELAPSED], [DLBCL_NEW, FL_RELAPSED, AML_RELAPSED], []),
    ("Recurrent de novo or transformed diffuse large B-cell lymphoma", I, [DLBCL_RELAPSED], [DLBCL_NEW, FL_RELAPSED], []),
    ("Recurrent de novo or secondary acute myeloid leukemia", I, [AML_RELAPSED], [AML_NEW, DLBCL_RELAPSED], []),
    ("Diffuse large B-cell lymphoma or its variants", I, [DLBCL_NEW, DLBCL_RELAPSED], [FL_RELAPSED, AML_NEW], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_origins_and_variants_narrow_nothing(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
