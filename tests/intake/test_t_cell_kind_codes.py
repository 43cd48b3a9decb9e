"""The kind of T/NK-cell lymphoma an ICD-10-CM (or ICD-O-3) code names becomes that kind's event
(codes.toml, dx9, dx21): a line's "NK-cell lymphomas" or "PTCL-NOS" is decided by it; C84.9 and
C84.Z name no kind the catalogue holds. The catalogue's parents make each a T-cell lymphoma
(and mycosis fungoides, Sézary syndrome a cutaneous one)."""

from __future__ import annotations

import pytest
from intake_helpers import ICD10, ICDO3, bundle, condition

from matcher.intake import normalise

KINDS = {"ctcl", "mycosis_fungoides", "sezary_syndrome", "ptcl_nos", "alcl", "aitl", "nk_cell_lymphoma", "atll", "eatl", "hstcl", "sptcl"}


@pytest.mark.parametrize(
    ("system", "code", "concepts"),
    [
        (ICD10, "C84.00", {"mycosis_fungoides"}),
        (ICD10, "C84.19", {"sezary_syndrome"}),
        (ICD10, "C84.A0", {"ctcl"}),
        (ICD10, "C86.6", {"ctcl"}),
        (ICD10, "C84.48", {"ptcl_nos"}),
        (ICD10, "C84.68", {"alcl"}),
        (ICD10, "C84.70", {"alcl"}),
        (ICD10, "C86.5", {"aitl"}),
        (ICD10, "C86.0", {"nk_cell_lymphoma"}),
        (ICD10, "C86.4", {"nk_cell_lymphoma"}),
        (ICD10, "C84.90", set()),  # mature T/NK-cell lymphoma, unspecified: no kind
        (ICD10, "C84.Z8", set()),  # other mature T/NK-cell lymphomas: no kind the catalogue names
        (ICD10, "C86.1", {"hstcl"}),
        (ICD10, "C86.2", {"eatl"}),
        (ICD10, "C86.3", {"sptcl"}),
        (ICDO3, "9702/3", {"ptcl_nos"}),
        (ICDO3, "9719/3", {"nk_cell_lymphoma"}),
        (ICDO3, "9700/3", {"mycosis_fungoides"}),
        (ICDO3, "9708/3", {"sptcl"}),
        (ICDO3, "9716/3", {"hstcl"}),
        (ICDO3, "9717/3", {"eatl"}),
    ],
)
def test_a_t_cell_lymphoma_code_becomes_its_kind(system: str, code: str, concepts: set[str]) -> None:
    facts = normalise(bundle(condition(system, code))).facts
    assert set(facts.events) & KINDS == concepts
    assert "t_cell_lymphoma" in facts.events or concepts  # the family stays on record


def test_a_lymphoblastic_lymphoma_code_is_the_lymphoma_of_no_coded_lineage() -> None:
    facts = normalise(bundle(condition(ICD10, "C83.50"))).facts
    assert "lymphoblastic_lymphoma" in facts.events
    assert not {"t_all", "b_all", "all"} & set(facts.events)
