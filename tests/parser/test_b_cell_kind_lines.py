"""Prolymphocytic leukaemia and lymphoplasmacytic lymphoma read as the kinds hospitals code
(topics.b_cell_kinds): "prolymphocytic leukemia" is B- or T-PLL, "B-cell prolymphocytic leukemia"
the B kind only, a PLL coded without its kind stays open; "lymphoplasmacytic lymphoma" is the kind
or a Waldenström's, never any other lymphoma."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I = CriterionType.INCLUSION
E = CriterionType.EXCLUSION

B_PLL, T_PLL, PLL = adult(condition("b_pll")), adult(condition("t_pll")), adult(condition("prolymphocytic_leukemia"))
CLL, DLBCL = adult(condition("cll")), adult(condition("dlbcl"))
LPL, WM = adult(condition("lymphoplasmacytic_lymphoma")), adult(condition("waldenstrom_macroglobulinemia"))
B_CELL = adult(condition("b_cell_lymphoma"))
MANTLE = adult(condition("mantle_cell_lymphoma"))  # coded as a B-cell lymphoma of no stated kind (C83.0)

ROWS = [
    # (type, text, met, not met, unknown)
    (E, "Known prolymphocytic leukemia", [B_PLL, T_PLL, PLL], [CLL, DLBCL], []),
    (E, "Documented prolymphocytic leukemia (PLL; prolymphocytes, 55% in blood)", [B_PLL, T_PLL], [], []),
    (I, "B-cell prolymphocytic leukemia", [B_PLL], [T_PLL, CLL], [PLL]),
    (I, "Histologically confirmed chronic lymphocytic leukemia (CLL) or B-cell prolymphocytic leukemia* (PLL)", [CLL, B_PLL], [T_PLL, DLBCL], []),
    (E, "Transformation of CLL to aggressive Non-Hodgkin's lymphoma (Richter's transformation or pro-lymphocytic leukemia)", [T_PLL], [], []),
    (I, "Lymphoplasmacytic lymphoma", [LPL, WM], [DLBCL, CLL], [B_CELL]),
    (I, "Lymphoplasmacytic lymphoma (Waldenstrom's macroglobulinemia)", [LPL, WM], [DLBCL], [B_CELL]),
    (I, "Lymphoplasmacytic lymphoma (LPL)", [LPL, WM], [DLBCL], []),
    (E, "lymphoplasmacytic lymphoma / Waldenström macroglobulinemia", [LPL, WM], [DLBCL], []),
    # a permission for the kinds it lists, each on its condition (safety._listed_under_not)
    (I, "Lymphoplasmacytic lymphoma, mantle-cell lymphoma, prolymphocytic leukemia are eligible after initial therapy in CR1+ or PR1+.",
     [], [], [LPL, MANTLE, B_PLL]),
    # "CLL/PLL (as defined by FAB)" is a CLL with prolymphocytes: "PLL" alone is no PLL read
    (I, "Patients with chronic lymphocytic leukemia (CLL), CLL/PLL (as defined by FAB), and PLL (B- and T-cell phenotypes)", [], [], [CLL]),
]


@pytest.mark.parametrize(("ctype", "text", "facts", "expected"), outcome_cases(ROWS))
def test_a_b_cell_kind_is_the_coded_kind(ctype: CriterionType, text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_long_hostile_kind_list_parses_fast() -> None:
    text = ("lymphoplasmacytic lymphoma / " + "B-cell prolymphocytic leukemia (PLL), ") * 400
    started = time.perf_counter()
    parse_line(text[:20000], I)
    assert time.perf_counter() - started < 5.0
