"""The grade of follicular lymphoma an ICD-10-CM (or ICD-O-3) code names becomes that grade's
event (codes.toml, dx11): "Grade 3b follicular lymphoma" is decided by it; C82.5-C82.9 and ICD-O-3
9690/3 name no grade. The intake keeps the most specific code; the catalogue's parents make each a
follicular lymphoma (and IIIa, IIIb a grade 3)."""

from __future__ import annotations

import pytest
from intake_helpers import ICD10, ICDO3, bundle, condition

from matcher.intake import normalise

GRADES = {"follicular_lymphoma_grade_1", "follicular_lymphoma_grade_2", "follicular_lymphoma_grade_3",
          "follicular_lymphoma_grade_3a", "follicular_lymphoma_grade_3b"}


@pytest.mark.parametrize(
    ("system", "code", "concepts"),
    [
        (ICD10, "C82.08", {"follicular_lymphoma_grade_1"}),
        (ICD10, "C82.10", {"follicular_lymphoma_grade_2"}),
        (ICD10, "C82.28", {"follicular_lymphoma_grade_3"}),
        (ICD10, "C82.30", {"follicular_lymphoma_grade_3a"}),
        (ICD10, "C82.48", {"follicular_lymphoma_grade_3b"}),
        (ICD10, "C82.98", set()),  # unspecified: no grade
        (ICD10, "C82.58", set()),  # diffuse follicle center lymphoma: no grade
        (ICDO3, "9695/3", {"follicular_lymphoma_grade_1"}),
        (ICDO3, "9698/3", {"follicular_lymphoma_grade_3"}),
        (ICDO3, "9690/3", set()),
    ],
)
def test_a_follicular_lymphoma_code_becomes_its_grade(system: str, code: str, concepts: set[str]) -> None:
    facts = normalise(bundle(condition(system, code))).facts
    assert set(facts.events) & GRADES == concepts
    assert concepts or "follicular_lymphoma" in facts.events  # no grade: the lymphoma alone
