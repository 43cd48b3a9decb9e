"""Organ-disease lines: the cardiovascular, thyroid and liver (Child-Pugh) exclusions registries
write in prose, and the heart-failure class of the NYHA lines.

A disease the line names is a coded condition: absent from the record it is absent (contract
section 4), so the line is decided for a patient without it. What only a person can weigh
("clinically significant", "uncontrolled", "unstabilised") stays a review beside the disease:
never met by the adjective alone, never cleared for a patient who has the disease. Every
narrower circulatory disease is a kind of "cardiovascular disease". The Child-Pugh score is a
measurement: absent from the record it is unknown; a class names a span of scores (A 5-6, B 7-9,
C 10-15). The wordings are general ones the corpus uses.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, procedure, score

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

NONE = adult()
HEART_FAILURE = adult(condition("heart_failure"))
HEART_FAILURE_CLASS_2 = adult(condition("heart_failure"), score("nyha", 2))
HEART_FAILURE_CLASS_3 = adult(condition("heart_failure"), score("nyha", 3))
HEART_FAILURE_CLASS_4 = adult(condition("heart_failure"), score("nyha", 4))
MI_LAST_MONTH = adult(condition("myocardial_infarction", 30))
MI_TWO_YEARS = adult(condition("myocardial_infarction", 730))
HYPERTENSION = adult(condition("hypertension"))
STROKE = adult(condition("stroke"))
ANY_CIRCULATORY = adult(condition("cardiovascular_disease"))
ANGINA = adult(condition("angina"))
UNSTABLE_ANGINA = adult(condition("unstable_angina"))
ANGINA_TWO_YEARS = adult(condition("angina", 730))
CARDIOMYOPATHY = adult(condition("cardiomyopathy"))
PAST_CRISIS = adult(condition("hypertensive_crisis", 2000, active=False))
PULMONARY_HYPERTENSION = adult(condition("pulmonary_hypertension"))
HYPOTHYROID = adult(condition("hypothyroidism"))
HYPERTHYROID = adult(condition("hyperthyroidism"))
THYROID = adult(condition("thyroid_disease"))
DIABETES = adult(condition("diabetes"))
KIDNEY_GRAFT = adult(procedure("organ_transplant"))
MARROW_GRAFT = adult(procedure("allo_hsct"))
CP5, CP7, CP8, CP10 = (adult(score("child_pugh", n)) for n in (5, 7, 8, 10))
CIRRHOSIS = adult(condition("liver_disease"))
CIRRHOSIS_CP5 = adult(condition("liver_disease"), score("child_pugh", 5))
CIRRHOSIS_CP10 = adult(condition("liver_disease"), score("child_pugh", 10))

Row = tuple[str, tuple[PatientFacts, ...], tuple[PatientFacts, ...], tuple[PatientFacts, ...]]

# (line, met, not met, unknown) -- exclusions: met means the patient is excluded
CARDIOVASCULAR: list[Row] = [
    # the qualifier a person weighs: any circulatory disease leaves it to review, none decides it
    ("Clinically significant cardiovascular disease", (), (NONE, DIABETES), (ANY_CIRCULATORY, HEART_FAILURE, HYPERTENSION, STROKE, MI_TWO_YEARS)),
    ("Uncontrolled or significant cardiovascular disease", (), (NONE,), (HEART_FAILURE, ANY_CIRCULATORY)),
    ("Currently active, clinically significant cardiovascular disease", (), (NONE,), (HEART_FAILURE,)),
    # plain: a coded kind of it excludes
    ("History of cardiovascular disease", (ANY_CIRCULATORY, HEART_FAILURE, STROKE), (NONE, DIABETES), ()),
    # a window holds: an infarction two years ago is outside it (one last month is significant
    # heart disease, test_recent_coronary_event_significance)
    ("Significant cardiovascular disease within 6 months of screening.", (MI_LAST_MONTH,), (NONE, MI_TWO_YEARS), ()),
]

CARDIAC_NAMES: list[Row] = [
    ("Active angina pectoris", (ANGINA, UNSTABLE_ANGINA), (NONE, HEART_FAILURE), ()),
    ("Unstable or uncontrolled angina", (), (NONE,), (ANGINA,)),
    ("Angina pectoris =< 12 months prior to starting drug", (ANGINA,), (NONE, ANGINA_TWO_YEARS), ()),
    ("Known history of cardiomyopathy", (CARDIOMYOPATHY,), (NONE, ANGINA), ()),
    ("Any prior history of hypertensive crisis or hypertensive encephalopathy.", (PAST_CRISIS,), (NONE,), ()),
    ("Known history of pulmonary hypertension", (PULMONARY_HYPERTENSION,), (NONE, HYPERTENSION), ()),
    # "congestive" belongs to the failure the class qualifies: class I-II is not excluded
    ("NYHA class III or IV congestive heart failure", (HEART_FAILURE_CLASS_3,), (NONE, HEART_FAILURE_CLASS_2), (HEART_FAILURE,)),
    ("New York Heart Association class III-IV congestive heart failure", (HEART_FAILURE_CLASS_3,), (NONE, HEART_FAILURE_CLASS_2), (HEART_FAILURE,)),
    # a third class listed belongs to the list: class IV is excluded too
    ("New York Heart Association class II, III or IV heart failure", (HEART_FAILURE_CLASS_2, HEART_FAILURE_CLASS_4), (NONE,), (HEART_FAILURE,)),
    # another alternative after the class is read as its own
    ("NYHA class III-IV, or congestive heart failure requiring treatment", (HEART_FAILURE_CLASS_4,), (NONE,), (HEART_FAILURE_CLASS_2,)),
]

THYROID_LINES: list[Row] = [
    ("Hyperthyroidism", (HYPERTHYROID,), (NONE, HYPOTHYROID), ()),
    ("Thyroid disease", (THYROID, HYPOTHYROID, HYPERTHYROID), (NONE, DIABETES), ()),
    ("Uncontrolled thyroid disease", (), (NONE,), (HYPOTHYROID, HYPERTHYROID)),
    ("Unstabilised thyroid disorder", (), (NONE,), (THYROID,)),
]

# a noun two kinds of transplant share: either excludes
TRANSPLANTS: list[Row] = [
    ("Prior solid organ or bone marrow transplant", (KIDNEY_GRAFT, MARROW_GRAFT), (NONE,), ()),
    ("History of organ or bone marrow transplant", (KIDNEY_GRAFT, MARROW_GRAFT), (NONE,), ()),
    ("Has had a solid organ or hematologic transplant.", (KIDNEY_GRAFT, MARROW_GRAFT), (NONE,), ()),
]

CHILD_PUGH_EXCLUSIONS: list[Row] = [
    ("Child-Pugh class B or C", (CP7, CP10), (CP5,), (NONE,)),
    ("Patient with a Child-Pugh score B or C.", (CP7, CP10), (CP5,), (NONE,)),
    ("Child Pugh Class B (score 8-9) or C (score 10-15).", (CP8, CP10), (CP5, CP7), (NONE,)),
    ("Child Pugh Class B (8,9) and Class C are excluded", (CP8, CP10), (CP5, CP7), (NONE,)),
    ("Child-Pugh score >9", (CP10,), (CP5, CP8), (NONE,)),
    # the cirrhosis the class grades goes with it: any cirrhosis alone is not class C
    ("Child-Pugh C cirrhosis;", (CIRRHOSIS_CP10,), (NONE, CIRRHOSIS_CP5), (CIRRHOSIS,)),
    ("Liver cirrhosis Child Pugh B or C", (CIRRHOSIS_CP10,), (NONE, CIRRHOSIS_CP5), (CIRRHOSIS,)),
]

CHILD_PUGH_INCLUSIONS: list[Row] = [
    ("Child-Pugh class A", (CP5,), (CP7, CP10), (NONE,)),
    ("Child Pugh A or B (up to B7)", (CP5, CP7), (CP8, CP10), (NONE,)),
    ("Child Pugh Class A (score 5-6) or B (score 7).", (CP5, CP7), (CP8,), (NONE,)),
    ("Child-Pugh Liver Function Class A/B9", (CP5, CP8), (CP10,), (NONE,)),
    ("Child-Pugh score <7 (Child-Pugh Class A).", (CP5,), (CP7,), (NONE,)),
    ("Child Pugh score must be 5 or 6 (Child Pugh Class A)", (CP5,), (CP7,), (NONE,)),
    # an unread remark stays a review: a class B liver still fails
    ("Child-Pugh class A with no encephalopathy according to the screening assessment", (), (CP7,), (CP5, NONE)),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(CARDIOVASCULAR + CARDIAC_NAMES + THYROID_LINES + TRANSPLANTS + CHILD_PUGH_EXCLUSIONS))
def test_an_organ_disease_exclusion_is_decided_by_the_coded_disease(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


@pytest.mark.parametrize("text, facts, expected", outcome_cases(CHILD_PUGH_INCLUSIONS))
def test_a_child_pugh_class_bounds_the_score(text, facts, expected):
    assert judged(parse_line(text, INC), facts) is expected


@pytest.mark.parametrize("text", ["No thyroid disease", "No clinically significant cardiovascular disease"])
def test_an_inclusion_asking_for_none_fails_a_patient_with_it(text):
    assert judged(parse_line(text, INC), adult(condition("thyroid_disease" if "thyroid" in text else "heart_failure"))).value != "met"
    assert judged(parse_line(text, INC), NONE).value == "met"


@pytest.mark.parametrize("text", [
    "History of cardiovascular risk",  # a risk is no disease
    "Child-Pugh score will be calculated at screening",  # no bound written
    "Child-Pugh class A or C",  # two spans with a gap: no one bound
])
def test_what_names_no_disease_or_bound_reads_none(text):
    rendered = str(parse_line(text, EXC).expr.to_json())
    assert "cardiovascular_disease" not in rendered and "child_pugh" not in rendered


def test_examples_after_cardiovascular_disease_decide_not_the_heading_word():
    text = "Clinically significant cardiovascular disease, including: myocardial infarction within 6 months, unstable angina"
    # an infarction two years ago is none of the examples; a person weighs the rest
    assert judged(parse_line(text, EXC), MI_LAST_MONTH).value == "met"
    assert judged(parse_line(text, EXC), NONE).value != "met"


@pytest.mark.parametrize("text", [
    "Have significant, uncontrolled, or active cardiovascular disease, specifically including, but not restricted to: myocardial infarction within 6 months",
    "No pre-existing cardiovascular conditions and/or symptomatic cardiac dysfunction, including any of the following:",
])
def test_cardiovascular_disease_with_its_list_after_it_is_left_to_the_list(text):
    """Read beside the list, its review made a listed event unknown (or, under a lost "No",
    asked an inclusion for the disease)."""
    assert "cardiovascular_disease" not in str(parse_line(text, EXC).expr.to_json())
    assert judged(parse_line(text, INC), NONE).value != "not_met"
