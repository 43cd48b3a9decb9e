"""Comorbid conditions exclusions name that hospitals code (issue 14, topics.comorbid_conditions):
"History of Gilbert's syndrome", "No clinical evidence of obstructive hydrocephalus", "Myasthenia
gravis", "Guillain-Barre syndrome", "History of sarcoidosis", "celiac disease", "No history of
esophageal varices"; and the retinal and lung names read whole ("central serous retinopathy",
"idiopathic pulmonary fibrosis").

Each line is judged against a FHIR record read through the real intake (``intake_facts``), so
the table pins the codes (ICD-10-CM, SNOMED CT) and the reading together:

* a record coded with the condition meets the exclusion (fails the negated inclusion);
* a record without it does not: a diagnosis absent from the record is absent (contract 4);
* a hydrocephalus coded without its kind (G91.9) leaves "obstructive hydrocephalus" unknown, a
  communicating one (G91.0) does not meet it; likewise an interstitial lung disease of unstated
  kind (J84.9) leaves "idiopathic pulmonary fibrosis" unknown, a radiation fibrosis does not meet it;
* Gilbert's syndrome a bilirubin bound excepts stays the labs' named cause, never a requirement.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.holdout import fhir as f
from tests.fixtures.intake_facts import intake_facts
from tests.fixtures.judging import judged, rule_of

E, I = CriterionType.EXCLUSION, CriterionType.INCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
SNOMED = "http://snomed.info/sct"


def coded(code: str, system: str = f.ICD10CM) -> dict[str, Any]:
    return f.condition(code, "condition", system=system, onset=300)


OTHER = coded("E11.9")  # type 2 diabetes: a record with another condition only

ROWS = [
    # (line, type, record's condition or None, expected)
    ("History of Gilbert's syndrome", E, coded("E80.4"), MET),
    ("History of Gilbert's syndrome", E, coded("27503000", SNOMED), MET),
    ("History of Gilbert's syndrome", E, OTHER, NOT_MET),
    ("Patients with Gilbert syndrome", E, None, NOT_MET),
    ("No clinical evidence of obstructive hydrocephalus", I, coded("G91.1"), NOT_MET),
    ("No clinical evidence of obstructive hydrocephalus", I, coded("Q03.0"), NOT_MET),
    ("No clinical evidence of obstructive hydrocephalus", I, coded("G91.0"), MET),  # communicating
    ("No clinical evidence of obstructive hydrocephalus", I, coded("G91.9"), UNKNOWN),  # kind unstated
    ("No clinical evidence of obstructive hydrocephalus", I, OTHER, MET),
    ("Patients with clinical evidence of hydrocephalus", E, coded("230745008", SNOMED), MET),
    ("Patients with clinical evidence of hydrocephalus", E, coded("G91.1"), MET),
    ("Myasthenia gravis", E, coded("G70.00"), MET),
    ("Myasthenia gravis", E, coded("91637004", SNOMED), MET),
    ("Myasthenia gravis", E, OTHER, NOT_MET),
    ("No myasthenia gravis", I, coded("G70.01"), NOT_MET),
    ("Guillain-Barre syndrome", E, coded("G61.0"), MET),
    ("Guillain-Barre syndrome", E, coded("40956001", SNOMED), MET),
    ("Guillain-Barre syndrome", E, OTHER, NOT_MET),
    ("History of sarcoidosis syndrome.", E, coded("D86.0"), MET),
    ("History of sarcoidosis syndrome.", E, coded("31541009", SNOMED), MET),
    ("History of sarcoidosis syndrome.", E, OTHER, NOT_MET),
    ("The subject has active ulcerative colitis, Crohn's disease, celiac disease", E, coded("K90.0"), MET),
    ("The subject has active ulcerative colitis, Crohn's disease, celiac disease", E, coded("396331005", SNOMED), MET),
    ("The subject has active ulcerative colitis, Crohn's disease, celiac disease", E, OTHER, NOT_MET),
    ("No history of esophageal varices", I, coded("I85.00"), NOT_MET),
    ("No history of esophageal varices", I, coded("28670008", SNOMED), NOT_MET),
    ("No history of esophageal varices", I, OTHER, MET),
    # the retinal and lung names read whole
    ("Current or past history of central serous retinopathy", E, coded("H35.711"), MET),
    ("Current or past history of central serous retinopathy", E, OTHER, NOT_MET),
    ("A history of retinal vein occlusion (RVO) or central serous retinopathy (CSR)", E, coded("H34.8112"), MET),
    ("History of idiopathic pulmonary fibrosis", E, coded("J84.112"), MET),
    ("History of idiopathic pulmonary fibrosis", E, OTHER, NOT_MET),
    ("History of idiopathic pulmonary fibrosis", E, coded("J70.1"), NOT_MET),  # a radiation fibrosis is not idiopathic
    ("History of idiopathic pulmonary fibrosis", E, coded("J84.9"), UNKNOWN),  # an interstitial disease of unstated kind
    ("History of idiopathic pulmonary fibrosis", E, coded("J84.10"), UNKNOWN),
    ("History of pulmonary fibrosis", E, coded("J70.1"), MET),  # the wider name still takes every kind
    # a disease of the kidney, alone or sharing the liver's noun
    ("History of renal or liver disease.", E, coded("N04.9"), MET),
    ("History of renal or liver disease.", E, coded("K74.60"), MET),
    ("History of renal or liver disease.", E, coded("90708001", SNOMED), MET),
    ("History of renal or liver disease.", E, coded("N18.3"), MET),  # chronic kidney disease is one
    ("History of renal or liver disease.", E, coded("Q61.3"), MET),
    ("History of renal or liver disease.", E, OTHER, NOT_MET),
    ("History of renal or liver disease.", E, coded("N20.0"), NOT_MET),  # a kidney stone is no kidney disease here
    ("Acute or chronic liver or renal disease", E, OTHER, NOT_MET),
    ("Acute or chronic liver or renal disease", E, coded("N17.9"), MET),  # either course is a kidney disease (either_course)
]


@pytest.mark.parametrize(("line", "ctype", "resource", "expected"), ROWS)
def test_a_coded_comorbid_condition_decides_the_line(line: str, ctype: CriterionType, resource: dict[str, Any] | None, expected: Outcome) -> None:
    """The condition named is read, and the record's code (or its absence) decides the line."""
    facts = intake_facts(*([resource] if resource is not None else []))
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize(
    ("line", "ctype"),
    [
        # a cause a bilirubin bound excepts: the labs' named cause, never a requirement of it
        ("Bilirubin ≤ 1.5 times ULN (unless due to Gilbert's syndrome)", I),
        ("Total bilirubin normal (exception made for patients with known Gilbert's disease)", I),
        ("total bilirubin ≤ 2 × institutional upper limit of normal (ULN) unless related to Gilbert's disease", I),
        ("Current active hepatic or biliary disease (with exception of patients with Gilbert's syndrome, asymptomatic gallstones, "
         "liver metastases or stable chronic liver disease per investigator assessment)", E),
    ],
)
def test_gilbert_syndrome_a_bound_excepts_is_never_required_nor_excluded(line: str, ctype: CriterionType) -> None:
    """A patient with Gilbert's syndrome and a normal bilirubin is never failed for it: the
    syndrome a line excepts is no condition the line asks for (nor one it excludes)."""
    facts = intake_facts(coded("E80.4"), f.lab("1975-2", "Bilirubin total", 0.8, "mg/dL", high=1.2, days_ago=3))
    outcome = judged(parse_line(line, ctype), facts)
    assert outcome is not (NOT_MET if ctype is I else MET)


