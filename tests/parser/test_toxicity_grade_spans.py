"""A span of toxicity grades ("Grade 3 or 4 non-hematological toxicity", "Grade 2-4 nausea",
"toxicities (grade 3 or 4)"): the grades from its lower end up when it reaches the scale's top.
Read as its lower end alone, the bare grade of "recovered to grade 2", it was a bound at most, which
a grade 4 toxicity failed in an exclusion (let through) and a grade 1 one met; read before the word
it was left to review. Recovery from the span ("Recovery from grade 2-4 toxicities", "all grade
2-4 toxicities should have resolved", "(Grade 3 or 4) to < Grade 2") is the grades below it, and a
past span ("History of grade 3 or 4 toxicity to dasatinib") no grade now. Rows: a registry line,
then the records that make it met, not met and unknown."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, score

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

GRADE = {g: adult(score("toxicity_grade", g, days_ago=3)) for g in range(5)}

ROWS = [
    ("Grade 3 or 4 non-hematologic toxicity from prior therapy", EXC, (GRADE[3], GRADE[4]), (GRADE[0], GRADE[1], GRADE[2]), ()),
    ("Grade III or IV toxicity due to previous anti-neoplastic therapy", EXC, (GRADE[3], GRADE[4]), (GRADE[1], GRADE[2]), ()),
    ("Persistent toxicities of grade 2-4 from prior therapy", EXC, (GRADE[2], GRADE[4]), (GRADE[0], GRADE[1]), ()),
    ("Unresolved adverse events grade 3 to 4", EXC, (GRADE[3], GRADE[4]), (GRADE[2],), ()),
    ("No grade III or IV toxicity due to previous antineoplastic therapy", INC, (GRADE[1], GRADE[2]), (GRADE[3], GRADE[4]), ()),
    ("Recovery from toxicities of prior therapy, grade 2-4", INC, (GRADE[0], GRADE[1]), (GRADE[2], GRADE[4]), ()),
    ("All toxicities grade 2-4 must have resolved", INC, (), (GRADE[2], GRADE[4]), (GRADE[0], GRADE[1])),
    # ("therapy-related" restates what the record's grade is of: no review beside the bound)
    ("Recovered from any previous therapy-related toxicity (Grade 3 or 4) to < Grade 2", INC, (GRADE[0], GRADE[1]), (GRADE[2], GRADE[3]), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_span_of_toxicity_grades_is_its_grades(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text", [
    "History of grade 3 or 4 toxicity to dasatinib",
    "Recovery from grade 2-4 therapy-related toxicities",
])
def test_a_past_or_recovered_span_before_the_word_is_no_grade_now(text: str) -> None:
    for facts in (GRADE[4], GRADE[0]):
        assert judged(parse_line(text, EXC), facts) is not Outcome.MET


def test_a_hostile_span_is_read_quickly() -> None:
    started = time.perf_counter()
    parse_line("toxicity grade 3 or 4 " + "should have been " * 1200 + "x" * 2000, EXC)
    parse_line("grade 2-4 " * 2000 + "toxicity", EXC)
    assert time.perf_counter() - started < 5.0
