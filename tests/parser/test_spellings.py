"""Misspellings registries publish read as the word they mean: an unknown word would become a
review conjunct and turn a decided line (a prior transplant's exclusion) into unknown."""

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser.line import parse_line


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("Previous hematopoetic stem cell transplantation", "Previous hematopoietic stem cell transplantation"),
        ("Prior hemopoietic stem cell transplantation", "Prior hematopoietic stem cell transplantation"),
        ("Prior haemopoietic stem cell transplantation", "Prior hematopoietic stem cell transplantation"),
        ("Prior allogenic stem cell transplant", "Prior allogeneic stem cell transplant"),
        ("Serum creatinin > 2 mg/dL", "Serum creatinine > 2 mg/dL"),
        ("Total bilirubine > 3 x ULN", "Total bilirubin > 3 x ULN"),
    ],
)
def test_a_misspelt_line_reads_as_its_correct_spelling(written, meant):
    read = parse_line(written, CriterionType.EXCLUSION).expr
    assert read == parse_line(meant, CriterionType.EXCLUSION).expr
    assert "Review" not in repr(read)
