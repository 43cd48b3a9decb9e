"""Organ function asked for as a whole with no limits written (topics.organ_overall).

"Adequate organ function", "Normal organ and marrow function", "The participant has adequate organ
and blood cell counts" (about 100 corpus lines) were each a review whole; a bilirubin at five times
the limit passed as possibly eligible (holdout T325). The liver's and the kidneys' bands decide a
patient past CTCAE grade 2; every other patient is a person's.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.topics.organ_overall import overall_organ_items
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import alt, bilirubin, creatinine, healthy, lab

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def clearance(value: float):
    return lab("creatinine_clearance", value, "mL/min")


GRADE3 = (healthy(bilirubin=bilirubin(6.0)), healthy(alt=alt(210)), healthy(creatinine=creatinine(4.0), creatinine_clearance=clearance(24)))

# (line, type, met, not met, unknown)
ROWS = [
    ("Adequate organ function", INC, (), GRADE3, (healthy(), healthy(alt=alt(100)))),
    ("The participant has adequate organ and blood cell counts", INC, (), GRADE3, (healthy(),)),
    ("Organ Function: Must have adequate organ and marrow function", INC, (), GRADE3, (healthy(),)),
    ("Adequate hematologic and end organ function", INC, (), GRADE3, (healthy(),)),
    ("Patient has adequate bone marrow and organ function", INC, (), GRADE3, (healthy(),)),
    # "normal" organ function is read by the same bands: the template's limits pass the normal range
    ("Normal organ and marrow function", INC, (), GRADE3, (healthy(alt=alt(90)),)),
    # a time window or a table of the protocol writes no limit
    ("Adequate organ function documented within 14 days of registration as laboratory tests per protocol.", INC, (), GRADE3, (healthy(),)),
    ("Adequate organ function as defined in Table 2", INC, (), GRADE3, (healthy(),)),
    # an exclusion excludes by the lack
    ("Inadequate organ function within 28 days prior to randomization", EXC, GRADE3, (), (healthy(),)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_organ_function_as_a_whole_is_judged_by_the_bands(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text", [
    # limits written, or listed below: the limits' reading
    "Adequate organ function as defined below:",
    "Adequate organ function as determined by the following laboratory values",
    "Adequate organ function with creatinine less than or equal to 2.0 mg/dL",
    # an exception the bands could overrule
    "Adequate organ function, patients with elevated creatinine due to myeloma are not excluded",
    # negated or unnamed: not this reading's
    "No impaired organ function",
    "Adequate performance status and organ function",
])
def test_lines_with_limits_exceptions_or_no_whole_are_not_read_here(text):
    assert overall_organ_items(text, False, []) == []


def test_adversarial_input_is_fast():
    import time

    text = "adequate " + "marrow and " * 500 + "organ " * 500 + "9" * 60
    start = time.perf_counter()
    overall_organ_items(text, False, [])
    overall_organ_items("adequate organ" + " and marrow" * 500, False, [])
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
