"""A drug allergy whose object is written once, after another reaction or a contraindication
("Prior hypersensitivity or dose-limiting toxicity with docetaxel", "known allergies,
hypersensitivity, or intolerance to docetaxel", "Allergy or other contraindication to morphine
sulphate"), or before it ("received omacetaxine or has a history of hypersensitivity"): the
allergy to that object, never any drug allergy (a penicillin allergy excluded a docetaxel patient).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import Event, PatientFacts
from rules_engine.parser import parse_line
from rules_engine.parser.reaction_objects import _SHARED_OBJECT
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import Part, healthy

EXC = CriterionType.EXCLUSION
INC = CriterionType.INCLUSION

READINGS = [
    ("Prior hypersensitivity or dose-limiting toxicity with docetaxel.", EXC,
     'drug-hypersensitivity is docetaxel or review unsupported "dose-limiting toxicity with docetaxel"'),  # NCT00038194
    ("History of a hypersensitivity or idiosyncratic reaction to, or other contraindication to, mitomycin.", EXC,
     'drug-hypersensitivity is mitomycin or review unparsed "idiosyncratic reaction to … other contraindication to … mitomycin"'),  # NCT00318643
    ("Allergy or other contraindication to morphine sulphate", EXC,
     'drug-hypersensitivity is "morphine sulphate" or review unparsed "other contraindication to morphine sulphate"'),  # NCT02078089
    ("Have known allergies, hypersensitivity, or intolerance to docetaxel or dexamethasone or their excipients", EXC,
     'drug-hypersensitivity is docetaxel or drug-hypersensitivity is dexamethasone or (drug-hypersensitivity and review ambiguous "their excipients")'),  # NCT02478125
    ("Known allergy or history of life threatening reaction to GM-CSF", EXC,
     'drug-hypersensitivity is GM-CSF or (growth-factor and review "history of life threatening reaction to")'),  # NCT01673217
    ("The patient received omacetaxine or has a history of hypersensitivity.", EXC,
     "named-medication is omacetaxine or drug-hypersensitivity is omacetaxine"),  # NCT02078960
    # an object the reader cannot name: the allergy with what it is to left to a person
    ("Any contraindication, known allergy, or hypersensitivity to any investigational drug(s)", EXC,
     '(drug-hypersensitivity and review ambiguous "any investigational drug") or (drug-hypersensitivity and review ambiguous "s") or review unparsed "Any contraindication"'),  # NCT02800889
    # no object anywhere, or a bare reading that is the line's own: as before
    ("History of anaphylaxis or severe allergic reaction", EXC, 'drug-hypersensitivity or (drug-hypersensitivity and review "severe")'),
    ("Exclusion Criteria 18. History of allergy/hypersensitivity", EXC, 'review unparsed "Exclusion Criteria 18" or drug-hypersensitivity'),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_the_allergy_takes_the_object_written_after_the_other_words(text, ctype, rule):
    assert rule_of(text, ctype) == rule


def allergy_to(words: str) -> PatientFacts:
    return healthy(Part(event=Event("drug_hypersensitivity", None, True, {"quote": words})))


DOCETAXEL = READINGS[0][0]
OMACETAXINE = "The patient received omacetaxine or has a history of hypersensitivity."
NO_ALLERGY = "No history of allergy or untoward reaction to prior vaccination with vaccinia virus"  # NCT00088933

# (line, type, met, not met, unknown); the other reaction stays a person's where the line has one
ROWS = [
    (DOCETAXEL, EXC, (allergy_to("docetaxel: anaphylaxis"),), (), (healthy(), allergy_to("penicillin"))),
    (OMACETAXINE, EXC, (allergy_to("omacetaxine"),), (healthy(), allergy_to("dasatinib: grade 3 pleural effusion (intolerance)")), ()),
    (NO_ALLERGY, INC, (), (allergy_to("vaccinia virus vaccine"),), (healthy(), allergy_to("penicillin"))),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_an_allergy_to_another_drug_does_not_decide_the_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_hostile_shared_object_lines_are_read_quickly():
    started = time.perf_counter()
    _SHARED_OBJECT.search("hypersensitivity or " + "reaction " * 2500 + "(" * 2000)
    _SHARED_OBJECT.search("allergy (" + "e.g. " * 4000)
    parse_line("Known hypersensitivity or " + "other contraindication, " * 800 + "to docetaxel", EXC)
    assert time.perf_counter() - started < 1.0
