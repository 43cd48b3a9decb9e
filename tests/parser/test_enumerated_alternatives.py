"""Cases enumerated inside one inclusion line with "or" before the last ("Diagnosis of 1) AML (...),
or 2) high-risk MDS (...)", "evidence of 1) unresectable 2) locally recurrent, or 3) metastatic
disease", "a) metastatic or b) locally recurrent disease"): the cases are alternatives
(``line._enumerated_alternatives``). Read as requirements each, an AML failed the line for lack of
the MDS it offers instead. Cases joined by "and" stay requirements."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, score

I = CriterionType.INCLUSION

AML, MDS, CLL = condition("aml"), condition("mds"), condition("cll")

ROWS = [
    # (type, text, met, not met, unknown)
    (I, "Diagnosis of 1) AML, or 2) MDS", [adult(AML), adult(MDS)], [adult(CLL)], []),
    (I, "Confirmed diagnosis of a) AML b) MDS, or c) CLL", [adult(AML), adult(MDS), adult(CLL)], [adult(condition("cml"))], []),
    # joined by "and", every case is asked
    (I, "Patients with 1) AML, and 2) ECOG 0-2", [adult(AML, score("ecog", 1))], [adult(AML, score("ecog", 3)), adult(CLL, score("ecog", 1))], []),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(ROWS))
def test_enumerated_cases_with_a_last_or_are_alternatives(ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected
