"""How a blood pressure is established, said beside it (parser.remarks).

"defined as sustained systolic blood pressure > 160
mmHg", "blood pressure consistently greater than 150/100" (6 lines) compare the pressure on record;
each was the reading beside a review, which left a patient past the line's own limit unknown
(holdout T265-bp-170). A line whose subject is the independence itself stays that reading.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


@pytest.mark.parametrize("text,ctype,rule", [
    ("Patients with uncontrolled hypertension (defined as sustained systolic blood pressure > 160 mmHg or diastolic blood pressure > 100 mmHg)", EXC,
     "systolic-BP > 160 mm[Hg] or diastolic-BP > 100 mm[Hg]"),
    ("Uncontrolled hypertension (sustained systolic blood pressure > 150 mmHg or diastolic pressure > 100 mmHg)", EXC,
     "systolic-BP > 150 mm[Hg] or diastolic-BP > 100 mm[Hg]"),
])
def test_the_remark_leaves_the_limit_alone(text, ctype, rule):
    criterion = parse_line(text, ctype)
    assert render_rule(criterion.expr, criterion.applies_if) == rule


@pytest.mark.parametrize("text", [
    # the independence is the subject: its definition is read
    "Subjects must be platelet transfusion independent (Platelet transfusion independence is defined as 7 days or greater without a platelet transfusion)",
    # "sustained" of a disease, not of a measured pressure
    "Patients who have sustained hypertension, defined as a systolic blood pressure (SBP) of > 140 mm Hg",
])
def test_the_subject_itself_is_not_blanked(text):
    from rules_engine.parser.remarks import blank_remarks

    assert ("transfusion independent" in blank_remarks(text)) or ("sustained hypertension" in blank_remarks(text))


@pytest.mark.parametrize("text, rule", [
    # the condition of measurement said before the saturation it conditions ("room air oxygen
    # saturation"; 4 corpus lines): the saturation on record is compared, as "on room air" after it
    ("Adequate pulmonary function as indicated by room air oxygen saturation of >94%", "spo2 > 94 %"),
    ("room air O2 saturation > 92%", "spo2 > 92 %"),
    ("Pulse oximetry > 94% on room air", "spo2 > 94 %"),
])
def test_room_air_before_the_saturation_annotates_it(text, rule):
    criterion = parse_line(text, INC)
    assert render_rule(criterion.expr, criterion.applies_if) == rule
