"""Wordings registries publish read as what they mean: a misspelt word would become a review
conjunct that turns a decided line (a prior transplant's exclusion) into unknown, and a modal
before a negated comparison would turn the bound upside down."""

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
        ("History of myocardial infection within 6 months", "History of myocardial infarction within 6 months"),
        ("Myocardial infraction within 6 months", "Myocardial infarction within 6 months"),
    ],
)
def test_a_misspelt_line_reads_as_its_correct_spelling(written, meant):
    read = parse_line(written, CriterionType.EXCLUSION).expr
    assert read == parse_line(meant, CriterionType.EXCLUSION).expr
    assert "Review" not in repr(read)


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("ANC must not be less than 1500/uL", "ANC ≥ 1500/uL"),
        ("Platelets must not be below 100,000/uL", "Platelets ≥ 100,000/uL"),
        ("Hemoglobin should not be lower than 9 g/dL", "Hemoglobin ≥ 9 g/dL"),
        ("Serum creatinine should not be greater than 1.5 mg/dL", "Serum creatinine ≤ 1.5 mg/dL"),
        ("Bilirubin must not exceed 1.5 x ULN", "Bilirubin ≤ 1.5 x ULN"),
        ("QTc cannot be more than 470 ms", "QTc ≤ 470 ms"),
        ("Creatinine clearance is not less than 60 mL/min", "Creatinine clearance ≥ 60 mL/min"),
    ],
)
def test_a_modal_before_a_negated_comparison_keeps_the_bound_the_right_way_up(written, meant):
    """Left in, "must not be" let the comparator read "less than 1500" alone: an inclusion that
    asked for ANC >= 1.5 was met by ANC 0.5 and failed by ANC 3."""
    assert parse_line(written, CriterionType.INCLUSION).expr == parse_line(meant, CriterionType.INCLUSION).expr
