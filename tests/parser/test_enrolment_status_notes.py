"""A sentence on which cohorts still enrol (issue 14, criteria read right).

"NOTE: As of May 2013, enrollment of solid tumor participants was completed. Participants with a
diagnosis of leukemia continue to be enrolled." stood as the heading over every inclusion and was
read for its disease: a solid tumour became a requirement and every leukaemia patient failed.
The study's enrolment status is no record's fact: a person's, never a requirement of the disease
it names.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged
from tests.fixtures.records import adult, condition
from rules_engine.outcome import Outcome

INC = CriterionType.INCLUSION

NOTES = [
    "NOTE: As of May 2013, enrollment of solid tumor participants was completed. Participants with a diagnosis of leukemia continue to be enrolled.",
    "Accrual closed as of 5/27/2009 to patients with renal cell carcinoma",
    "Enrollment of patients with lymphoma has been closed.",
]


@pytest.mark.parametrize("text", NOTES)
def test_an_enrolment_status_sentence_is_a_persons(text):
    criterion = parse_line(text, INC)
    assert render_rule(criterion.expr, criterion.applies_if).startswith("review")


@pytest.mark.parametrize("text", NOTES)
@pytest.mark.parametrize("disease", ["aml", "solid_tumor", "renal_cell_carcinoma"])
def test_no_patient_fails_or_meets_it_by_the_disease_it_names(text, disease):
    assert judged(parse_line(text, INC), adult(condition(disease))) is Outcome.UNKNOWN


def test_a_bracketed_closure_after_an_item_leaves_the_item_read():
    criterion = parse_line("White Blood Count (WBC) <= 50,000/mm^3 (part A only [closed to accrual as of 10/30/06])", INC)
    assert render_rule(criterion.expr, criterion.applies_if).startswith("WBC <= 50")
