"""A daily dose of hydroxyurea a leukaemia line bounds (parser.topics.hydroxyurea_dose, issue 14,
rx11): "Patients who need a daily dose of hydroxyurea greater than 3 g to control leukocytosis"
(holdout T164). A patient taking 4 g a day now is excluded; one taking 2 g a day, one with no
hydroxyurea and one whose hydroxyurea stopped months ago are not; one on hydroxyurea whose dose
the record does not state is a person's to judge (never cleared).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.topics.hydroxyurea_dose import hydroxyurea_dose_items
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, lab, medication

EXC = CriterionType.EXCLUSION

T164 = "Patients who need a daily dose of hydroxyurea greater than 3 g to control leukocytosis."
MG = "Requiring hydroxyurea > 3000 mg daily"
AT_LEAST = "Patients on hydroxyurea at a daily dose of at least 2 g"


def hydroxyurea(mg: float | None, days_ago: int = 1):
    taken = medication("hydroxyurea", days_ago)
    return (taken,) if mg is None else (taken, lab("hydroxyurea_dose", mg, "mg/d", days_ago=days_ago))


# (line, type, met, not met, unknown)
ROWS = [
    (T164, EXC, (healthy(*hydroxyurea(4000)), healthy(*hydroxyurea(3500, days_ago=10))),
     (healthy(), healthy(*hydroxyurea(2000)), healthy(*hydroxyurea(3000)), healthy(*hydroxyurea(4000, days_ago=120))),
     (healthy(*hydroxyurea(None)),)),
    (MG, EXC, (healthy(*hydroxyurea(3001)),), (healthy(), healthy(*hydroxyurea(3000))), (healthy(*hydroxyurea(None)),)),
    (AT_LEAST, EXC, (healthy(*hydroxyurea(2000)),), (healthy(), healthy(*hydroxyurea(1500))), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_the_dose_taken_now_decides(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text,rule", [
    (T164, "hydroxyurea within 14 days and hydroxyurea-dose > 3000 mg/d"),
    (MG, "hydroxyurea within 14 days and hydroxyurea-dose > 3000 mg/d"),
    (AT_LEAST, "hydroxyurea within 14 days and hydroxyurea-dose >= 2000 mg/d"),
    ("Patients who require hydroxyurea at a dose of more than 2 grams per day", "hydroxyurea within 14 days and hydroxyurea-dose > 2000 mg/d"),
])
def test_the_reading_names_the_drug_now_and_its_daily_dose(text, rule):
    assert rule_of(text, EXC) == rule


@pytest.mark.parametrize("text", [
    "hydroxyurea at a dose of more than 3 g/m2 per day",  # per square metre: no daily dose a record holds
    "a dose of hydroxyurea greater than 3 g",  # per day or per course: the words do not say
    "except for hydroxyurea (maximum daily dose is 3 g)",  # a dose permitted, the exception grammar's
    "hydroxyurea (500-3000 mg daily)",
])
def test_a_dose_not_daily_or_not_above_a_bound_is_not_read_here(text):
    assert hydroxyurea_dose_items(text) == []


def test_an_adversarial_line_reads_in_50_ms():
    lines = ["daily dose of hydroxyurea " * 350 + "greater than", "hydroxyurea at a daily dose of " * 300 + "more than 3 x",
             "who need " * 800 + "hydroxyurea > 3 g" + " to control" * 200]
    for line in lines:  # (each of about 9,000 characters, read in linear time)
        start = time.perf_counter()
        hydroxyurea_dose_items(line)
        assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
