"""Comorbid conditions asked with a qualifier the record decides (issue 14, cond6):

* GVHD by the severity a chart codes on it ("moderate or severe GVHD"; topics/gvhd_severity.py):
  met by a record charted at a severity asked, not met by a milder one or none, unknown when the
  record states no severity;
* control "with medication" ("Diabetes mellitus uncontrolled with medication"; topics/control.py):
  the HbA1c that every definition agrees on decides, as for "Uncontrolled diabetes";
* the words a virus is known by, left beside a list of viruses or as an alternative beside HIV
  ("Known seropositive for or active viral infection with HIV"; topics/serology_words.py);
* an arrhythmia asked to need treatment ("arrhythmia requiring medication";
  topics/arrhythmia_therapy.py): a drug that acts on the rhythm, taken now, meets the need.

Rows: a registry line, its kind, then the records that make it met, not met and unknown."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.topics.arrhythmia_therapy import _NEED_ONLY, _QUALIFIER_ONLY
from rules_engine.parser.topics.control import _CONTROL_WORDS
from rules_engine.parser.topics.gvhd_severity import _SEVERITY_BEFORE
from rules_engine.parser.topics.serology_words import _KNOWN_BY
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab, medication

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult(condition("aml", 300))


def gvhd(severity: str | None = None) -> PatientFacts:
    extra = {} if severity is None else {"severity": severity}
    return adult(condition("aml", 900), condition("gvhd", 150, **extra))


def diabetic(hba1c: float | None = None) -> PatientFacts:
    return adult(condition("diabetes", 2000), *([] if hba1c is None else [lab("hba1c", hba1c, "%")]))


HIV = adult(condition("hiv", 900))
AF = condition("atrial_fibrillation", 800)
AF_AMIODARONE = adult(AF, medication("antiarrhythmic_therapy", 0, ongoing=True))
AF_METOPROLOL = adult(AF, medication("beta_blocker", 0, ongoing=True))
AF_AMIODARONE_STOPPED = adult(AF, medication("antiarrhythmic_therapy", 200))
AF_ALONE = adult(AF)
HBV = adult(condition("hbv", 900))

ROWS = [
    # -- GVHD by its severity on record
    ("Have moderate or severe graft versus host disease (GVHD), whether acute or chronic", EXC,
     (gvhd("severe"), gvhd("moderate")), (CLEAN, gvhd("mild")), (gvhd(),)),
    ("moderate to severe chronic GVHD", EXC, (gvhd("moderate"),), (CLEAN, gvhd("mild")), (gvhd(),)),
    ("Severe GVHD", EXC, (gvhd("severe"),), (CLEAN, gvhd("moderate")), (gvhd(),)),
    # an inclusion asking one kind of GVHD: a record's severity is of whichever it codes
    ("Patients with severe acute GVHD", INC, (), (CLEAN,), (gvhd("severe"),)),
    # -- control while treated: the HbA1c decides where every definition agrees
    ("Diabetes mellitus uncontrolled with medication", EXC, (diabetic(11.5),), (CLEAN, diabetic(5.8)), (diabetic(), diabetic(7.2))),
    ("Hypertension uncontrolled despite medical therapy", EXC, (), (CLEAN,), (adult(condition("hypertension", 2000)),)),
    # -- the words a virus is known by
    ("Known seropositive for or active viral infection with human immunodeficiency virus (HIV).", EXC, (HIV,), (CLEAN,), ()),
    ("Known history of Human Immunodeficiency Virus (HIV) seropositivity", EXC, (HIV,), (CLEAN,), ()),
    ("Known history of HIV or Hepatitis B or C seropositivity", EXC, (HIV, HBV), (CLEAN,), ()),
    # beside hepatitis B or C the words may mean a resolved infection: the alternative stays
    ("Known seropositive for or active viral infection with human immunodeficiency virus (HIV), hepatitis B virus (HBV) or hepatitis C virus (HCV).",
     EXC, (HIV, HBV), (), (CLEAN,)),
    # -- an arrhythmia needing treatment: a drug acting on the rhythm now
    ("Cardiac arrhythmia requiring anti-arrhythmic therapy", EXC, (AF_AMIODARONE, AF_METOPROLOL), (CLEAN,), (AF_ALONE, AF_AMIODARONE_STOPPED)),
    ("clinically significant cardiac arrhythmia and requiring therapy", EXC, (AF_AMIODARONE,), (CLEAN,), (AF_ALONE,)),
    ("Patients with a pathologic cardiac arrhythmia requiring active treatment.", EXC, (AF_METOPROLOL,), (CLEAN,), (AF_ALONE,)),
    ("No arrhythmia requiring medication", INC, (CLEAN,), (AF_AMIODARONE,), (AF_ALONE,)),
    # controlled on the drug or not is a person's
    ("uncontrolled cardiac arrhythmia requiring medication", EXC, (), (CLEAN,), (AF_AMIODARONE,)),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_qualified_condition_is_decided_by_the_record(text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize("pattern,text,how", [
    (_SEVERITY_BEFORE, "moderate or " * 4000 + "severe x", "search"),
    (_SEVERITY_BEFORE, "severe " * 4000 + "x", "search"),
    (_CONTROL_WORDS, "uncontrolled " + "with " * 3000 + "medication x", "fullmatch"),
    (_CONTROL_WORDS, "uncontrolled with standard standard standard " * 500 + "x", "fullmatch"),
    (_KNOWN_BY, "known seropositivity for " * 800 + "x", "fullmatch"),
    (_KNOWN_BY, "seropositiveeeee" * 3000 + " x", "fullmatch"),
    (_NEED_ONLY, "patients " * 3000 + "requiring x", "fullmatch"),
    (_NEED_ONLY, "requiring " + "active " * 3000 + "therapy", "fullmatch"),
    (_QUALIFIER_ONLY, "clinically significant " * 1000 + "x", "fullmatch"),
], ids=["severity-moderate-or", "severity-severe", "control-with", "control-adjectives", "known-by-words", "known-by-long-word", "need-subjects", "need-adjectives", "qualifier-words"])
def test_the_patterns_read_adversarial_text_fast(pattern, text: str, how: str) -> None:
    start = time.perf_counter()
    getattr(pattern, how)(text)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
