"""An "ongoing or recent (<= N months) significant gastrointestinal bleeding" (the dasatinib
template's exclusion, 5 corpus records) is the gut bleeding on record within the window; an older
one on record is a person's (the record dates a bleeding by its onset and may not have closed the
episode), none on record is none (recent_bleeding_spans). A qualifier that defines ("significant
(>= grade 3)") keeps its own reading. Real corpus lines."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language.render import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import condition, healthy

E = CriterionType.EXCLUSION

ROWS = [
    # (line, type, met, not met, unknown)
    ("Ongoing or recent (=< 3 months) significant gastrointestinal bleeding", E,
     [healthy(condition("gi_hemorrhage", days_ago=40))], [healthy()], [healthy(condition("gi_hemorrhage", days_ago=200))]),
    ("Ongoing or recent (≤ 3 months) significant gastrointestinal bleeding.", E,
     [healthy(condition("gi_hemorrhage", days_ago=10))], [healthy(), healthy(condition("gi_hemorrhage", days_ago=300, active=False))],
     [healthy(condition("gi_hemorrhage", days_ago=300))]),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_an_ongoing_or_recent_gut_bleeding_is_one_within_the_window(
    line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


def test_a_defining_qualifier_keeps_its_own_reading() -> None:
    rendered = render_rule(parse_line("Ongoing or recent (≤3 months) significant (≥grade 3) GI bleeding", E).expr)
    assert "review" in rendered and "within 3 months" not in rendered


def test_hostile_text_is_read_in_bounded_time() -> None:
    text = ("ongoing or recent (<= 3 months) significant gastrointestinal bleeding recent ( " * 300)[:20_000]
    started = time.process_time()
    parse_line(text, E)
    assert time.process_time() - started < 1.0
