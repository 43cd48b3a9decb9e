"""Transfusion dependence (topics.transfusion_dependence).

A record dates transfusions but does not count their units: a dependence needs a transfusion
inside the period the line counts over (its own, else 16 weeks, the longest definition), and with
one the units are a person's. "Red blood cell transfusion-dependent with ... at least one unit of
RBCs per month for the 2 months prior" (holdout NCT01034592) left a patient with no transfusion
on record possibly eligible.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.topics.transfusion_dependence import transfusion_dependence_items
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, procedure

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

NONE = adult()
RED_CELLS_20 = adult(procedure("rbc_transfusion", 20), procedure("transfusion", 20))
RED_CELLS_90 = adult(procedure("rbc_transfusion", 90), procedure("transfusion", 90))
RED_CELLS_300 = adult(procedure("rbc_transfusion", 300), procedure("transfusion", 300))
PLATELETS_20 = adult(procedure("platelet_transfusion", 20), procedure("transfusion", 20))
ANY_20 = adult(procedure("transfusion", 20))

# (line, type, met, not met, unknown)
ROWS = [
    # the line's own period: 2 months
    ("Red blood cell transfusion-dependent with a requirement of at least one unit of RBCs per month for the 2 months prior to study enrollment",
     INC, (), (NONE, RED_CELLS_90), (RED_CELLS_20, ANY_20)),
    # none written: 16 weeks
    ("Red blood cell transfusion-dependent as defined by:", INC, (), (NONE, RED_CELLS_300), (RED_CELLS_90,)),
    ("Platelet transfusion-dependent as defined by:", INC, (), (NONE, RED_CELLS_300), (PLATELETS_20, ANY_20)),
    # an exclusion: no transfusion, no dependence; one, a person's
    ("Subjects who are transfusion dependent", EXC, (), (NONE, RED_CELLS_300), (RED_CELLS_20, PLATELETS_20)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_transfusion_dependence_is_judged_by_the_transfusions_on_record(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text", [
    "with or without red blood cell transfusion dependence",
    "Patients who are not transfusion dependent",
    "non-transfusion dependent lower-risk MDS",
    "regardless of transfusion dependence",
    "Platelet count at least 100,000/mm3 (transfusion independent)",
    # a subgroup's or one part's requirement (holdout T242, T245)
    "Patients with MDS must have IPSS score that falls in the intermediate or high risk disease (intermediate 1 will have to be transfusion dependent).",
    "For phase 3, participants should have anemia with RBC transfusion dependence confirmed within 8 weeks before enrollment",
])
def test_a_dependence_set_aside_or_denied_is_not_read(text):
    assert transfusion_dependence_items(text) == []


def test_adversarial_input_is_fast():
    import time

    start = time.perf_counter()
    transfusion_dependence_items("not " + "word " * 500 + "transfusion dependent " + "9" * 60)
    transfusion_dependence_items("red blood cell " * 300 + "transfusion-dependent")
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
