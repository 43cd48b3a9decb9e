"""Therapy and drug lines as registries write them (issue 14, rx8):

* a prohibited medication's listed examples ("Current use of a prohibited medication including
  anticoagulants ..."): each drug named excludes, the protocol's others stay a person's
  (parser/medication_rewrites.py);
* a window said before the treatment ("Current or within 30 days prior to enrollment treatment
  with ..."), and "immune modulators such as ..." read as the bracketed examples are;
* "must not take", "who take any": taking is receiving;
* a sentence permitting hydroxyurea beside a washout excepts it from the chemotherapy, never
  narrows the radiotherapy beside it;
* another trial by its other names ("another clinical investigation", "investigational protocol");
* an allergy to the components of a named product (topics/allergy_parts.py): an allergy to the
  product is one; the study's own drug names none;
* monoclonal antibodies as a class (a catalogue concept, ATC L01F / L01XC and the -mab drugs),
  except where named as an example of a wider therapy ("biological therapy (including monoclonal
  antibodies)"), and a permitted class with its examples still a permission.

Rows: a registry line, its kind, then the records that make it met, not met and unknown."""

from __future__ import annotations

import re
import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from rules_engine.parser.medication_rewrites import HYDROXYUREA_PERMITTED, ROWS as MEDICATION_ROWS
from rules_engine.parser.remarks import HYDROXYUREA_EXCEPTED
from rules_engine.parser.topics.allergy_parts import _PART_OF
from rules_engine.parser.topics.drug_classes import _EXAMPLE_OPEN
from rules_engine.parser.topics.events import _ALLERGY_END
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, allergy, condition, medication, procedure

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult(condition("aml", 300))
ON_ANTICOAGULANT = adult(condition("aml", 300), medication("anticoagulant_therapy", 0, ongoing=True))
ON_TACROLIMUS = adult(condition("aml", 300), medication("immunosuppressant_therapy", 0, ongoing=True))
TACROLIMUS_LAST_YEAR = adult(condition("aml", 300), medication("immunosuppressant_therapy", 365))
INVESTIGATIONAL_10D = adult(condition("aml", 300), medication("investigational_agent", 10))
INVESTIGATIONAL_LAST_YEAR = adult(condition("aml", 300), medication("investigational_agent", 365))
IRRADIATED_7D = adult(condition("aml", 300), procedure("radiotherapy", 7))
CHEMO_7D = adult(condition("aml", 300), medication("chemotherapy", 7))
CHEMO_LAST_YEAR = adult(condition("aml", 300), medication("chemotherapy", 365))
HYDROXYUREA_3D = adult(condition("aml", 300), medication("hydroxyurea", 3))
MAB_14D = adult(condition("aml", 300), medication("monoclonal_antibody_therapy", 14))
MAB_LAST_YEAR = adult(condition("aml", 300), medication("monoclonal_antibody_therapy", 365))
OXALIPLATIN_ALLERGY = adult(condition("aml", 300), allergy("oxaliplatin"))
PENICILLIN_ALLERGY = adult(condition("aml", 300), allergy("penicillin"))

