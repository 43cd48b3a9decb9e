""""Cardiac dysfunction" in an exclusion ("cardiac dysfunction (particularly congestive heart
failure)", "Cardiac dysfunction or arrhythmia", "History of cardiac dysfunction", ~35 corpus lines)
was left wholly to a person, so a record with an ejection fraction of 30 % met no part of it and
the patient was eligible. An ejection fraction below every lab's lower limit of normal (< 45 %) is
a dysfunction of the heart whatever else the line means; anything else stays a person's. A
dysfunction the line goes on to define or list is what those words say."""

from __future__ import annotations

import re

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language.render import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, healthy, lvef

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION

# the reading's own mark: the low ejection fraction beside the dysfunction's words as a review
_OWN_READING = re.compile(r'not LVEF >= 45 % or review unsupported "[^"]*dysfunction"', re.I)

ROWS = [
    # (line, type, met, not met, unknown)
    # (a record with a normal ejection fraction and no heart disease has none: the dysfunction's
    # review is asked of a patient with a heart disease on record, topics.cardiac_heads)
    ("cardiac dysfunction (particularly congestive heart failure)", E,
     [healthy(lvef=lvef(30)), healthy(condition("heart_failure"))], [healthy()], [adult(), healthy(condition("cardiomyopathy"))]),
    ("Cardiac dysfunction or arrhythmia", E,
     [healthy(lvef=lvef(40)), healthy(condition("arrhythmia"))], [healthy(lvef=lvef(50))], [adult()]),
    ("History of cardiac dysfunction", E, [healthy(lvef=lvef(44))], [healthy(lvef=lvef(45))], [adult()]),
    ("No cardiac dysfunction", I, [healthy()], [healthy(lvef=lvef(30))], [adult()]),
    # a severity beside it stays a person's: a low ejection fraction is not yet "severe"
    ("Active uncontrolled infection, severe cardiac dysfunction or uncorrectable bleeding tendency", E,
     [], [], [healthy(lvef=lvef(30))]),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_an_ejection_fraction_below_every_normal_limit_is_cardiac_dysfunction(
    line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize(
    "line",
    [
        # the heading's lines below decide (an MI last month with a normal ejection fraction is
        # met by its own line): an ejection fraction joined to the heading would hide them
        "Patient has a history of cardiac dysfunction including any of the following:",
        "History of clinically significant cardiac dysfunction, including:",
        "No intercurrent cardiac dysfunction including, but not limited to, any of the following:",
        "Cardiac dysfunction documented by an ejection fraction less than the lower limit of the facility normal by MUGA scan",
    ],
)
def test_a_dysfunction_the_line_goes_on_to_define_or_list_is_not_read_as_a_low_ejection_fraction(line: str) -> None:
    assert not _OWN_READING.search(render_rule(parse_line(line, E).expr))


def test_a_dysfunction_defined_by_its_measurement_reads_the_measurement() -> None:
    line = "Cardiac left ventricular dysfunction with resting ejection fraction of less than institutional lower limit of normal"
    assert not _OWN_READING.search(render_rule(parse_line(line, E).expr))
    assert judged(parse_line(line, E), healthy(lvef=lvef(60))) is Outcome.NOT_MET