@pytest.mark.parametrize(
    ("line", "ctype", "absent"),
    [
        # an unread negation: read, the line required the condition it rules out
        ("Absent a history of Gilbert's disease", I, "Gilbert-syndrome"),
        # the anatomy, not the disease
        ("Evidence of metastasis (celiac axis lymph nodes are allowed).", E, "celiac-disease"),
        # a list after "associated with" is not joined to the autoimmune disease it names
        ("History of autoimmune disease, including, but not limited to, myositis, vascular thrombosis associated with antiphospholipid "
         "syndrome, Sjögren syndrome, Guillain-Barre syndrome, multiple sclerosis", E, "Guillain-Barre-syndrome"),
        # a second site the name does not cover
        ("Esophageal or gastric varices", E, "esophageal-varices"),
        # one organ of a list sharing its qualifier, an example of a qualified group, a formula's
        # name, a statement: left to a person as before
        ("Severe central nervous system, pulmonary, or renal disease not related to the participant's cancer.", E, "kidney-disease"),
        ("Evidence of severe or uncontrolled systemic disease (e.g., unstable or uncompensated respiratory, cardiac, hepatic, or renal disease)", E, "kidney-disease"),
        ("Evidence of severe or uncontrolled systemic disease (e.g., unstable or uncompensated respiratory, cardiac, hepatic or renal disease)", E, "liver-disease"),
        ("Estimated Glomerular Filtration Rate of < 50 mL/min/1.73m2 calculated by Modification of Diet in Renal Disease (MDRD) formula", E, "kidney-disease"),
        ("There is no information regarding the use of Celecoxib in patients with advanced renal disease.", E, "kidney-disease"),
        ("Immune deficiency syndromes, including the following: rheumatoid arthritis, sarcoidosis, vasculitis", E, "sarcoidosis"),
    ],
)
def test_what_is_not_the_patients_condition_stays_unread(line: str, ctype: CriterionType, absent: str) -> None:
    """Words that name no condition of the patient's (or one the line does not ask for) are
    never read as the concept."""
    read = re.sub(r'"[^"]*"', "", rule_of(line, ctype))  # the concepts read, not the words left to review
    assert absent not in read