ROWS = [
    # -- a prohibited medication's examples: each excludes, the protocol's others are a person's
    (
        "Current use of a prohibited medication including anticoagulants or platelet inhibitors or expected to require any of these "
        "medications during treatment with the investigational drug",
        EXC,
        (ON_ANTICOAGULANT,),
        (),
        (CLEAN,),
    ),
    ("Use of prohibited medications including anticoagulants", EXC, (ON_ANTICOAGULANT,), (), (CLEAN,)),
    # -- the window said first; immune modulators a class of their own (meds17), so a record
    # without one, or with one a year ago, is cleared
    (
        "Current or within 30 days prior to enrollment treatment with immune modulators such as systemic cyclosporine or tacrolimus",
        EXC,
        (ON_TACROLIMUS,),
        (CLEAN, TACROLIMUS_LAST_YEAR),
        (),
    ),
    # -- taking is receiving
    (
        "Patients must not take other investigational drugs within 28 days prior to screening;",
        EXC,
        (INVESTIGATIONAL_10D,),
        (CLEAN, INVESTIGATIONAL_LAST_YEAR),
        (),
    ),
    # -- another trial by its other names
    (
        "The patient participated in another clinical investigation within 30 days of enrollment or is receiving another investigational agent.",
        EXC,
        (INVESTIGATIONAL_10D,),
        (CLEAN, INVESTIGATIONAL_LAST_YEAR),
        (),
    ),
    (
        "Patient is currently enrolled in another clinical trial",
        EXC,
        (INVESTIGATIONAL_10D,),
        (CLEAN, INVESTIGATIONAL_LAST_YEAR),
        (),
    ),
    # -- hydroxyurea permitted in a sentence: excepted from the chemotherapy, the radiotherapy kept
    (
        "No chemotherapy or radiation therapy within 4 weeks of study entry. Hydroxyurea is allowed prior to starting therapy in the "
        "setting of rapidly proliferating disease.",
        EXC,
        (IRRADIATED_7D, CHEMO_7D),
        (CLEAN, HYDROXYUREA_3D),
        (),
    ),
    # -- the components of a named product: an allergy to the product is one
    (
        "Known hypersensitivity to any of the components of oxaliplatin or gemcitabine.",
        EXC,
        (OXALIPLATIN_ALLERGY,),
        (CLEAN,),
        (PENICILLIN_ALLERGY,),
    ),
    (
        "Known hypersensitivity to any component of bevacizumab",
        EXC,
        (),
        (CLEAN,),
        (PENICILLIN_ALLERGY, OXALIPLATIN_ALLERGY),
    ),
    # the study's own drug names no product: any allergy stays a person's
    ("Known hypersensitivity to any component of study medication", EXC, (), (CLEAN,), (OXALIPLATIN_ALLERGY,)),
    # an ingredient "used in the manufacture of" a product is of that product, an unread part beside it
    (
        "Any known or suspected hypersensitivity to azacitidine or mannitol or any other ingredient used in the manufacture of oral "
        "azacitidine (see the azacitidine IB)",
        EXC,
        (),
        (),
        (CLEAN, PENICILLIN_ALLERGY),
    ),
    # "currently participating": the drug within a course's span, not any record of one
    (
        "Currently participating in any other interventional clinical study.",
        EXC,
        (INVESTIGATIONAL_10D,),
        (CLEAN, INVESTIGATIONAL_LAST_YEAR),
        (),
    ),
    # -- the study's own vaccine or IMP names no product
    ("Allergies to any component of the vaccine", EXC, (), (CLEAN,), (OXALIPLATIN_ALLERGY,)),
    # -- an allergy line's other contraindication stays a person's beside it
    (
        "Has a known allergy and history of hypersensitivity reaction to any of the treatment components, including any ingredient used in "
        "the formulation of necitumumab, or any other contraindication to one of the administered treatments",
        EXC,
        (),
        (),
        (CLEAN,),
    ),
    # -- monoclonal antibodies as a class
    ("Prior therapy with a monoclonal antibody within 4 weeks", EXC, (MAB_14D,), (CLEAN, MAB_LAST_YEAR), ()),
    (
        "Cytotoxic chemotherapy, steroids or monoclonal antibody (Mab) within 3 weeks of enrollment",
        EXC,
        (MAB_14D, CHEMO_7D),
        (CLEAN, MAB_LAST_YEAR),
        (),
    ),
    ("No prior treatment with a monoclonal antibody", INC, (CLEAN,), (MAB_LAST_YEAR,), ()),
    # an example of the therapy before it: the head is asked, its window kept for the whole list
    (
        "Participant has had chemotherapy, radiotherapy, or biological therapy (including monoclonal antibodies) within 4 weeks prior to "
        "study Day 1",
        EXC,
        (CHEMO_7D,),
        (CLEAN, CHEMO_LAST_YEAR),
        (),
    ),
    # a permitted class with its examples permits; it asks nothing of a patient without it
    (
        "Prior therapy with approved monoclonal antibodies (e.g., bevacizumab, cetuximab, panitumumab, or trastuzumab) allowed",
        INC,
        (CLEAN,),
        (),
        (),
    ),
    # the antibodies of an antigen's class are that class; a purpose before the window, or a washout
    # counted in half-lives, leaves the antibody to the words (read bare, it lost the window or
    # became a requirement every patient without one failed)
    ("No prior treatment with anti-CTLA 4 monoclonal antibody", EXC, (), (), (CLEAN, MAB_LAST_YEAR)),
    (
        "Monoclonal antibody (mAb) for direct anti-neoplastic treatment within 4 weeks",
        EXC,
        (),
        (),
        (CLEAN, MAB_LAST_YEAR),
    ),
    (
        "At least 7 days or 3 half-lives, whichever is longer, since prior monoclonal antibodies",
        INC,
        (),
        (),
        (CLEAN, MAB_14D),
    ),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_a_medication_line_is_decided_by_the_record(
    text: str, ctype: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, ctype), facts) is expected


