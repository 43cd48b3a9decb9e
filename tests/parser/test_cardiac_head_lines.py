"""A heart's failing function, its disease under a qualifier or its ECG named as a whole
("cardiac dysfunction (particularly congestive heart failure)", "Patient must not have impaired
cardiac functions", "Significant screening electrocardiogram (ECG) abnormalities including ...",
"No severe cardiac dysfunction or major heart disease") is asked of a patient whose record could
hold it (topics.cardiac_heads): a record with no heart disease and a normal ejection fraction or
QTc has none (absent means absent), one with a heart disease stays a person's, one with no
measurement stays unknown. Real corpus lines."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.cardiac_heads import cardiac_heads_gated
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, healthy, lab, lvef

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def qtc(value: float) -> object:
    return lab("qtc", value, "ms")


ROWS = [
    # (line, type, met, not met, unknown)
    ("cardiac dysfunction (particularly congestive heart failure)", E,
     [healthy(lvef=lvef(35)), healthy(condition("heart_failure"))], [healthy(lvef=lvef(60))],
     [adult(), healthy(condition("cardiomyopathy"))]),
    ("Patient must not have impaired cardiac functions", E,
     [healthy(lvef=lvef(30))], [healthy(lvef=lvef(60))], [adult(), healthy(condition("coronary_artery_disease"))]),
    ("Severe cardiac dysfunction (NYHA classification III-IV)", E,
     [], [healthy(lvef=lvef(60))], [adult(), healthy(lvef=lvef(30))]),
    ("Significant screening electrocardiogram (ECG) abnormalities including left bundle branch block, 2nd degree AV block type II, "
     "3rd degree block, bradycardia, and QTc > 470 msec", E,
     [healthy(condition("lbbb"), qtc(430)), healthy(qtc(480))], [healthy(qtc(430)), healthy(qtc(470))],
     [healthy(condition("atrial_fibrillation"), qtc(430))]),
    ("No QTc prolongation (i.e., QTc interval >= 500 msecs) or other significant ECG abnormalities", I,
     # (the "(i.e., ...)" bracket leaves an unread part beside the QTc: no record meets it yet)
     [], [healthy(qtc(510))], [healthy(condition("rbbb"), qtc(440))]),
    ("No severe cardiac dysfunction or major heart disease", I,
     [healthy(lvef=lvef(60))], [], [healthy(condition("coronary_artery_disease"), lvef=lvef(60)), adult()]),
    # the words and-ed beside a bound qualify it: an ejection fraction of 48 % is the dysfunction
    ("Cardiac left ventricular dysfunction with resting ejection fraction of less than 50%", E,
     [], [healthy(lvef=lvef(60))], [healthy(lvef=lvef(48))]),
    # a blood pressure is an example lines give of a cardiac disease: a hypertension keeps the head open
    ("Significant cardiac disease, including uncontrolled high blood pressure, unstable angina, and congestive heart failure", E,
     [healthy(condition("unstable_angina"))], [healthy()], [healthy(condition("hypertension", days_ago=900))]),
    ("Clinically significant cardiovascular disease within 12 months prior to enrollment, including myocardial infarction, unstable angina", E,
     [healthy(condition("myocardial_infarction", days_ago=100))], [healthy()], [healthy(condition("hypertension"))]),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_a_cardiac_head_is_asked_of_a_patient_whose_record_could_hold_it(
    line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize(
    "line",
    [
        # a treatment, a risk or a family's history: not the head alone, the review keeps its reach
        "Medications that are known to prolong the QT interval or cause cardiac dysfunction",
        "Family history of cardiac dysfunction",
        "Any ECG abnormality at Screening has to be documented by the investigator as not medically relevant",
    ],
)
def test_a_review_that_is_not_the_head_alone_is_not_gated(line: str) -> None:
    before = parse_line(line, E).expr
    assert cardiac_heads_gated(before, "x") is before  # (no gate word: untouched)
    rendered = str(parse_line(line, E).expr)
    assert "cardiac_disease" not in rendered or "cardiac_disease" in str(before)


def test_hostile_text_is_read_in_bounded_time() -> None:
    text = ("significant cardiac dysfunction ECG abnormalities heart disease including " * 300)[:20_000]
    started = time.process_time()
    for ctype in (E, I):
        parse_line(text, ctype)
    assert time.process_time() - started < 1.0
