"""A lab bounded by its CTCAE grade (topics.lab_grades): the grade is the bound it stands for.

"Grade 3 or higher peripheral blood counts", "amylase or lipase at least Grade 1 or higher",
"Creatinine <= CTC grade 2" were reviews, so neutrophils of 0.8 x10^9/L or a lipase past the
lab's limit passed the exclusion (holdout T272). CTCAE v5.0 grades these labs by the value
alone: a raised enzyme, bilirubin or creatinine by its multiple of the upper limit, a low count
by its absolute value. A grade no number bounds (a count's grade 1, below the lab's own lower
limit) stays a review, and so does the grade of a past event ("with the last regimen").
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import anc, creatinine, healthy, hemoglobin, lab, platelets

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

COUNTS = "Grade 3 or higher peripheral blood counts"
ENZYMES = "Baseline hypomagnesemia and amylase or lipase at least Grade 1 or higher"
RENAL = "Creatinine ≤ CTC grade 2"

# (line, type, rule)
READINGS = [
    (COUNTS, EXC, "ANC < 1.0 10*9/L or platelets < 50 10*9/L or hemoglobin < 8 g/dL or WBC < 2.0 10*9/L"),
    ("Grade ≥ 2 cytopenias", EXC, "ANC < 1.5 10*9/L or platelets < 75 10*9/L or hemoglobin < 10 g/dL or WBC < 3.0 10*9/L"),
    # an exclusion's list of graded findings excludes by any of them
    (ENZYMES, EXC, "hypomagnesemia or amylase > 1 x ULN or lipase > 1 x ULN"),
    (RENAL, INC, "creatinine <= 3 x ULN"),
    ("Creatinine serum level ≤ CTC grade 2", INC, "creatinine <= 3 x ULN"),
    ("Bilirubin < grade 2", INC, "bilirubin <= 1.5 x ULN"),
    ("Bilirubin > grade 1", EXC, "bilirubin > 1.5 x ULN"),
    ("ALT or AST grade 2 or higher", EXC, "ALT > 3 x ULN or AST > 3 x ULN"),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_a_grade_reads_as_its_bound(text, ctype, rule):
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


# (line, type, rule): what stays a review or another reading's
UNREAD = [
    # a count's grade 1 is below the lab's own lower limit: no number bounds it
    ("Grade 1 or higher blood counts", EXC, "review unsupported"),
]


@pytest.mark.parametrize("text,ctype,rule", UNREAD, ids=[r[0][:50] for r in UNREAD])
def test_a_grade_no_value_bounds_stays_a_review(text, ctype, rule):
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


@pytest.mark.parametrize("text", [
    "Patients must not have known ≥ Grade 3 thrombocytopenia or anemia with the last chemotherapy regimen.",
    "Grade 3 or 4 cytopenia on prior fludarabine",
    # a toxicity the line excepts, parsed apart from the toxicity it narrows
    "Failure to have fully recovered (i.e., ≤ Grade 1 toxicity) from the reversible effects of prior chemotherapy, except for Grade 2 or greater anemia.",
])
def test_the_grade_of_a_past_event_is_not_todays_count(text):
    criterion = parse_line(text, EXC)
    rule = render_rule(criterion.expr, criterion.applies_if)
    assert "platelets" not in rule and "hemoglobin" not in rule


def lipase(value: float):
    return lab("lipase", value, "U/L", uln=60)


def amylase(value: float):
    return lab("amylase", value, "U/L", uln=100)


# (line, type, met, not met, unknown)
ROWS = [
    (COUNTS, EXC, (healthy(anc=anc(0.8)), healthy(platelets=platelets(40)), healthy(hemoglobin=hemoglobin(7.5))),
     (healthy(), healthy(anc=anc(1.2)), healthy(platelets=platelets(60))),
     (healthy(anc=None),)),
    (ENZYMES, EXC, (healthy(amylase(60), lipase(75)),), (healthy(amylase(60), lipase(35)),), (healthy(amylase(60)),)),
    (RENAL, INC, (healthy(), healthy(creatinine=creatinine(3.4))), (healthy(creatinine=creatinine(4.0)),), (healthy(creatinine=None),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_grade_is_judged_by_the_value(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected
