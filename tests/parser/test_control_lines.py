"""Hypertension and diabetes asked "uncontrolled" or "poorly controlled" with no limits of the
line's own (``topics/control.py``; 144 and 71 corpus lines): a recorded pressure above 160/100
(an HbA1c above 8%) is uncontrolled under every definition the corpus writes, one under 140/90
(6% or less) controlled under all of them; between, or unmeasured, the line stays a person's.
A patient with neither disease is not asked (absent means absent), unless a measurement on
record past every limit shows the uncontrolled disease itself (182/112 mmHg, an HbA1c of 9%)."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION


def hypertensive(systolic: float | None = None, diastolic: float | None = None) -> PatientFacts:
    pressures = [] if systolic is None else [lab("systolic_bp", systolic, "mm[Hg]"), lab("diastolic_bp", diastolic or 80, "mm[Hg]")]
    return adult(condition("hypertension", 2000), *pressures)


def diabetic(hba1c: float | None = None) -> PatientFacts:
    return adult(condition("diabetes", 2000), *([] if hba1c is None else [lab("hba1c", hba1c, "%")]))


CLEAN = adult()
HIGH_PRESSURE_ALONE = adult(lab("systolic_bp", 185, "mm[Hg]"), lab("diastolic_bp", 115, "mm[Hg]"))
DIASTOLIC_HIGH_ALONE = adult(lab("systolic_bp", 150, "mm[Hg]"), lab("diastolic_bp", 112, "mm[Hg]"))
BETWEEN_ALONE = adult(lab("systolic_bp", 150, "mm[Hg]"), lab("diastolic_bp", 95, "mm[Hg]"))
HIGH_HBA1C_ALONE = adult(lab("hba1c", 9.1, "%"))

ROWS = [
    ("Uncontrolled hypertension", E, [hypertensive(185, 115), hypertensive(168, 98), hypertensive(150, 105), HIGH_PRESSURE_ALONE, DIASTOLIC_HIGH_ALONE],
     [CLEAN, hypertensive(128, 78), BETWEEN_ALONE], [hypertensive(), hypertensive(150, 92), hypertensive(140, 80)]),
    ("Any significant, uncontrolled hypertension", E, [hypertensive(185, 115)], [hypertensive(120, 70)], [hypertensive(152, 88)]),
    ("No uncontrolled hypertension", I, [CLEAN, hypertensive(120, 70), BETWEEN_ALONE], [hypertensive(170, 90), HIGH_PRESSURE_ALONE], [hypertensive()]),
    ("Poorly controlled diabetes mellitus", E, [diabetic(11.2), diabetic(8.5), HIGH_HBA1C_ALONE], [CLEAN, diabetic(5.8), diabetic(6.0), adult(lab("hba1c", 7.2, "%"))],
     [diabetic(), diabetic(7.2)]),
    ("uncontrolled intercurrent illness including, but not limited to, uncontrolled hypertension, uncontrolled diabetes, or psychiatric illness",
     E, [hypertensive(175, 95), diabetic(10)], [], [CLEAN, hypertensive(120, 70)]),
    # -- a history of it is not today's pressure
    ("History of uncontrolled hypertension", E, [], [CLEAN], [hypertensive(120, 70), hypertensive(185, 115)]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_control_is_read_where_every_definition_agrees(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Uncontrolled hypertension (systolic BP > 180 mmHg or diastolic BP > 110 mmHg)",
        "Poorly controlled hypertension (systolic blood pressure of 190mmHG or greater or diastolic blood pressure of 120mmHg or greater).",
        "No poorly controlled diabetes (fasting blood glucose > 250) despite optimization of medical therapy",
    ],
    ids=["own-limits-read", "own-limits-unread", "own-measure-unread"],
)
def test_a_line_with_its_own_limits_is_never_given_ours(text: str) -> None:
    """170/105 is uncontrolled by ours, not by a trial whose limit is 180/110: its words decide (or a person)."""
    kind = I if text.startswith("No ") else E
    facts = hypertensive(170, 105) if "hypertension" in text else diabetic(9)
    decided_against = Outcome.NOT_MET if kind is I else Outcome.MET
    assert judged(parse_line(text, kind), facts) is not decided_against
