"""A disease qualified by a bracket, then "or" another disease ("high-risk MDS (>= 10% marrow
blasts) or AML", "CLL (white count above 10,000) or SLL"): the bracket's one item qualifies the
disease it follows and closes before the "or", so the "or" joins the qualified disease and the next
one (``clauses.combine``). Read inside the bracket, the first disease was asked of every patient and
an AML failed the line it names. A bracket restating the disease ("acute myeloid leukemia (AML) or
...") stays a restatement."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab

I = CriterionType.INCLUSION
E = CriterionType.EXCLUSION

MDS, AML, ALL, CLL = condition("mds"), condition("aml"), condition("all"), condition("cll")

ROWS = [
    # (type, text, met, not met, unknown)
    (I, "Diagnosis of MDS (≥ 10% bone marrow blasts) or AML",
     [adult(AML), adult(MDS, lab("bm_blasts", 12, "%"))], [adult(MDS, lab("bm_blasts", 6, "%")), adult(CLL)], [adult(MDS)]),
    (I, "Confirmed CLL (WBC > 10,000/uL) or AML",
     [adult(AML), adult(CLL, lab("wbc", 15, "10*9/L"))], [adult(CLL, lab("wbc", 4, "10*9/L")), adult(MDS)], []),
    (I, "Confirmed acute myeloid leukemia (AML) or acute lymphoblastic leukemia (ALL)", [adult(AML), adult(ALL)], [adult(CLL)], []),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(ROWS))
def test_a_bracketed_qualifier_stays_with_its_disease_before_an_or(ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected
