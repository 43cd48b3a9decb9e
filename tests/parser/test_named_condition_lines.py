"""Conditions exclusions name that hospitals code (issue 14, cond3; topics.named_conditions):
an infection of the central nervous system ("Known active meningeal infection") and dystonia
("Previous history of dystonic reaction"); "heart problems" read as a heart disease; and "acute or
chronic" as both courses a disease runs, narrowing nothing (parser.either_course).

Each line is judged against a FHIR record read through the real intake (``intake_facts``), so
the table pins the codes and the reading together: a record coded with the condition meets the
exclusion, a record without it does not (absent means absent, contract 4), and a meningitis of a
cancer stays the leptomeningeal disease it is.
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
    return f.condition(code, "condition", system=system, onset=20)


OTHER = coded("E11.9")  # type 2 diabetes: a record with another condition only

ROWS = [
    # (line, type, record's condition or None, expected)
    ("Known active meningeal infection", E, coded("G00.9"), MET),
    ("Known active meningeal infection", E, coded("B45.1"), MET),  # cryptococcal meningitis
    ("Known active meningeal infection", E, coded("A87.9"), MET),  # viral meningitis
    ("Known active meningeal infection", E, coded("7180009", SNOMED), MET),
    ("Known active meningeal infection", E, coded("J18.9"), NOT_MET),  # a pneumonia is another site
    ("Known active meningeal infection", E, OTHER, NOT_MET),
    ("Known active meningeal infection", E, None, NOT_MET),
    ("Patients with active bacterial meningitis or brain abscess", E, coded("G06.0"), MET),
    # a meningitis is an active infection for every line on infection
    ("Active infection", E, coded("G00.9"), MET),
    ("Previous history of dystonic reaction", E, coded("G24.02"), MET),
    ("Previous history of dystonic reaction", E, coded("15802004", SNOMED), MET),
    ("Previous history of dystonic reaction", E, OTHER, NOT_MET),
    # "heart problems": a heart disease; its qualifier stays a person's
    ("history of clinically significant heart problems", E, coded("I50.9"), UNKNOWN),
    ("history of clinically significant heart problems", E, OTHER, NOT_MET),
    # "acute or chronic": both courses, no narrowing
    ("Acute or chronic liver or renal disease", E, coded("N17.9"), MET),
    ("Acute or chronic liver or renal disease", E, coded("K74.60"), MET),
    ("Acute or chronic liver or renal disease", E, OTHER, NOT_MET),
    ("No acute or chronic pancreatitis", I, coded("K86.1"), NOT_MET),
    ("Patients diagnosed with acute or chronic hepatitis B or C", E, coded("B18.1"), MET),
    ("Have moderate or severe graft versus host disease (GVHD), whether acute or chronic", E, OTHER, NOT_MET),
]


@pytest.mark.parametrize(("line", "ctype", "resource", "expected"), ROWS)
def test_a_coded_named_condition_decides_the_line(line: str, ctype: CriterionType, resource: dict[str, Any] | None, expected: Outcome) -> None:
    facts = intake_facts(*([resource] if resource is not None else []))
    assert judged(parse_line(line, ctype), facts) is expected


@pytest.mark.parametrize(
    ("line", "absent"),
    [
        # a meningitis of a cancer is the leptomeningeal disease, never an infection
        ("Carcinomatous meningitis or brain metastases", "CNS-infection"),
        ("Leptomeningeal or leukemic meningitis", "CNS-infection"),
        ("Lymphomatous meningitis documented by positive CSF cytology", "CNS-infection"),
        ("History of neoplastic meningitis", "CNS-infection"),
        # heart problems the line defines by a list: the list decides
        ("Patient has uncontrolled illness including but not limited to the following: heart problems (congestive heart failure, "
         "unstable angina pectoris, cardiac arrhythmia)", "cardiac-disease"),
    ],
)
def test_what_is_not_the_named_condition_stays_unread(line: str, absent: str) -> None:
    read = re.sub(r'"[^"]*"', "", rule_of(line, E))  # the concepts read, not the words left to review
    assert absent not in read


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        # one course alone narrows: left to be read (or reviewed)
        ("History of acute pancreatitis", "acute"),
        # before a leukaemia's name the pair names two diseases
        ("Acute or chronic myeloid leukemia", "myeloid"),
    ],
)
def test_one_course_or_a_leukaemias_name_is_never_blanked(line: str, kept: str) -> None:
    from rules_engine.parser.remarks import blank_remarks

    assert kept in blank_remarks(line).lower()


@pytest.mark.parametrize(
    "line",
    [
        "Patients with known active hepatitis B virus or hepatitis C virus acute or chronic infection.",
        "Positive test for hepatitis C antibody (HCV antibody) indicating acute or chronic infection",
    ],
)
def test_acute_or_chronic_after_a_virus_never_makes_any_infection_exclude(line: str) -> None:
    """The pair qualifies the virus's infection: a urinary tract infection on record is not it."""
    assert judged(parse_line(line, E), intake_facts(coded("N39.0"))) is not MET
