"""The patient named intolerant of a drug ("Patients intolerant of dasatinib.", "Is intolerant to
bortezomib (ie, ...)", "Participants who were intolerant of a gemcitabine containing regimen"):
the intolerance to the drug, recorded as an AllergyIntolerance. The adjective was no word a topic
read, so the line stayed unknown for every patient. A sentence that goes on to what such patients
may do ("Patients intolerant to aspirin may use warfarin") is no intolerance asked.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import allergy, healthy

EXC = CriterionType.EXCLUSION

READINGS = [
    ("Patients intolerant of dasatinib.", "drug-hypersensitivity is dasatinib"),
    ("Subjects who are intolerant to imatinib", "drug-hypersensitivity is imatinib"),
    ("Is intolerant to bortezomib", "drug-hypersensitivity is bortezomib"),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_the_intolerance_is_read(text, rule):
    assert rule_of(text, EXC) == rule


@pytest.mark.parametrize(
    "text",
    ["Patients intolerant to aspirin may use warfarin or low molecular weight heparin",
     "Patients who are intolerant of or who have progression on VEGF-targeted therapies"],
    ids=["what-they-may-do", "intolerant-of-or"],
)
def test_a_sentence_about_such_patients_is_left_as_written(text):
    assert normalize(text) == text


ROWS = [
    ("Patients intolerant of dasatinib.",
     (healthy(allergy("dasatinib: grade 3 pleural effusion needing drainage (intolerance)")),),
     (healthy(), healthy(allergy("penicillin"))),
     ()),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(ROWS))
def test_a_patient_intolerant_of_a_drug_is_that_intolerance_on_record(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


def test_a_hostile_line_is_read_quickly():
    started = time.perf_counter()
    normalize("Patients who are intolerant to " + "dasatinib and " * 1500)
    normalize("Is intolerant of " + "x " * 9000)
    parse_line(("Patients intolerant of " + "nilotinib, " * 2000)[:20000], EXC)
    assert time.perf_counter() - started < 10.0
