"""The marrow failures the leukaemia trials exclude by name, read from a Condition's ICD-10-CM code
(issue 14, helper dx18): aplastic anaemia, constitutional or acquired (D61 but the pancytopenias
D61.81 and myelophthisis D61.82, which a chemotherapy course or a marrow infiltrated by the cancer
gives and no line means by a marrow failure syndrome); Shwachman-Diamond (D61.02) and severe
congenital neutropenia (Kostmann, D70.0), inherited marrow failures; and the family above them."""

from __future__ import annotations

from datetime import date

import pytest

from matcher.intake import normalise
from rules_engine.snapshot import snapshot

from intake_helpers import ICD10, bundle, condition


def present(code: str) -> frozenset[str]:
    """The concepts the engine holds present for a record of this one code (derived included)."""
    return snapshot(normalise(bundle(condition(ICD10, code))).facts, date(2026, 11, 22)).present


@pytest.mark.parametrize(("code", "concepts", "absent"), [
    ("D61.3", {"aplastic_anemia", "marrow_failure"}, {"inherited_marrow_failure"}),  # idiopathic: acquired
    ("D61.9", {"aplastic_anemia", "marrow_failure"}, {"inherited_marrow_failure"}),
    ("D61.02", {"shwachman_diamond_syndrome", "inherited_marrow_failure", "aplastic_anemia", "marrow_failure"}, {"fanconi_anemia"}),
    ("D61.03", {"fanconi_anemia", "inherited_marrow_failure", "marrow_failure"}, {"shwachman_diamond_syndrome"}),
    ("D70.0", {"congenital_neutropenia", "inherited_marrow_failure", "marrow_failure"}, {"aplastic_anemia"}),
    # a chemotherapy-induced pancytopenia, a myelophthisis: no marrow failure syndrome
    ("D61.810", set(), {"aplastic_anemia", "marrow_failure"}),
    ("D61.82", set(), {"aplastic_anemia", "marrow_failure"}),
    # a neutropenia of chemotherapy is no congenital one
    ("D70.1", set(), {"congenital_neutropenia", "marrow_failure"}),
])
def test_a_marrow_failure_code_is_read_as_its_kind(code: str, concepts: set[str], absent: set[str]) -> None:
    found = present(code)
    assert concepts <= found and not absent & found
