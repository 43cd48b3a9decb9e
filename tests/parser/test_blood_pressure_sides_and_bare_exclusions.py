"""Blood pressures written by their side alone, and a bracket that states whom an inclusion keeps out
with a bare "excluded" (issue 14, criteria read right), each decided on records.

- "systolic > 150", "(diastolic > 100 mmHg)": the side's pressure, as "systolic blood pressure >
  150" is read (topics.labs); never the heart's "systolic dysfunction".
- ">= 150 mmHg systolic and/or >= 100 mmHg diastolic", "BP > 150 mm Hg systolic or > 100 mm Hg
  diastolic": the side named after its bound (topics.labs).
- "systolic blood pressure of 140 mmHg or greater": the comparator after the number (normalize).
- "Adequate cardiac function (NYHA III-IV excluded)": those classes keep the patient out; read as
  a requirement, every patient without heart failure failed the line (parser.line).
"""

from __future__ import annotations

from typing import Any

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import age, condition, lab, record, sex

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def patient(*items) -> PatientFacts:
    return record(age(60), sex("male"), condition("nsclc"), *items)


NONE = patient()


def bp(systolic: float | None = None, diastolic: float | None = None) -> PatientFacts:
    parts = [lab("systolic_bp", systolic, "mm[Hg]")] if systolic is not None else []
    parts += [lab("diastolic_bp", diastolic, "mm[Hg]")] if diastolic is not None else []
    return patient(*parts)


def hf(nyha: int | None = None) -> PatientFacts:
    return patient(condition("heart_failure"), *([lab("nyha", nyha)] if nyha is not None else []))


SIDE_ALONE: list[tuple[Any, ...]] = [
    ("Uncontrolled hypertension, defined as systolic greater than 140 mm Hg or diastolic greater than 90 mm Hg", EXC,
     (bp(150, 80), bp(130, 95)), (bp(130, 80),), (bp(130),)),
    ("Current uncontrolled hypertension (systolic >150 mmHg and/or diastolic >100 mmHg)", EXC,
     (bp(160, 80), bp(140, 105)), (bp(140, 95),), ()),
    # (both sides joined by "and" are one item, so the list around them keeps its alternatives)
    ("NYHA class III heart failure, uncontrolled hypertension (systolic >= 160 and diastolic >= 110), or unstable angina", EXC,
     (hf(3), bp(170, 115)), (bp(170, 100),), ()),
    ("uncontrolled hypertension (diastolic > 100 mmHg)", EXC, (bp(130, 105),), (bp(130, 80),), ()),
    # (in square brackets too: the bracket defines "uncontrolled", so the bound decides it alone,
    # topics.qualified_conditions)
    ("uncontrolled hypertension [diastolic > 100 mmHg]", EXC, (bp(130, 105),), (bp(130, 80),), ()),
    ("systolic < 150 and diastolic < 90", INC, (bp(140, 80),), (bp(160, 80), bp(140, 95)), (NONE,)),
    # (the heart's systolic function is no pressure)
    ("Left ventricular systolic dysfunction", EXC, (), (), (bp(200, 120),)),
]

SIDE_AFTER: list[tuple[Any, ...]] = [
    ("Inadequately controlled hypertension (defined as a blood pressure of >= 150 mmHg systolic and/or >= 100 mmHg diastolic)", EXC,
     (bp(150, 80), bp(130, 100)), (bp(140, 90),), ()),
    ("Hypertension defined as sustained BP > 150 mm Hg systolic or > 100 mm Hg diastolic", EXC, (bp(160, 80),), (), ()),
    # (both sides in one phrase are one item: the list around it is never split at their "and",
    # so NYHA class III still excludes whatever the pressure)
    ("NYHA class III or IV heart disease, uncontrolled hypertension (blood pressure >/= 160 systolic and >/= 110 diastolic), or unstable angina",
     EXC, (hf(3), bp(170, 115)), (bp(170, 100),), ()),
    ("Blood pressure < 150 mmHg systolic and < 90 mmHg diastolic", INC, (bp(140, 80),), (bp(150, 80), bp(140, 90)), (NONE,)),
]

POSTFIX: list[tuple[Any, ...]] = [
    ("Poorly controlled hypertension (systolic blood pressure of 140mmHG or greater or diastolic blood pressure of 90mmHg or greater).", EXC,
     (bp(140, 80), bp(130, 90)), (bp(130, 80),), ()),
]

BARE_EXCLUDED: list[tuple[Any, ...]] = [
    # the bracket's classes keep out; the wrapper is what the bracket defines, so a patient without
    # heart failure, or in class II, meets the line
    ("Adequate cardiac functions (New York Heart Association (NYHA) cardiac III-IV excluded)", INC,
     (NONE, hf(2)), (hf(3), hf(4)), ()),
    ("Adequate cardiac function (NYHA class III or IV excluded)", INC, (NONE, hf(1)), (hf(3),), ()),
]


CASES = outcome_cases(SIDE_ALONE + SIDE_AFTER + POSTFIX + BARE_EXCLUDED)


@pytest.mark.parametrize("text,ctype,facts,expected", CASES)
def test_a_pressure_or_stated_exclusion_is_decided_by_the_record(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("text", [row[0] for row in BARE_EXCLUDED])
def test_a_bare_excluded_bracket_never_asks_for_the_classes(text: str) -> None:
    """A patient with no heart failure is never failed by the classes the bracket keeps out."""
    assert judged(parse_line(text, INC), NONE) is not Outcome.NOT_MET
