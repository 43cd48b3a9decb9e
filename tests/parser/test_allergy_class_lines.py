"""An allergy to a drug class named by its class word: "hypersensitivity to macrolide antibiotics
(e.g., erythromycin, azithromycin, or clarithromycin)", "allergy to platinum compounds", "to
taxanes" (about 35 corpus lines). A recorded allergy to a member meets it, one to another drug
does not, one whose record names no drug stays unknown; the examples in brackets are members.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.parser import parse_line
from rules_engine.parser.topics.allergy_classes import allergen_end, allergy_class
from rules_engine.product_classes import CLASS_MEMBERS
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import Part, healthy
from rules_engine.facts import Event

EXC = CriterionType.EXCLUSION
INC = CriterionType.INCLUSION

PIECES = [
    ("macrolide antibiotics", "macrolide"),
    ("platinum compounds", "platinum"),
    ("other platinum-containing compounds", "platinum"),
    ("platinum-based chemotherapy", "platinum"),
    ("taxanes", "taxane"),
    ("taxane formulations", "taxane"),
    ("anthracyclines", "anthracycline"),
    ("bisphosphonates", "bisphosphonate"),
    ("fluoroquinolones", "fluoroquinolone"),
    ("systemic imidazoles", "imidazole"),
    ("cephalosporin", "cephalosporin"),
    # not a class read by its word: a person's, as before
    ("nucleoside analogues", None),
    ("other monoclonal antibodies", None),
    ("platinum or paclitaxel", None),
    ("macrolide antibiotics given for prophylaxis", None),
]


@pytest.mark.parametrize("piece,cls", PIECES, ids=[p[0] for p in PIECES])
def test_a_piece_names_a_class_whole_or_not_at_all(piece, cls):
    assert allergy_class(piece) == cls


READINGS = [
    ("No known hypersensitivity to macrolide antibiotics (e.g., erythromycin, azithromycin, or clarithromycin)", INC,
     "not drug-hypersensitivity is macrolide"),  # NCT00089037
    ("Patients with known hypersensitivity to macrolide antibiotics (e.g., clarithromycin, erythromycin, azithromycin)", EXC,
     "drug-hypersensitivity is macrolide"),  # NCT00087451
    ("No allergy to platinum compounds", INC, "not drug-hypersensitivity is platinum"),  # NCT00003194
    ("Patients with previous allergy or hypersensitivity to anthracyclines.", EXC, "drug-hypersensitivity is anthracycline"),  # NCT01033032
    ("No known hypersensitivity to bisphosphonates", INC, "not drug-hypersensitivity is bisphosphonate"),  # NCT00278434
    ("No allergies to fluoroquinolones", INC, "not drug-hypersensitivity is fluoroquinolone"),  # NCT00003824
    ("Subject has a known hypersensitivity to platinum compounds.", EXC, "drug-hypersensitivity is platinum"),  # NCT02106546
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:50] for r in READINGS])
def test_the_class_is_read_by_its_word(text, ctype, rule):
    assert rule_of(text, ctype) == rule


def allergy_words(words: str | None) -> PatientFacts:
    """An allergy record as the intake writes it: its own words, or none."""
    attributes = {"quote": words} if words else {}
    return healthy(Part(event=Event("drug_hypersensitivity", None, True, attributes)))


MACROLIDE = READINGS[0][0]
PLATINUM = "Prior allergic reaction to cisplatin, carboplatin or other platinum-containing compounds."  # NCT01384799
TAXANE = "Known severe hypersensitivity to taxanes."  # NCT00933426: the severity stays a person's

# (line, type, met, not met, unknown)
ROWS = [
    (MACROLIDE, INC,
     (healthy(), allergy_words("allergy to penicillin"), allergy_words("Amoxicillin 500 MG Oral Capsule")),
     (allergy_words("azithromycin"), allergy_words("Zithromax 250 MG Oral Tablet"), allergy_words("clarithromycin: rash"), allergy_words("macrolide antibiotic")),
     (allergy_words(None),)),
    (PLATINUM, EXC,
     (allergy_words("oxaliplatin: anaphylaxis"), allergy_words("Paraplatin"), allergy_words("cisplatin")),
     (healthy(), allergy_words("sulfa drugs")),
     (allergy_words(None),)),
    (TAXANE, EXC,
     (),
     (healthy(), allergy_words("penicillin")),
     (allergy_words("paclitaxel: hypotension"), allergy_words(None))),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_allergy_record_is_judged_by_the_class(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_every_class_has_members_of_one_word():
    for word, members in CLASS_MEMBERS.items():
        assert members and all(m.isalnum() and m == m.lower() for m in members), word


BRACKETS = [
    # the class's own members: the bracket is its examples, outside the allergen
    ("hypersensitivity to macrolide antibiotics (e.g., erythromycin, azithromycin, or clarithromycin)", True),
    ("hypersensitivity to anthracyclines (e.g., doxorubicin)", True),
    # anything else in the bracket, or no class before it: as before
    ("hypersensitivity to apixaban or pork products (e.g., anaphylactic reactions)", False),
    ("hypersensitivity to taxanes (e.g., Cremophor)", False),
    ("hypersensitivity to compounds similar to tandutinib (e.g., erlotinib hydrochloride)", False),
]


@pytest.mark.parametrize("text,cut", BRACKETS, ids=[b[0][20:60] for b in BRACKETS])
def test_a_bracket_of_members_ends_the_allergen_before_it(text, cut):
    end = text.index("(e.g") + len("(e.g")
    assert allergen_end(text, 20, end) == (text.index(" (e.g") if cut else end)


def test_hostile_allergy_lines_are_read_quickly():
    started = time.perf_counter()
    allergy_class("any other " * 2000 + "macrolides " * 2000)
    allergen_end("(e.g " * 4000, 0, 20000)
    parse_line("Known hypersensitivity to " + "macrolide antibiotics, " * 800 + "(e.g" * 100, EXC)
    assert time.perf_counter() - started < 1.0
