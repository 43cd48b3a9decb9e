"""A lab named as one side of a ratio is not that lab: "urine protein:creatinine ratio > 1" read
as serum creatinine > 1 mg/dL decided an exclusion for every patient with a creatinine on record,
from text Eligo does not read (found on ~37 corpus lines by comparing readers). The urine
protein/creatinine ratio is a measurement of its own (``upcr``, topics.proteinuria): read as it,
never as either side."""

import pytest

from rules_engine.criteria import CriterionType, Predicate, iter_predicates
from rules_engine.parser.line import parse_line


@pytest.mark.parametrize(
    "line",
    [
        "Urine protein:creatinine ratio > 1",
        "Urine protein to creatinine ratio ≥ 1.0 g/g",
        "urine protein/creatinine ratio (UPCR) > 0.5",
        "Albumin-to-creatinine ratio > 300 mg/g",
        "BUN/creatinine ratio > 20",
    ],
)
def test_a_ratio_with_a_lab_on_one_side_bounds_no_lab(line):
    assert [p for p in iter_predicates(parse_line(line, CriterionType.EXCLUSION).expr) if p.concept != "upcr"] == []


@pytest.mark.parametrize(
    ("line", "concepts"),
    [
        ("International normalized ratio (INR) ≤ 1.5", {"inr"}),  # the INR is itself a ratio
        ("Creatinine ≤ 1.5 mg/dL and urine protein:creatinine ratio < 1", {"creatinine", "upcr"}),
    ],
)
def test_a_lab_beside_a_ratio_is_still_read(line, concepts):
    preds = iter_predicates(parse_line(line, CriterionType.INCLUSION).expr)
    assert {p.concept for p in preds if isinstance(p, Predicate)} == concepts
