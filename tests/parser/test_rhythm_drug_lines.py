"""A line that is the heart's rhythm drugs alone ("Medication that changes heart rhythms",
"Condition requiring anti-arrhythmic therapy") is the drug on record now (topics.rhythm_drugs): a
class I or III antiarrhythmic meets it, a beta-blocker or AV-nodal calcium channel blocker is a
person's (it may be given for the blood pressure), none on record is none. A line that names a
rhythm disorder, a class number or an exception keeps its own reading. Real corpus lines."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language.render import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import healthy, medication

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION

ROWS = [
    # (line, type, met, not met, unknown)
    ("Medication that changes heart rhythms", E,
     [healthy(medication("antiarrhythmic_therapy", days_ago=2))],
     [healthy(), healthy(medication("antiarrhythmic_therapy", days_ago=200))],
     [healthy(medication("beta_blocker", days_ago=1))]),
    ("Condition requiring anti-arrhythmic therapy", E,
     [healthy(medication("antiarrhythmic_therapy", days_ago=1))], [healthy()], [healthy(medication("nondihydropyridine_ccb", days_ago=1))]),
    ("No concurrent antiarrhythmic drugs", I,
     [healthy()], [healthy(medication("antiarrhythmic_therapy", days_ago=1))], [healthy(medication("beta_blocker", days_ago=1))]),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_a_rhythm_drug_line_is_the_drug_on_record(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize(
    "line",
    [
        "Cardiac arrhythmias requiring anti-arrhythmic therapy other than beta blockers or digoxin",
        "Current use of any investigational agent or Class 1 anti-arrhythmic drugs",
        "Cardiac ventricular arrhythmias requiring anti-arrhythmic therapy",
    ],
)
def test_a_line_naming_more_keeps_its_reading(line: str) -> None:
    assert "given against the heart's rhythm" not in render_rule(parse_line(line, E).expr)


def test_hostile_text_is_read_in_bounded_time() -> None:
    text = ("no concurrent use of any anti-arrhythmic medications that change heart rhythms " * 300)[:20_000]
    started = time.process_time()
    for ctype in (E, I):
        parse_line(text, ctype)
    assert time.process_time() - started < 1.0
