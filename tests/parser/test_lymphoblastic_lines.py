"""Lymphoblastic lymphoma and its lineages (``topics/lymphoblastic``): a lymphoblastic lymphoma a
hospital codes without its lineage (ICD-10-CM C83.5), and the precursor B- and T-cell lymphoblastic
leukaemias/lymphomas ICD-O-3 codes by lineage (the catalogue's B- and T-ALL).

* "T-cell lymphoblastic lymphoma", "Precursor T-cell lymphoma or leukemia": met by a T-ALL/T-LBL,
  open for a lymphoblastic lymphoma of no coded lineage or an ALL of no recorded lineage, failed by
  a B-ALL, a peripheral T-cell lymphoma or a Burkitt lymphoma;
* "lymphoblastic lymphoma": met by the coded lymphoma, open for a non-Hodgkin lymphoma of no kind,
  failed by a lymphoma of another kind and by an ALL (the leukaemia the hospital coded).
"""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.lymphoblastic import _ANY_LINEAGE, _LINEAGE
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

LBL = adult(condition("lymphoblastic_lymphoma"))  # C83.5
T_ALL = adult(condition("all"), condition("t_all"))  # C91.0 + ICD-O-3 9837/3
B_ALL = adult(condition("all"), condition("b_all"))
ALL = adult(condition("all"))  # lineage not recorded
NHL = adult(condition("nhl"))  # C85.9
PTCL = adult(condition("ptcl_nos"))
BURKITT = adult(condition("burkitt_lymphoma"))
AML = adult(condition("aml"))

ROWS = [
    # (type, text, met, not met, unknown)
    (I, "T-cell lymphoblastic lymphoma (LL)", [T_ALL], [B_ALL, PTCL, BURKITT, AML], [LBL, ALL]),
    (E, "Precursor T-cell lymphoma or leukemia", [T_ALL], [B_ALL, PTCL, BURKITT, AML], [LBL, ALL, NHL]),
    (E, "Precursor T-cell lymphoblastic leukemia/lymphoma", [T_ALL], [B_ALL, PTCL], [LBL, ALL]),
    (I, "No Burkitt's lymphoma or precursor B-lymphoblastic lymphoma", [PTCL, T_ALL], [BURKITT, B_ALL], [LBL, ALL]),
    (I, "Lymphoblastic lymphoma", [LBL], [PTCL, BURKITT, AML, ALL, T_ALL], [NHL]),
    (I, "Lymphoblastic lymphoma, Burkitt's lymphoma, and other high-grade NHL", [LBL, BURKITT], [AML, ALL], [NHL, PTCL]),
    (I, "Acute lymphoblastic leukemia or lymphoblastic lymphoma", [LBL, ALL, T_ALL], [PTCL, BURKITT, AML], [NHL]),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(ROWS))
def test_lymphoblastic_lymphoma_by_lineage(ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "precursor T " * 5000 + "x",
        "T-cell lymphoblastic leukemia / " * 2000 + "x",
        "lymphoblastic lymphoma (" * 3000,
    ],
)
def test_no_pattern_backtracks(text: str) -> None:
    start = time.perf_counter()
    for pattern in (_LINEAGE, _ANY_LINEAGE):
        for _m in pattern.finditer(text):  # (a gated pattern, literal_gates: its own method)
            pass
    assert time.perf_counter() - start < 0.05 * 20
