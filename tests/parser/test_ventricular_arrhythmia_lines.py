"""The arrhythmias of the ventricles exclusions name apart from any arrhythmia (issue 14):
"clinically significant ventricular arrhythmias (e.g., ventricular tachycardia, ventricular
fibrillation, or torsades de pointes)", "History of sustained ventricular tachycardia", "Any
history of ventricular fibrillation or torsade de pointes" (about 200 corpus lines;
topics.heart_rhythm).

* Read as any arrhythmia, an atrial fibrillation on record met the line; it is no ventricular
  arrhythmia, so the line is not met by it.
* A ventricular arrhythmia on record (ICD-10-CM I47.0, I47.2, I49.0, I49.3) meets the line, and a
  torsade de pointes is one of its kinds.
* An arrhythmia coded without its kind (I49.9) may be a ventricular one: unknown, never absent.
* "supraventricular" is no ventricular arrhythmia; a torsade de pointes a drug may cause, or a
  risk factor is for, is no record of the patient's.
"""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition
from tests.fixtures.intake_facts import intake_facts

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION

LISTED = ("Patients who currently have or have a history of the following within 6 months preceding study entry are not eligible: "
          "unstable angina (UA), myocardial infarction (MI), stroke; clinically significant ventricular arrhythmias (e.g., ventricular "
          "tachycardia, ventricular fibrillation, or torsades de pointes); New York Heart Association class III or IV heart failure")

ROWS = [
    # (line, type, met, not met, unknown)
    ("Any history of clinically significant ventricular arrhythmias (such as ventricular tachycardia, ventricular fibrillation, "
     "or Torsades de pointes)", E,
     [adult(condition("ventricular_arrhythmia")), adult(condition("torsades_de_pointes"))],
     [adult(condition("atrial_fibrillation")), adult(condition("bradycardia")), adult()],
     [adult(condition("arrhythmia_unspecified"))]),
    (LISTED, E,
     [adult(condition("ventricular_arrhythmia", days_ago=30)), adult(condition("torsades_de_pointes", days_ago=30))],
     [adult(condition("atrial_fibrillation", days_ago=30)), adult()],
     []),
    ("Any history of ventricular fibrillation or torsade de pointes", E,
     [adult(condition("ventricular_arrhythmia")), adult(condition("torsades_de_pointes"))], [adult(condition("atrial_fibrillation"))], []),
    ("History of ventricular tachycardia or any cardiac arrhythmia requiring the placement of an implanted defibrillator", E,
     [adult(condition("ventricular_arrhythmia"))], [adult()], [adult(condition("atrial_fibrillation"))]),
    ("Known history of ventricular tachycardia/fibrillation", E, [adult(condition("ventricular_arrhythmia"))], [adult(condition("atrial_fibrillation"))], []),
    ("No severe uncontrolled ventricular arrhythmias", I, [adult(), adult(condition("atrial_fibrillation"))], [], [adult(condition("ventricular_arrhythmia"))]),
    # a plain arrhythmia line still takes every kind
    ("History of cardiac arrhythmia", E, [adult(condition("atrial_fibrillation")), adult(condition("ventricular_arrhythmia"))], [adult()], []),
]


@pytest.mark.parametrize(("line", "ctype", "facts", "expected"), outcome_cases(ROWS))
def test_ventricular_arrhythmias_are_read_apart(line: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize(
    ("line", "rendered"),
    [
        ("Clinically significant ventricular tachyarrhythmia within 6 months", "ventricular-arrhythmia within 6 months"),
        # the other side of the heart stays the wider concept, its kind a person's
        ("Supraventricular arrhythmias", 'arrhythmia and review unparsed "Supraventricular"'),
        # what a drug may cause, or a risk factor is for, is not the patient's arrhythmia
        ("Risk factors for Torsades de Pointe (TdP) including uncorrected hypokalemia or hypomagnesemia", "torsades"),
        ("Use of medications that may cause QTc prolongation or induce Torsades de Pointes", "torsades"),
    ],
)
def test_the_ventricular_words_and_what_is_not_the_patients(line: str, rendered: str) -> None:
    text = render_rule(parse_line(line, E).expr)
    if rendered == "torsades":
        assert "torsades-de-pointes" not in text
    else:
        assert rendered in text


@pytest.mark.parametrize(
    ("code", "system", "concept"),
    [
        # the tachycardia and the fibrillation are kinds of it (cond16: the examples lines give)
        ("I47.20", "http://hl7.org/fhir/sid/icd-10-cm", "ventricular_tachycardia"),
        ("I47.21", "http://hl7.org/fhir/sid/icd-10-cm", "torsades_de_pointes"),  # a kind of it
        ("I49.01", "http://hl7.org/fhir/sid/icd-10-cm", "ventricular_fibrillation"),
        ("I49.3", "http://hl7.org/fhir/sid/icd-10-cm", "ventricular_arrhythmia"),
        ("25569003", "http://snomed.info/sct", "ventricular_tachycardia"),
        ("I49.9", "http://hl7.org/fhir/sid/icd-10-cm", "arrhythmia_unspecified"),
    ],
)
def test_the_intake_reads_ventricular_arrhythmias(code: str, system: str, concept: str) -> None:
    from tests.fixtures.holdout import fhir as f

    facts = intake_facts(f.condition(code, "arrhythmia", system=system, onset=200))
    assert concept in facts.events


def test_an_atrial_fibrillation_is_no_ventricular_arrhythmia_in_the_intake() -> None:
    from tests.fixtures.holdout import fhir as f

    facts = intake_facts(f.condition("I48.91", "atrial fibrillation", onset=200))
    assert "ventricular_arrhythmia" not in facts.events and "arrhythmia_unspecified" not in facts.events
