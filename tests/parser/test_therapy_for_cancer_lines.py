"""A prior treatment named only by the cancer it was for ("No prior therapy for CLL", "Prior
treatment for gastric cancer"): an anticancer therapy on record is one; surgery or supportive care
on record (growth factors, transfusions, iron chelation, corticosteroids) leaves the line to a
person; a record with neither has had none the record shows. A list or a limit after the cancer
("... with chemotherapy", "... other than corticosteroids") is another reading's.

Every line is made up in the registries' style; each record is judged by both evaluators.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, medication, procedure

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION

NONE_FOR_CLL = "No prior therapy for CLL"
NONE_FOR_GASTRIC = "No previous treatment for gastric cancer."
TREATED_PANCREAS = "Patients who have had any prior therapy for pancreatic cancer"

ROWS = [
    # (line, type, met, not met, unknown)
    (NONE_FOR_CLL, I, [adult()], [adult(medication("chemotherapy", 200)), adult(medication("anticancer_therapy", 30))],
     [adult(medication("growth_factor", 20)), adult(medication("steroid_therapy", 20))]),
    (NONE_FOR_GASTRIC, I, [adult()], [adult(medication("radiotherapy", 400))], [adult(procedure("surgery", 100))]),
    (TREATED_PANCREAS, E, [adult(medication("chemotherapy", 90))], [adult()], [adult(procedure("surgery", 60))]),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_as_the_text_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text", ["No prior therapy for CLL other than corticosteroids", "Prior therapy for lung cancer with chemotherapy"])
def test_a_list_or_limit_after_the_cancer_is_not_this_reading(text):
    rendered = render_rule(parse_line(text, E).expr, None)
    assert "supportive care" not in rendered
