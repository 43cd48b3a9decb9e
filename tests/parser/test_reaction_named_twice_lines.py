"""One drug reaction named twice with intolerance as one of the words ("Known
hypersensitivity or intolerance to metformin"): the products named are the object of both words
(``parser.allergy_rewrites``). Read alone, the first word was any drug allergy, so a penicillin
allergy excluded from a trial that names metformin.
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
    ("Known hypersensitivity or intolerance to Metformin", "drug-hypersensitivity is Metformin"),
    ("The subject has a history of allergy or intolerance to flucytosine", "drug-hypersensitivity is flucytosine"),
    ("History of intolerance or hypersensitivity to trastuzumab and/or pertuzumab",
     "drug-hypersensitivity is trastuzumab or drug-hypersensitivity is pertuzumab"),
    # a reaction with an object of its own elsewhere is read as before
    ("History of anaphylaxis or severe allergic reaction", "drug-hypersensitivity or (drug-hypersensitivity and review \"severe\")"),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_both_words_take_the_products(text, rule):
    assert rule_of(text, EXC) == rule


ROWS = [
    ("Patients with known allergic reaction or intolerance to either dasatinib or zileuton",  # NCT02047149 (holdout T314)
     (healthy(allergy("dasatinib: grade 3 pleural effusion")), healthy(allergy("zileuton"))),
     (healthy(), healthy(allergy("penicillin"))),
     ()),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


def test_a_hostile_line_is_read_quickly():
    started = time.perf_counter()
    normalize("intolerance or " * 1500 + "allergy " * 1000)
    normalize("hypersensitivity " + "/ anaphylactic reactions " * 900)
    assert time.perf_counter() - started < 1.0
