"""Human T-lymphotropic virus in infection exclusions (issue 14, known misread families): "positive
for HIV or human T-cell lymphotropic virus-1 (HTLV-1)", "known to be seropositive for HTLV-I",
"Human T-cell lymphotrophic virus type I (HTLV-I) negative" (15 corpus lines, 10 in leukaemia
trials). HTLV had no concept, so its words were left to a person for every record and an
exclusion naming HIV beside it was unknown for everyone without HIV. HTLV infection is coded
(ICD-10-CM B97.33, B97.34; adult T-cell leukaemia/lymphoma, C91.5, is HTLV-1's) and lifelong: a
record without it has none (contract section 4), and a line's types ("-1", "I & II") and its
abbreviation in brackets are the name's."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

HTLV = adult(condition("htlv", 800))
HIV = adult(condition("hiv", 800))
NEITHER = adult()

ROWS = [
    ("Patient is positive for human immunodeficiency virus (HIV) or human T-cell lymphotropic virus-1 (HTLV-1)", E, [HTLV, HIV], [NEITHER], []),
    ("Participants with known infection with human immunodeficiency virus (HIV) or human T-cell leukemia virus-1 (HTLV-1)", E, [HTLV, HIV], [NEITHER], []),
    ("Positive test results for human T-lymphotropic virus 1 (HTLV 1)", E, [HTLV], [NEITHER, HIV], []),
    ("Patients who have positive titers to HIV1,2; HTLV1; or VDRL.", E, [HTLV], [], [NEITHER]),
    ("Subjects known to have active HIV or known to be seropositive for HTLV-I.", E, [HIV, HTLV], [NEITHER], []),
    ("No known serologically positive hepatitis B, hepatitis C, HIV, or HTLV", I, [NEITHER], [HTLV, HIV], []),
    ("Human T-cell lymphotrophic virus type I (HTLV-I) negative", I, [NEITHER, HIV], [HTLV], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_an_htlv_line_is_read_for_what_it_asks(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected
