"""A recent event's span written as a bound in brackets (rules_engine.parser.recent_spans).

- "Recent (<3 months) myocardial infarction", "Recent myocardial infarction (< 1 month)": the
  event within the span (the bracket was an unread alternative and a patient with no infarction
  was left unknown; one with an infarction years ago was excluded).
- "suffered" / "experienced" say a history as "had" does: no words of their own beside the event.
- Left as they were: a bracket before a qualifier of the event ("Ongoing or recent (≤ 3 months)
  significant gastrointestinal bleeding"), a bracket after a list ("history of heart failure,
  recent myocardial infarction (< 6 months)"), a duration ("A short duration (< 2 weeks) of
  systemic corticosteroids").
"""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.recent_spans import ROWS
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render_rule
from tests.fixtures.records import AS_OF, adult, condition

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN


def decide(ctype: CriterionType, line: str, facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("NCT00000095", 1, parse_lines([(ctype, line)]))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


@pytest.mark.parametrize(
    "line, read",
    [
        ("Recent (<3 months) myocardial infarction", "myocardial-infarction within 3 months"),
        ("Recent myocardial infarction (< 1 month)", "myocardial-infarction within 1 month"),
        ("Recent venous thromboembolism (< 1 year)", "thromboembolism within 1 year"),
        ("Patients who have suffered a myocardial infarction", "myocardial-infarction"),
        ("Patients who have experienced a myocardial infarction", "myocardial-infarction"),
    ],
)
def test_the_bracket_dates_the_event(line: str, read: str) -> None:
    assert render_rule(parse_line(line, EXC).expr) == read


@pytest.mark.parametrize(
    "line, facts, outcome",
    [
        ("Recent (<3 months) myocardial infarction", adult(), NOT_MET),
        ("Recent (<3 months) myocardial infarction", adult(condition("myocardial_infarction", days_ago=30)), MET),
        ("Recent (<3 months) myocardial infarction", adult(condition("myocardial_infarction", days_ago=900)), NOT_MET),
    ],
)
def test_a_dated_event_decides_the_line(line: str, facts: PatientFacts, outcome: Outcome) -> None:
    assert decide(EXC, line, facts) is outcome


@pytest.mark.parametrize(
    "line, kept",
    [
        # ("Ongoing or recent (=< 3 months) significant gastrointestinal bleeding" is read by
        # recent_bleeding_spans: a gut bleeding is significant by its kind)
        (
            "symptomatic heart failure, history of heart failure, recent myocardial infarction (less than 6 months)",
            "6 months",
        ),
        ("A short duration (< 2 weeks) of systemic corticosteroids allowed", "2 weeks"),
    ],
)
def test_other_brackets_are_left_as_they_were(line: str, kept: str) -> None:
    assert kept in render_rule(parse_line(line, EXC).expr)
    assert "within 6 months" not in render_rule(parse_line(line, EXC).expr)


def test_the_rows_take_bounded_time_on_hostile_text() -> None:
    text = "recent " + "word " * 3000 + "(< 3 months " * 500 + "recent (" * 500
    start = time.perf_counter()
    for pattern, repl, _gate in ROWS:
        re.compile(pattern, re.I).sub(repl, text)
    assert time.perf_counter() - start < 0.5
