"""The prolymphocytic leukaemias and lymphoplasmacytic lymphoma as hospitals code them
(codes.toml, dx12): ICD-10-CM C91.3 is B-PLL (its fifth character a status), C91.6 T-PLL, ICD-O-3
9833/3 and 9834/3 the same, 9832/3 a PLL of no stated kind; ICD-O-3 9671/3 lymphoplasmacytic
lymphoma. The catalogue's parents make each kind of PLL a prolymphocytic leukaemia."""

from __future__ import annotations

import pytest
from intake_helpers import ICD10, ICDO3, bundle, condition

from matcher.intake import normalise

KINDS = {"b_pll", "t_pll", "prolymphocytic_leukemia", "lymphoplasmacytic_lymphoma"}


@pytest.mark.parametrize(
    ("system", "code", "concepts"),
    [
        (ICD10, "C91.30", {"b_pll"}),
        (ICD10, "C91.60", {"t_pll"}),
        (ICDO3, "9833/3", {"b_pll"}),
        (ICDO3, "9834/3", {"t_pll"}),
        (ICDO3, "9832/3", {"prolymphocytic_leukemia"}),
        (ICDO3, "9671/3", {"lymphoplasmacytic_lymphoma"}),
        (ICD10, "C91.10", set()),  # CLL: no PLL
    ],
)
def test_a_b_cell_kind_code_becomes_its_kind(system: str, code: str, concepts: set[str]) -> None:
    facts = normalise(bundle(condition(system, code))).facts
    assert set(facts.events) & KINDS == concepts


def test_a_b_pll_in_relapse_is_relapsed() -> None:
    facts = normalise(bundle(condition(ICD10, "C91.32"))).facts
    assert "b_pll" in facts.events and "relapsed" in facts.events
