"""Products a line lists beside a drug class (``topics.listed_products``): "potent CYP3A4
inhibitors: ketoconazole, itraconazole, clarithromycin", "an mTOR inhibitor (sirolimus,
everolimus)", "enzyme-inducing anti-epileptic drugs (phenytoin, carbamazepine)", "No concurrent
NSAIDs, lithium or furosemide".

- Each name is a product a record may name, asked at the time the line's drug classes share
  ("within 14 days" for a current use); a record naming one applies the exclusion.
- A name the catalogue does not know stays a review beside them (unknown, never cleared).
- Washouts, classes narrowed by the patient's circumstances ("who cannot discontinue") and lines
  that permit a therapy are read as before.
- "anti-epileptic drugs" is the drug class, never epilepsy.
- A washout from a transplant of no named kind ("At least 90 days since prior transplant") is one
  from any transplant, stem cells or an organ.

Every line is made up in the registries' style; each record is judged by both evaluators.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.topics.listed_products import DRUG_CONCEPTS
from rules_engine.rule_language import render_rule
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, medication, procedure

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION


def named(words: str, days_ago: int | None = 200, ongoing: bool = False):
    attributes = {"quote": words, "words": words} | ({"ongoing": True} if ongoing else {})
    return medication("named_medication", days_ago, **attributes)


CYP = "Taking potent CYP3A4 inhibitors: ketoconazole, itraconazole or clarithromycin"
MTOR = "Prior therapy with an mTOR inhibitor (sirolimus, everolimus)"
AEDS = "Currently taking enzyme-inducing anti-epileptic drugs (phenytoin, carbamazepine) or rifampin"
MIXED = "No concurrent NSAIDs, lithium, or furosemide"
FOOD = "Use of strong CYP3A4 inhibitors (ketoconazole, clarithromycin, or grapefruit juice)"
# the inhibitors and inducers CYP3A4 lists name beyond the suffixes (rx11): each a product of its own
ANTIVIRALS = ("Taking strong CYP3A4 inhibitors: azithromycin, miconazole, atazanavir, fosamprenavir, lopinavir, ciprofloxacin, "
              "doxycycline, isoniazid, nicardipine or efavirenz")

READINGS = [
    (CYP, E, "CYP3A4-modulator within 14 days or named-medication is ketoconazole within 14 days or named-medication is itraconazole within 14 days "
             "or named-medication is clarithromycin within 14 days"),
    (MTOR, E, "mTOR-inhibitor or immunosuppressant-therapy or named-medication is everolimus"),
    (FOOD, E, 'CYP3A4-modulator within 14 days or named-medication is ketoconazole within 14 days or named-medication is clarithromycin within 14 days '
              'or review unparsed "grapefruit juice"'),
    # the class narrowed by the patient's circumstances: its names are narrowed the same way
    ("Patients receiving strong CYP3A4 inhibitors who cannot stop them before the study. Strong inhibitors include: ketoconazole, voriconazole", E, None),
    # a permission names no product anyone is excluded for, nor does what a patient cannot take
    ("Therapy permitted with corticosteroids, hydroxyurea or warfarin before the study", E, None),
    ("Patients on drugs with a narrow therapeutic index such as warfarin, digoxin or phenytoin are not excluded", E, None),
    ("Unable to receive anticoagulant prophylaxis such as warfarin or heparin", E, None),
    # a name the line asks beside the class, not one of its members
    ("Prior treatment with both capecitabine and oxaliplatin chemotherapy", E, None),
    # a washout keeps its reading
    ("At least 6 months since prior adjuvant chemotherapy (capecitabine with or without oxaliplatin)", I, None),
]


@pytest.mark.parametrize("text,ctype,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_the_listed_products_read_as_the_class_members(text, ctype, rule):
    rendered = render_rule(parse_line(text, ctype).expr, None)
    if rule is None:
        assert "named-medication is ketoconazole within" not in rendered and "named-medication is hydroxyurea" not in rendered
        assert "named-medication is capecitabine" not in rendered and "named-medication is warfarin" not in rendered
        assert "named-medication is oxaliplatin" not in rendered and "named-medication is digoxin" not in rendered
    else:
        assert rendered == rule


def test_anti_epileptic_drugs_are_the_drug_class():
    rendered = render_rule(parse_line(AEDS, E).expr, None)
    assert "seizure" not in rendered and "EIAED-therapy within 14 days" in rendered  # the inducing kind, not every antiepileptic


ROWS = [
    # (line, type, met, not met, unknown)
    (CYP, E, [adult(named("itraconazole", 0, ongoing=True)), adult(medication("cyp3a4_modulator", 3))],
     [adult(), adult(named("aspirin", 0, ongoing=True)), adult(named("itraconazole", 90))], [adult(medication("named_medication", 3))]),
    (AEDS, E, [adult(named("carbamazepine", 0, ongoing=True)), adult(named("rifampin", 5))], [adult(named("metformin", 0, ongoing=True))], []),
    (MIXED, I, [adult(named("metformin", 0, ongoing=True))], [adult(named("lithium", 0, ongoing=True)), adult(named("furosemide", 3))], []),
    (FOOD, E, [adult(named("clarithromycin", 2))], [], [adult(named("metformin", 0, ongoing=True))]),
    (ANTIVIRALS, E, [adult(named("atazanavir 300 MG", 0, ongoing=True)), adult(named("ciprofloxacin", 4)), adult(named("isoniazid", 0, ongoing=True))],
     [adult(), adult(named("metformin", 0, ongoing=True)), adult(named("azithromycin", 60))], []),
    ("At least 90 days since prior transplant", I,
     [adult(), adult(procedure("allo_hsct", 200))], [adult(procedure("allo_hsct", 60)), adult(procedure("organ_transplant", 30))], []),
    ("At least 4 months since transplantation", I, [adult(procedure("auto_hsct", 400))], [adult(procedure("hsct", 100))], []),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_as_the_text_says(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_the_drug_classes_are_the_intakes_medication_classes():
    codes = tomllib.loads((Path(__file__).resolve().parents[2] / "matcher" / "intake" / "codes.toml").read_text())
    read = {c for row in codes["medication"] for c in row.get("concepts", [])}
    assert read <= DRUG_CONCEPTS


def test_epilepsy_itself_is_still_the_disorder():
    assert "seizure-disorder" in render_rule(parse_line("History of epilepsy", E).expr, None)
    _ = condition  # the disorder's record shape is the conditions topic's own tests'
