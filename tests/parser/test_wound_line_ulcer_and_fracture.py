"""The ulcer and the bone fracture a wound line lists beside its wound ("Serious non-healing wound,
ulcer, or bone fracture"; ~110 corpus lines, ``topics/wounds.py``): a record with none of them is
not excluded (left unread, the two words kept the line unknown for every patient); a non-healing
wound or chronic ulcer on record is; a peptic ulcer or an injury on record leaves it to a person."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
WOUND = adult(condition("nonhealing_wound", 40))
PEPTIC = adult(condition("peptic_ulcer", 40))
INJURY = adult(condition("traumatic_injury", 20))
HEALED_INJURY = adult(condition("traumatic_injury", 2000, active=False))

ROWS = [
    ("Serious, non-healing wound, ulcer, or bone fracture", E, [WOUND], [CLEAN, HEALED_INJURY], [PEPTIC, INJURY]),
    ("Presence of any non-healing wound, fracture, or ulcer", E, [WOUND], [CLEAN], [PEPTIC, INJURY]),
    ("Subjects with delayed healing of wounds, ulcers, and/or bone fractures", E, [WOUND], [], [INJURY]),
    ("No serious, non-healing wound, ulcer, or bone fracture", I, [CLEAN], [WOUND], [INJURY, PEPTIC]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_wound_lines_ulcer_and_fracture_are_read(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected

