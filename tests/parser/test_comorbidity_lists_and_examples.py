"""Comorbidity lines read as registries write them (issue 14, cond16):

* a leading "History of" governs every condition of the list after it ("History of bowel
  obstruction, seizure disorder, Parkinson's disease, breast cancer, or ..."): a breast cancer
  treated years ago is a history of one, wherever it stands in the list; a condition the list
  calls current ("clinically active depression") or one after a full stop keeps its own reading;
* the examples a line gives of a clinically significant ventricular arrhythmia ("(e.g.,
  ventricular tachycardia, ventricular fibrillation, or torsades de pointes)") decide for a
  record of one of them; any other ventricular arrhythmia stays a person's;
* the spellings of a transient ischaemic attack ("transient cerebral ischemic attack") are a
  stroke's history as "transient ischemic attack" is.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
BREAST_NOW = adult(condition("breast_cancer", 60), word="female")
BREAST_CURED = adult(condition("breast_cancer", 4000, active=False), word="female")
STROKE_OLD = adult(condition("stroke", 3000, active=False))
STROKE_RECENT = adult(condition("stroke", 30))
SEIZURES_OLD = adult(condition("seizure_disorder", 3000, active=False))
VT = adult(condition("ventricular_tachycardia", 40))
VF = adult(condition("ventricular_fibrillation", 40))
PVC = adult(condition("ventricular_arrhythmia", 40))

ROWS = [
    # -- a leading "History of" over a list
    (
        "History of bowel obstruction, seizure disorders, Parkinson's disease, breast cancer, or hypertension due to a tumour",
        E,
        [BREAST_NOW, BREAST_CURED, SEIZURES_OLD],
        [CLEAN],
        [],
    ),
    ("History of myocardial infarction, breast cancer or stroke", E, [BREAST_CURED, STROKE_OLD], [CLEAN], []),
    # a condition the list calls current, or one after the sentence ends, is no history
    ("History of stroke, active breast cancer", E, [BREAST_NOW, STROKE_OLD], [CLEAN, BREAST_CURED], []),
    ("History of stroke. Breast cancer", E, [BREAST_NOW, STROKE_OLD], [CLEAN, BREAST_CURED], []),
    # a window the line sets bounds every item: no lifetime
    ("History of stroke within 6 months, or breast cancer", E, [STROKE_RECENT, BREAST_NOW], [CLEAN, STROKE_OLD, BREAST_CURED], []),
    # what a therapy was for, or what the history is of, is no item of the list
    ("History of chemotherapy given in the first-line setting for metastatic or recurrent breast cancer", E, [], [BREAST_CURED], []),
    ("History of more than 2 prior recurrences of breast cancer or stroke", E, [STROKE_OLD], [], [CLEAN, BREAST_CURED]),
    # "History of, or clinical evidence of, ..." asks the history of each item
    ("History of, or clinical evidence of, seizure disorder or stroke", E, [STROKE_OLD, SEIZURES_OLD], [CLEAN], []),
    # -- the examples of a clinically significant ventricular arrhythmia
    (
        "No history of clinically significant ventricular arrhythmias (e.g., ventricular tachycardia, ventricular fibrillation, or torsades de pointes)",
        I,
        [CLEAN],
        [VT, VF],
        [PVC],
    ),
    ("No significant ventricular arrhythmia (such as ventricular fibrillation)", I, [CLEAN], [VF], [PVC, VT]),
    # an example the line qualifies itself asks more than a record holds
    (
        "No history of clinically significant ventricular arrhythmias (e.g., sustained ventricular tachycardia)",
        I,
        [CLEAN],
        [],
        [VT, PVC],
    ),
    # the kinds are ventricular arrhythmias: the head alone is met by either
    ("History of ventricular arrhythmia", E, [VT, VF, PVC], [CLEAN], []),
    # -- a transient ischaemic attack, however spelt
    ("History of cerebrovascular accident or transient cerebral ischemic attack within 6 months", E, [STROKE_RECENT], [CLEAN, STROKE_OLD], []),
    ("Transient ischaemic attacks within 3 months", E, [STROKE_RECENT], [CLEAN, STROKE_OLD], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_comorbidity_lists_and_examples(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "History of " + "stroke, " * 3000 + "breast cancer",
        "No history of clinically significant ventricular arrhythmias (e.g., " + "ventricular tachycardia, " * 800 + ")",
        "ventricular arrhythmia " * 900 + "(e.g., " * 900,
    ],
)
def test_hostile_input_parses_quickly(text: str) -> None:
    start = time.perf_counter()
    parse_line(text, E)
    parse_line(text, I)
    assert time.perf_counter() - start < 1.0
