"""A line whose closing bracket names the portion of the study it is written for (issue 14;
rules_engine.parser.portion_tails): "No prior EGFR inhibitor therapy (phase II)", "Concurrent
therapeutic anticoagulation (Phase I only)", "Prior treatment with Herceptin (Arm B only)", "WBC
<= 50,000/mm^3 (part A only [closed to accrual as of 10/30/06])" (about 100 corpus lines).

* The bracket scopes the line as a label opening it does ("Phase II: ..."; test_cohort_scoped_lines):
  in a trial that names another portion, an inclusion is met when met and an open question when
  failed; an exclusion is at most an open question for a patient who could enter another portion.
* In a trial that names no other portion, the bracket names the trial's own and asks nothing.
* A line naming two portions ("... (Part 1) or ... (Part 2)") is no one portion's.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_lines
from rules_engine.parser.portion_tails import portion_tail
from rules_engine.parser.portions import portion_lead
from rules_engine.reference import evaluate_reference
from tests.fixtures.records import AS_OF, adult, condition, medication

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN

Rows = list[tuple[CriterionType, str, int | None]]


def _outcomes(rows: Rows, facts: PatientFacts) -> list[Outcome]:
    return [c.outcome for c in evaluate_reference(TrialCriteria("NCT00000099", 1, parse_lines(rows)), facts, AS_OF).criteria]


@pytest.mark.parametrize(("text", "key", "rest"), [
    ("No prior epidermal growth factor receptor inhibitor therapy (phase II)", "phase 2", "No prior epidermal growth factor receptor inhibitor therapy"),
    ("Concurrent therapeutic anticoagulation (Phase I only)", "phase 1", "Concurrent therapeutic anticoagulation"),
    ("Prior treatment with Herceptin (Arm B only)", "arm B", "Prior treatment with Herceptin"),
    ("White Blood Count (WBC) ≤ 50,000/mm^3 (part A only [closed to accrual as of 10/30/06])", "part A", "White Blood Count (WBC) ≤ 50,000/mm^3"),
    ("Resectable or unresectable disease (Phase I patients only)", "phase 1", "Resectable or unresectable disease"),
    ("Hepatocellular carcinoma (eligible for cohort II only)", "cohort 2", "Hepatocellular carcinoma"),
    ("No more than 1 prior systemic chemotherapy regimen for metastatic melanoma (Phase II).", "phase 2", "No more than 1 prior systemic chemotherapy regimen for metastatic melanoma"),
])
def test_the_portion_a_line_closes_with_is_found_and_cut(text: str, key: str, rest: str) -> None:
    lead = portion_lead(text)
    assert lead is not None and (lead[0], lead[2]) == (key.lower(), rest)


@pytest.mark.parametrize("text", [
    "Histological or cytological evidence of HER2+ cancer (Part 1) or HER2+ metastatic breast cancer (Part 2).",
    "Patient has ECOG performance status of 0-2 (Phase Ib) or 0-1 (Phase II)",
    "Prior therapy in a phase II trial",
    "Prior treatment with Herceptin (arm and leg)",
    "Measurable disease (phase II) in the liver",
])
def test_a_bracket_that_is_no_one_portions_label_is_left_as_written(text: str) -> None:
    assert portion_tail(text) is None


EGFR = medication("egfr_inhibitor", days_ago=200)
PHASED: Rows = [
    (INC, "Colorectal cancer", None),
    (INC, "No prior chemotherapy for metastatic disease (phase I)", None),
    (INC, "No prior epidermal growth factor receptor inhibitor therapy (phase II)", None),
    (EXC, "Concurrent therapeutic anticoagulation (Phase II only)", None),
]


@pytest.mark.parametrize(("facts", "expected"), [
    # no EGFR inhibitor: the phase II line is met
    (adult(condition("colorectal_cancer")), [MET, MET, MET, NOT_MET]),
    # one given: the patient may enter phase I, so the phase II line is an open question, never failed
    (adult(condition("colorectal_cancer"), EGFR), [MET, MET, UNKNOWN, NOT_MET]),
    # an anticoagulant now: the phase II exclusion is an open question, never cleared
    (adult(condition("colorectal_cancer"), medication("anticoagulant_therapy", days_ago=1)), [MET, MET, MET, UNKNOWN]),
])
def test_a_closing_portion_bracket_scopes_its_line(facts: PatientFacts, expected: list[Outcome]) -> None:
    assert _outcomes(PHASED, facts) == expected


def test_in_a_trial_of_one_portion_the_bracket_asks_nothing() -> None:
    rows: Rows = [(INC, "No prior epidermal growth factor receptor inhibitor therapy (phase II)", None)]
    assert _outcomes(rows, adult(EGFR)) == [NOT_MET]
    assert _outcomes(rows, adult()) == [MET]


def test_a_hostile_bracket_is_read_fast() -> None:
    text = "x (" + "phase II [" * 500 + " only" * 500 + ")"
    start = time.perf_counter()
    portion_tail(text)
    portion_tail("(" * 3000 + "phase II only)")
    assert time.perf_counter() - start < 0.5
