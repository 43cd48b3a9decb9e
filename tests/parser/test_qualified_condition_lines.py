"""Comorbid conditions asked with a qualifier Eligo leaves to a person ("uncontrolled",
"symptomatic", "active") where the line or the condition's own kind decides it after all
(issue 14; ``topics/qualified_conditions.py``, the ischaemia row of ``topics/events.py`` and the
infection bracket of ``normalize.py``), each decided on records.

- The line's own definition: "uncontrolled congestive heart failure [NYHA > class II]" is heart
  failure of class III or IV, no person's judgement; "uncontrolled hypertension [diastolic > 100
  mmHg]" is decided by the diastolic pressure.
- The condition's kind: heart failure is symptomatic from NYHA class II on, and of class III or
  IV significant heart disease; angina is symptomatic coronary artery disease, unstable angina
  is uncontrolled angina.
- "GI obstruction/perforation": the tract's obstruction by its short name, a history of one.
- The heart's ischaemia ("electrocardiographic evidence of acute ischemia", "active ischemia")
  is a state of ischaemic heart disease: a patient with none on record has none.
- Absent means absent throughout: no condition on record, no qualified condition. A qualifier
  the record cannot show ("uncontrolled" heart failure with no definition, "sustained"
  pressures, today's ischaemia beside a coded coronary disease) stays unknown, never decided.
"""

from __future__ import annotations

from typing import Any

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab, score

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()


def hf(nyha: int | None = None, *more: Any, days_ago: int = 700) -> PatientFacts:
    return adult(condition("heart_failure", days_ago), *([score("nyha", nyha)] if nyha is not None else []), *more)


CALM = (lab("systolic_bp", 130, "mm[Hg]"), lab("diastolic_bp", 80, "mm[Hg]"))


def htn(systolic: float | None = None, diastolic: float | None = None) -> PatientFacts:
    pressures = [] if systolic is None else [lab("systolic_bp", systolic, "mm[Hg]"), lab("diastolic_bp", diastolic or 80, "mm[Hg]")]
    return adult(condition("hypertension", 2000), *pressures)


def diabetic(glucose: float | None = None) -> PatientFacts:
    return adult(condition("diabetes", 2000), *([] if glucose is None else [lab("glucose", glucose, "mg/dL", uln=100)]))


def has(concept: str, days_ago: int = 365) -> PatientFacts:
    return adult(condition(concept, days_ago))


DEFINED: list[tuple[Any, ...]] = [
    # the bracket defines "uncontrolled": class III or IV, not the person's judgement of class II
    ("Unstable angina, uncontrolled congestive heart failure [NYHA > class II], uncontrolled hypertension [diastolic > 100 mmHg], "
     "uncontrolled cardiac arrhythmia, or recent (within 1 year) myocardial infarction", E,
     [hf(3), hf(4), htn(162, 105), has("unstable_angina")], [hf(2, *CALM), htn(150, 95)], [hf(2), hf(None, *CALM), htn()]),
    ("Uncontrolled congestive heart failure defined as New York Heart Association (NYHA) class II or greater", E,
     [hf(2), hf(4)], [CLEAN, hf(1)], [hf()]),
    ("Symptomatic congestive heart failure (New York Heart Association class III or IV heart disease)", E,
     [hf(3)], [CLEAN, hf(2)], [hf()]),
    ("No symptomatic congestive heart failure (New York Heart Association class III or IV heart disease)", I,
     [CLEAN, hf(2)], [hf(4)], [hf()]),
    # a definition's other words stay a person's ("despite optimal medical management")
    ("Uncontrolled hypertension defined as systolic blood pressure > 150 mmHg or diastolic blood pressure > 90 mmHg despite optimal medical management.",
     E, [htn(160, 80)], [htn(130, 80)], [htn(130, 95), htn()]),
    ("uncontrolled diabetes as defined by fasting serum glucose >1.5 x ULN", E, [diabetic(200)], [diabetic(110)], [diabetic()]),
    ("No poorly controlled hypertension (e.g., systolic BP ≥ 150 mm Hg or diastolic BP ≥ 95 mm Hg)", I,
     [htn(132, 82)], [htn(160, 90)], [htn()]),
]