@pytest.mark.parametrize(
    "text,kept",
    [
        # a permission with a day limit or a cycle narrows it: left to the readers as before
        ("Hydroxyurea is permitted up to 24 hours prior to starting azacitidine", False),
        ("NOTE: Hydroxyurea will be allowed during the first cycle of treatment", False),
        ("Hydroxyurea is allowed prior to starting therapy in the setting of rapidly proliferating disease.", True),
        ("No chemotherapy. Hydroxyurea is permitted.", True),
    ],
)
def test_only_a_bare_hydroxyurea_permission_excepts_it(text: str, kept: bool) -> None:
    assert bool(re.search(HYDROXYUREA_EXCEPTED, text, re.I)) is kept


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Current or within 30 days prior to enrollment treatment with tacrolimus",
            "Treatment with tacrolimus within 30 days prior to enrollment",
        ),
        ("Patients must not take other investigational drugs", "Patients must not receive other investigational drugs"),
        ("Unable to take oral medication", "Unable to take oral medication"),
        ("Patient must take lamivudine", "Patient must take lamivudine"),
    ],
)
def test_the_rewrites_say_what_the_readers_know(text: str, expected: str) -> None:
    assert normalize(text).lower() == expected.lower()


@pytest.mark.parametrize(
    "pattern,text",
    [
        (re.compile(HYDROXYUREA_PERMITTED, re.I), ". hydroxyurea is allowed prior to " * 500 + "x"),
        (re.compile(HYDROXYUREA_PERMITTED, re.I), "(" * 5000 + "hydroxyurea"),
        (_PART_OF, "any of the other components of " * 1000 + "x"),
        (_PART_OF, "components of " + "x " * 5000),
        (_EXAMPLE_OPEN, "(including " + "a, " * 5000),
        (_EXAMPLE_OPEN, "such as " + "a b, " * 3000 + "("),
        (_ALLERGY_END, "used in the manufacture of " * 1000 + "x"),
        (_ALLERGY_END, "used in the " + "x " * 5000 + "formulation, or"),
    ],
    ids=[
        "hydroxyurea-sentences",
        "hydroxyurea-brackets",
        "part-of-leads",
        "part-of-words",
        "example-open-bracket",
        "example-open-words",
        "allergy-end-used",
        "allergy-end-words",
    ],
)
def test_the_patterns_read_adversarial_text_fast(pattern: re.Pattern[str], text: str) -> None:
    start = time.perf_counter()
    pattern.search(text)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)


@pytest.mark.parametrize(
    "text",
    [
        "current or within " * 500 + "30 days treatment with x",
        "prohibited medications including " * 500 + "x",
        "immune modulators such as " + "x " * 3000,
        "who take " * 1000 + "any",
    ],
    ids=["window-leads", "prohibited-leads", "modulator-examples", "take-leads"],
)
def test_the_rewrites_read_adversarial_text_fast(text: str) -> None:
    for pattern, _repl, _gate in MEDICATION_ROWS:
        compiled = re.compile(pattern, re.I)
        start = time.perf_counter()
        compiled.search(text)
        assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
