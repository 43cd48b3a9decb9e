"""Diagnosis lines whose family, status or history wording decides (issue 14, dx4).

* "The participant has a B-cell malignancy (DLBCL, FL, MCL, or CLL)": the bracket of kinds is
  what the family stands for; the family's words are no further requirement;
* "Patients with refractory or relapsed AML must have ...": the status is part of whom the
  requirement concerns, read with the disease (not left to a person);
* "No history of AML" in an inclusion: a resolved AML is a history of one.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.group_kinds import _FAMILY_BRACKET, kinds_as_alternatives
from rules_engine.parser.topics.events import _NO_HISTORY_OF
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition, lab

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

DLBCL = adult(condition("dlbcl", 300))
FOLLICULAR = adult(condition("follicular_lymphoma", 300))
CLL = adult(condition("cll", 300))
AML = adult(condition("aml", 300))
LYMPHOMA = adult(condition("lymphoma", 300))  # of no recorded kind
MARGINAL = adult(condition("marginal_zone_lymphoma", 300))

FAMILIES = [
    ("The participant has a B-cell malignancy (diffuse large B-cell lymphoma [DLBCL], follicular lymphoma [FL], mantle cell lymphoma [MCL], "
     "or chronic lymphocytic leukemia [CLL])", I, [DLBCL, FOLLICULAR, CLL], [AML, MARGINAL], [LYMPHOMA]),
    ("Patients with a lymphoid malignancy (CLL or mantle cell lymphoma)", I, [CLL], [AML, DLBCL], [LYMPHOMA]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(FAMILIES))
def test_a_family_before_an_or_list_of_its_kinds_is_the_kinds(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    """The kinds decide; a lymphoma of no recorded kind may be one of them."""
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text", [
    "Patients with a B-cell malignancy (e.g., DLBCL or follicular lymphoma)",
    "B-cell malignancy (such as CLL or mantle cell lymphoma)",
    "Patients with a hematologic malignancy (including AML or ALL)",
])
def test_a_bracket_of_examples_keeps_the_family(text: str) -> None:
    """Examples do not close the family: "e.g." names some kinds, never all."""
    assert kinds_as_alternatives(text, I) == text


def test_the_family_reading_is_an_inclusions_only() -> None:
    text = "B-cell malignancy (DLBCL or follicular lymphoma)"
    assert kinds_as_alternatives(text, E) == text


RELAPSED_AML = adult(condition("aml", 300), condition("relapsed", 30), lab("bm_blasts", 40, "%"))
RELAPSED_AML_FEW_BLASTS = adult(condition("aml", 300), condition("relapsed", 30), lab("bm_blasts", 10, "%"))
NEW_AML = adult(condition("aml", 30), lab("bm_blasts", 10, "%"))
BREAST = adult(condition("breast_cancer", 300))

STATUS_SUBJECTS = [
    ("Patients with refractory or relapsed AML must have greater than 25% blasts in bone marrow", I,
     [RELAPSED_AML, BREAST, NEW_AML], [RELAPSED_AML_FEW_BLASTS], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(STATUS_SUBJECTS))
def test_a_status_named_with_the_disease_is_whom_the_requirement_concerns(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    """Only a relapsed or refractory AML is asked the blasts: a patient without that disease meets
    the line, one with it is judged by the marrow."""
    assert judged(parse_line(text, kind), facts) is expected


def test_a_status_the_line_does_not_read_whole_stays_a_persons() -> None:
    """"untreated brain metastases" is no history the record holds: the subject stays a review."""
    assert "concerns only patients with untreated brain metastases" in repr(parse_line("Patients with untreated brain metastases must have stable disease", I).expr)


RESOLVED_AML = adult(condition("aml", 1500, active=False))

HISTORIES = [
    ("No history of AML", I, [BREAST], [AML, RESOLVED_AML], []),
    ("No prior history of acute myeloid leukemia", I, [BREAST], [AML, RESOLVED_AML], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(HISTORIES))
def test_an_inclusion_forbidding_a_history_counts_a_resolved_disease(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("pattern, use, probe", [
    (_FAMILY_BRACKET, "finditer", "B-cell malignancy (" + "a, " * 3000 + ")"),
    (_FAMILY_BRACKET, "finditer", "lymphoid " * 2000 + "malignancy (" * 500),
    (_NO_HISTORY_OF, "match", "no " * 5000 + "history"),
    (_NO_HISTORY_OF, "match", " " * 10000 + "no prior"),
])
def test_patterns_stay_fast_on_adversarial_input(pattern, use: str, probe: str) -> None:
    """(as the code uses them: the family bracket searched through a line, the history lead matched at its start)"""
    start = time.perf_counter()
    list(pattern.finditer(probe)) if use == "finditer" else pattern.match(probe)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
