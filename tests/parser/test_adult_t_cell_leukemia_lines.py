"""Adult T-cell leukaemia/lymphoma (ATLL; ICD-10-CM C91.5, ICD-O-3 9827/3), the mature T-cell
neoplasm HTLV-1 causes, has its concept, a kind of T-cell lymphoma (issue 14, safety rule 1):
"Diagnosis of acute or lymphomatous adult T-cell leukemia (ATL) by flow cytometry ..." was a bare
review, and a peripheral T-cell lymphoma met it, answered eligible (holdout T321). C91.5 reached
the engine as HTLV and an unnamed blood cancer; it is now the lymphoma it is (and HTLV still).
The ATLL subtype words ("acute or lymphomatous", "lymphomatous subtype") stay a person's: no code
says the subtype.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION

ROWS = [
    # (line, type, met, not met, unknown)
    ("Diagnosis of acute or lymphomatous adult T-cell leukemia (ATL) by flow cytometry of blood or immunohistochemistry of biopsy tissue", I,
     [], [adult(condition("ptcl_nos")), adult(condition("dlbcl")), adult()], [adult(condition("atll")), adult(condition("t_cell_lymphoma"))]),
    # (a T-cell lymphoma coded of no kind, C84.9, may be the ATLL: the kinds are exhaustive, dx9)
    ("Adult T-cell leukemia/lymphoma (ATLL), lymphomatous subtype", I, [], [adult(condition("ptcl_nos"))], [adult(condition("atll")), adult(condition("t_cell_lymphoma"))]),
    ("Adult T-cell lymphoma/leukemia (human T-cell leukemia virus [HTLV] 1+)", I,
     [adult(condition("atll"), condition("htlv"))], [adult(condition("ptcl_nos"), condition("htlv")), adult(condition("htlv"))], [adult(condition("t_cell_lymphoma"), condition("htlv"))]),
    # a T-cell lymphoma asked for: ATLL is one
    ("Relapsed or refractory peripheral T-cell lymphoma", I, [adult(condition("atll"), condition("relapsed"))], [adult(condition("dlbcl"), condition("relapsed"))], []),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_adult_t_cell_leukemia_lymphoma_is_read(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize(
    ("code", "system"),
    [("C91.52", "http://hl7.org/fhir/sid/icd-10-cm"), ("9827/3", "http://terminology.hl7.org/CodeSystem/icd-o-3")],
    ids=["icd10cm", "icdo3"],
)
def test_the_intake_reads_adult_t_cell_leukemia_lymphoma(code: str, system: str) -> None:
    from matcher.intake import normalise, validate_bundle
    from tests.fixtures.holdout import fhir as f

    resources = [f.patient("atll", 55, "male"), f.condition(code, "Adult T-cell lymphoma/leukemia", system=system, onset=300)]
    facts = normalise(validate_bundle(f.bundle("atll", resources))).facts
    assert "atll" in facts.events


def test_a_peripheral_t_cell_lymphoma_is_no_adult_t_cell_leukemia() -> None:
    from matcher.intake import normalise, validate_bundle
    from tests.fixtures.holdout import fhir as f

    resources = [f.patient("ptcl", 55, "male"), f.condition("C84.48", "Peripheral T-cell lymphoma, not classified", onset=300)]
    facts = normalise(validate_bundle(f.bundle("ptcl", resources))).facts
    assert "atll" not in facts.events and "ptcl_nos" in facts.events  # (its own kind, a T-cell lymphoma: dx9)
