"""A heading that asks its list only of the patients it names (rules_engine.parser.scoped_lists).

- "Patients with < 5 % bone marrow blasts must meet >= 1 of the following criteria:": a patient
  with more blasts meets the heading whatever the list says; one with fewer needs one of its lines.
- "Patients with HIV infection are eligible, provided they meet the following:": a patient without
  HIV meets it (a CD4 count is not asked of him); one with HIV needs every line.
- A heading that asks something of its own, an exclusion, or patients named in words that do not
  read whole keep their reading.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, Expr, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.parser.scoped_lists import list_scope
from rules_engine.reference import evaluate_reference
from rules_engine.rule_language import render_rule
from tests.fixtures.records import AS_OF, adult, condition, hemoglobin, lab, platelets

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET = Outcome.MET, Outcome.NOT_MET

BLASTS = [
    (INC, "Patients with < 5 % bone marrow blasts must meet ≥ 1 of the following criteria:", None),
    (INC, "Hemoglobin < 10.0 g/dL", 0),
    (INC, "Platelet count < 50,000/mm³", 0),
]
HIV = [
    (INC, "Patients with human immunodeficiency virus (HIV) infection are eligible, provided they meet the following:", None),
    (INC, "CD4 count ≥ 400 cells/mm³", 0),
]


def decide(rows: list[tuple[CriterionType, str, int | None]], facts: PatientFacts) -> Outcome:
    trial = TrialCriteria("NCT00000096", 1, parse_lines(rows))
    return evaluate_reference(trial, facts, AS_OF).criteria[0].outcome


def read(text: str, ctype: CriterionType) -> Expr:
    return parse_line(text, ctype).expr


@pytest.mark.parametrize("facts, outcome", [
    (adult(lab("bm_blasts", 12, "%")), MET),
    (adult(lab("bm_blasts", 3, "%"), hemoglobin(9), platelets(200)), MET),
    (adult(lab("bm_blasts", 3, "%"), hemoglobin(12), platelets(200)), NOT_MET),
])
def test_a_blast_bound_heading_asks_its_list_of_the_low_blast_patients_only(facts: PatientFacts, outcome: Outcome) -> None:
    assert decide(BLASTS, facts) is outcome


@pytest.mark.parametrize("facts, outcome", [
    (adult(), MET),
    (adult(condition("hiv"), lab("cd4_count", 300, "10*6/L")), NOT_MET),
    (adult(condition("hiv"), lab("cd4_count", 600, "10*6/L")), MET),
])
def test_an_hiv_heading_asks_its_list_of_patients_with_hiv_only(facts: PatientFacts, outcome: Outcome) -> None:
    assert decide(HIV, facts) is outcome


@pytest.mark.parametrize("text, scope", [
    ("Patients with < 5 % bone marrow blasts must meet ≥ 1 of the following criteria:", "BM-blasts < 5 %"),
    ("Patients with human immunodeficiency virus (HIV) infection are eligible, provided they meet the following:", "HIV"),
    ("Participants who have had brain metastases will be eligible if all of the following are true:", "brain-metastases"),
    ("Patients who are HIV positive are allowed to participate BUT must meet the following criteria:", "HIV"),
    ("Patients with AML must meet ≥ 1 of the following criteria:", "AML"),
    # asks something of its own: the line assembly's
    ("Patients with solid tumors must also have normal marrow function as defined below:", None),
    # names no patients, or names them by what they lack
    ("Patients with any of the following conditions:", None),
    ("Patients without HIV must meet the following criteria:", None),
    # words naming the patients that do not read whole
    ("Patients with a clinically suspicious lesion must meet the following criteria:", None),
])
def test_which_headings_name_the_patients_their_list_concerns(text: str, scope: str | None) -> None:
    found = list_scope(text, INC, read)
    assert (render_rule(found) if found is not None else None) == scope


def test_an_exclusion_heading_is_left_as_it_was() -> None:
    assert list_scope("Patients with HIV infection are eligible, provided they meet the following:", EXC, read) is None


def test_the_heading_pattern_takes_bounded_time_on_hostile_text() -> None:
    hostile = "Patients with " + "a, " * 200 + "must " * 100 + "following"
    start = time.perf_counter()
    list_scope(hostile, INC, lambda text, kind: read("x", kind))
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
