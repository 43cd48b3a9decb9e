"""The kinds of non-melanoma skin cancer an ICD-10-CM C44 code states (the character after the
site: C44.x1 basal cell, C44.x2 squamous cell), and the exceptions of "another malignancy" that
name one of them alone ("except basal cell carcinoma of the skin"): a squamous cell carcinoma is
no basal cell one, and a skin cancer of no stated kind (C44.90) may be either, so it leaves such
a line to a person. Read as the whole family, the exception let a squamous cell carcinoma pass."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.intake import normalise
from rules_engine.outcome import Outcome

from intake_helpers import ICD10, bundle, condition, decided_exclusion

AS_OF = date(2026, 12, 2)
OWN = "Chronic myeloid leukemia in chronic phase"
BASAL = "Other malignancy within the past 5 years except basal cell carcinoma of the skin"
BOTH = "Other malignancy within the past 5 years except basal or squamous cell carcinoma of the skin"
FAMILY = "Other malignancy within the past 5 years except non-melanoma skin cancer"


@pytest.mark.parametrize("code, concept", [
    ("C44.91", "basal_cell_skin_cancer"),
    ("C44.311", "basal_cell_skin_cancer"),  # face, nose
    ("C44.1121", "basal_cell_skin_cancer"),  # right upper eyelid
    ("C44.02", "squamous_cell_skin_cancer"),  # lip
    ("C44.622", "squamous_cell_skin_cancer"),
    ("C44.90", "nonmelanoma_skin_cancer"),  # unspecified
    ("C44.131", "nonmelanoma_skin_cancer"),  # sebaceous cell carcinoma of the eyelid
    ("C44.99", "nonmelanoma_skin_cancer"),  # other specified
    ("C44.4", "nonmelanoma_skin_cancer"),  # no kind stated (WHO ICD-10's four characters)
])
def test_a_c44_code_becomes_its_kind(code: str, concept: str) -> None:
    events = normalise(bundle(condition(ICD10, code))).facts.events
    kinds = {"basal_cell_skin_cancer", "squamous_cell_skin_cancer", "nonmelanoma_skin_cancer"}
    assert set(events) & kinds == {concept}  # one row, never the family beside its kind


ROWS = [
    (BASAL, ["C92.10", "C44.91"], Outcome.NOT_MET),
    (BASAL, ["C92.10", "C44.92"], Outcome.MET),  # a squamous cell one is another malignancy
    (BASAL, ["C92.10", "C44.90"], Outcome.UNKNOWN),  # of no stated kind: may be the basal cell one
    (BOTH, ["C92.10", "C44.91"], Outcome.NOT_MET),
    (BOTH, ["C92.10", "C44.92"], Outcome.NOT_MET),
    (FAMILY, ["C92.10", "C44.90"], Outcome.NOT_MET),
    (FAMILY, ["C92.10", "C44.92"], Outcome.NOT_MET),
    (BASAL, ["C92.10", "C44.91", "C50.911"], Outcome.MET),  # never hides another cancer
]


@pytest.mark.parametrize("line, codes, expected", ROWS)
def test_an_exception_naming_one_kind_excepts_that_kind(line: str, codes: list[str], expected: Outcome) -> None:
    assert decided_exclusion(OWN, line, tuple(codes), AS_OF) is expected