BY_KIND: list[tuple[Any, ...]] = [
    ("Symptomatic congestive heart failure", E, [hf(2), hf(3)], [CLEAN, hf(1)], [hf()]),
    ("No symptomatic congestive heart failure", I, [CLEAN, hf(1)], [hf(2)], [hf()]),
    # another word beside the qualifier stays beside the class: class I fails it, class III is a person's
    ("symptomatic, uncontrolled congestive heart failure within 6 months", E, [], [CLEAN, hf(1, days_ago=100), hf(3)], [hf(3, days_ago=100)]),
    ("No symptomatic coronary artery disease", I, [CLEAN], [has("angina"), has("unstable_angina")], [has("coronary_artery_disease")]),
    ("No uncontrolled angina within the past 3 months", I, [CLEAN, has("angina", 400)], [has("unstable_angina", 30)], [has("angina", 30)]),
    # joined by "or" either qualifier may be the one that holds: left whole
    ("Symptomatic or uncontrolled congestive heart failure", E, [], [CLEAN], [hf(1), hf(3)]),
    # heart failure of class III or IV is significant heart disease, as is an infarction of the last
    # 3 months; whether it is uncontrolled, or another heart disease significant, stays a person's
    ("Clinically significant cardiac disease", E, [hf(3), has("myocardial_infarction", 60)], [CLEAN], [hf(2), has("myocardial_infarction", 400)]),
    ("Uncontrolled or significant cardiovascular disease", E, [hf(4)], [CLEAN], [hf(1), has("hypertension")]),
    ("No clinically significant heart disease", I, [CLEAN], [hf(3)], [hf()]),
    # (cond7: heart failure of class III-IV is uncontrolled under every definition the corpus
    # writes, as ``control`` reads "uncontrolled heart failure", and significant by any reading:
    # "uncontrolled heart disease" is met by it, alone or with significance; other kinds stay a person's)
    ("Significant, uncontrolled cardiac disease", E, [hf(3)], [CLEAN], [hf(2), has("atrial_fibrillation")]),
    ("Uncontrolled cardiac disease", E, [hf(4)], [CLEAN], [hf(1), has("atrial_fibrillation")]),
]

ISCHAEMIA: list[tuple[Any, ...]] = [
    ("Myocardial infarction within 6 months, uncontrolled angina, or electrocardiographic evidence of acute ischemia", E,
     [has("myocardial_infarction", 30), has("unstable_angina")], [CLEAN], [has("coronary_artery_disease"), has("myocardial_infarction", 1000)]),
    ("New York Heart Association class II - IV heart disease, active ischemia", E, [hf(2)], [CLEAN], [has("coronary_artery_disease")]),
    ("No evidence of cardiac ischemia", I, [CLEAN], [], [has("coronary_artery_disease")]),
    # another organ's ischaemia is not the heart's
    ("Acute limb ischemia", E, [], [], [CLEAN, has("coronary_artery_disease")]),
    # (a valve's disease is asked of a circulatory disease on record, topics.cardiac_heads)
    ("Ischemic or severe valvular heart disease", E, [has("coronary_artery_disease")], [CLEAN], [has("heart_failure")]),
]

OBSTRUCTION: list[tuple[Any, ...]] = [
    # the tract's obstruction by its short name, beside its perforation; a history of one, resolved
    ("History of GI obstruction/perforation, seizure disorders", E,
     [adult(condition("bowel_obstruction", 900, active=False)), adult(condition("gi_perforation", 900, active=False))], [CLEAN], []),
]

INFECTION: list[tuple[Any, ...]] = [
    # the bracket defines "uncontrolled": no infection on record, no uncontrolled one
    ("Uncontrolled bacterial, viral, or fungal infection (currently taking medication and progression of clinical symptoms)", E,
     [has("sepsis", 5)], [CLEAN], [has("active_infection", 5)]),
    ("Patients with current uncontrolled bacterial, viral or fungal infection (currently taking medication with evidence of progression "
     "of clinical symptoms or radiologic findings) are ineligible.", E, [has("sepsis", 5)], [CLEAN], [has("active_infection", 5)]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(DEFINED))
def test_a_qualifier_the_line_defines_is_decided_by_its_definition(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(BY_KIND))
def test_a_qualifier_the_condition_kind_holds_by_definition_is_decided(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ISCHAEMIA))
def test_the_heart_ischaemia_is_a_state_of_ischaemic_heart_disease(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(OBSTRUCTION))
def test_an_obstruction_of_the_tract_is_read_beside_its_perforation(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(INFECTION))
def test_an_uncontrolled_infection_bracket_defines_and_never_adds(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "uncontrolled hypertension (systolic > 160 mmHg), uncontrolled arrhythmia",
        "Uncontrolled hypertension, systolic blood pressure > 160 mmHg, or uncontrolled arrhythmia",
    ],
    ids=["defined", "listed-apart"],
)
def test_another_item_keeps_its_own_qualifier(text: str) -> None:
    """A definition takes the qualifier off its own condition only: an arrhythmia beside it stays
    'uncontrolled' (a person's), never any arrhythmia."""
    assert judged(parse_line(text, E), adult(condition("arrhythmia"))) is Outcome.UNKNOWN


def test_a_measure_listed_apart_defines_nothing() -> None:
    """'Uncontrolled hypertension, or systolic > 160': the pressure is an item of its own, so a
    controlled-looking pressure leaves the hypertension's control a person's."""
    line = parse_line("Uncontrolled hypertension, or a systolic blood pressure > 170 mmHg on two readings", E)
    assert judged(line, htn(165, 80)) is Outcome.UNKNOWN
