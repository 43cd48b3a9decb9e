"""An inclusion whose subject opens with a negation denies everything it lists (core6, issue 14).

* "Patients may have had no previous chemotherapy, radiation therapy, ... or TKI" and "Patients
  must have received no prior ...": the "no" covers the whole list. Read item by item it negated
  the first item only ("not chemotherapy or radiotherapy or ..."), so a patient who had
  radiotherapy met the line.
* "Patient is not on dialysis", "Patients are not being treated for GVHD": "is/are not" negates
  the clause. Read without it the inclusion asked for the dialysis.
* Not "are not required to have" (a requirement lifted), nor "is not a candidate / eligible /
  able" (the patient's suitability for what follows, not its absence), nor "no more than".
* The examples of a head no topic read ("antecedent hematologic disorder (e.g., MDS or
  myeloproliferative disorders)") stand inside the head's review: left as words of their own they
  became a review AND'ed to the whole line, leaving a patient who met another alternative unknown.
"""

from __future__ import annotations

import time

import pytest

from rules_engine import rule_language
from rules_engine.criteria import CriterionType
from rules_engine.parser.items import NEGATED
from rules_engine.parser.line import parse_line

INC = CriterionType.INCLUSION


def rendered(text: str) -> str:
    return rule_language.render(parse_line(text, INC).expr)


WHOLE_LIST = [
    ("Patients may have had no previous chemotherapy, radiation therapy or immunotherapy", "not (chemotherapy or radiotherapy or immunotherapy)"),
    ("Patients must have received no prior chemotherapy, radiation therapy or immunotherapy", "not (chemotherapy or radiotherapy or immunotherapy)"),
    ("Patient has had no prior chemotherapy, radiation therapy or immunotherapy", "not (chemotherapy or radiotherapy or immunotherapy)"),
    ("Patients should have received no prior chemotherapy or radiotherapy", "not (chemotherapy or radiotherapy)"),
    ("Patient is not on dialysis", "not end-stage-renal-disease"),
    # the readings that held stay as they were
    ("No previous chemotherapy, radiation therapy or immunotherapy", "not (chemotherapy or radiotherapy or immunotherapy)"),
    ("Patient must not be on dialysis", "not end-stage-renal-disease"),
]


@pytest.mark.parametrize("text,rule", WHOLE_LIST, ids=[w[0] for w in WHOLE_LIST])
def test_a_negated_subject_opening_denies_the_whole_list(text: str, rule: str) -> None:
    assert rendered(text) == rule


def test_patients_not_being_treated_for_a_disease_keep_the_not() -> None:
    assert rendered("Patients are not being treated for GVHD").startswith("not (GVHD and ")


@pytest.mark.parametrize("text", [
    "Patients are not required to have measurable disease",
    "Patients are not considered to have progressed",
    "Subjects are not a candidate, or have failed allogeneic stem cell transplantation",
    "Patient is not eligible for surgery",
    "Patient is not able to swallow",
    "Patients must have received no more than 2 prior regimens",
    "Patients have had no more than 2 prior regimens",
])
def test_a_lifted_requirement_or_a_suitability_is_no_negated_opening(text: str) -> None:
    assert NEGATED.match(text) is None


@pytest.mark.parametrize("text,rule", [
    ("Acute myeloid leukemia secondary to antecedent hematologic disorder (e.g., MDS or myeloproliferative disorders)",
     'AML and review unparsed "secondary to antecedent hematologic disorder"'),
    ("Acute myeloid leukemia (AML), except acute promyelocytic leukemia (APL), including leukemia secondary to prior therapy or antecedent "
     "hematologic disorder (e.g., MDS or myeloproliferative disorders), who have failed to achieve CR",
     '(AML other than (APL) or (review unsupported "including leukemia secondary to prior therapy" and not APL) or '
     '(review unparsed "antecedent hematologic disorder" and not APL)) and refractory'),
])
def test_the_examples_of_an_unread_head_stay_inside_its_review(text: str, rule: str) -> None:
    assert rendered(text) == rule


@pytest.mark.parametrize("text", [
    "Patients " + "must have had " * 3000 + "x",
    "Patients are " + "not " * 5000 + "x",
    "Patients have received " + "no " * 5000,
])
def test_the_negated_opening_pattern_is_fast_on_adversarial_input(text: str) -> None:
    start = time.perf_counter()
    NEGATED.match(text)
    assert time.perf_counter() - start < 1.0  # linear: milliseconds; backtracking on this input takes seconds (loaded CI)
