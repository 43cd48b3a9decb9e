"""Issue 14, organ-function lines as registries write them.

- A named cause and the bound it is allowed ("... except patients with Gilbert's syndrome in whom
  total bilirubin must be < 3.0 mg/dL", "unless Gilbert syndrome, then total bilirubin <= 3
  mg/dL", "(except for Gilbert's syndrome which will allow bilirubin <= 2.0 mg/dL)"): the cause
  and its bound are asked together. Joined as alternatives, a patient without Gilbert's syndrome
  met the line with a bilirubin under the cause's bound; the frame's words were an unread review.
- A wrapper naming an organ's function inside the clause, after another organ's limits ("... and
  adequate pulmonary function as indicated by room air oxygen saturation of > 94%"): the function
  the limits after it define, no condition of its own (as at the clause's start).
- An ejection fraction called normal before its name, or against whose normal it is ("Normal left
  ventricular ejection fraction", "LVEF >/= institutional normal", "at or above the Institutions
  lower limit of normal"): the fraction against the lab's lower limit of normal, as "LVEF within
  normal limits" is read.

Each row is a paraphrased corpus or holdout line and the outcomes it gives on small records."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser.line import parse_line
from rules_engine.parser.topics.labs import lab_items
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, bilirubin, condition, creatinine, lab, lvef

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION
GILBERT = condition("gilbert_syndrome", 3000)

CAUSE_BOUNDS = [
    # (the first: no Gilbert's syndrome, a bilirubin under the cause's bound: read as alternatives, met)
    ("Total bilirubin ≤ 1.5 mg/dL unless Gilbert syndrome, then total bilirubin ≤ 3 mg/dL",
     [adult(bilirubin(1.2)), adult(bilirubin(2.5), GILBERT)], [adult(bilirubin(2.5)), adult(bilirubin(3.5), GILBERT)], []),
    ("Total bilirubin < 1.5 x ULN except patients with Gilbert's syndrome in whom total bilirubin must be <3.0 mg/dL",
     [adult(bilirubin(1.2)), adult(bilirubin(2.5), GILBERT)], [adult(bilirubin(2.5)), adult(bilirubin(3.5), GILBERT)], []),
    ("Serum creatinine < 1.5 mg/dL, bilirubin < 1.5 mg/dL (except for Gilbert's syndrome which will allow bilirubin ≤ 2.0 mg/dL)",
     [adult(creatinine(1.0), bilirubin(1.8), GILBERT)], [adult(creatinine(1.0), bilirubin(1.8)), adult(creatinine(1.0), bilirubin(2.4), GILBERT)], []),
    # a cause no topic reads beside the one read: the bound is for it too, a person's
    ("Total bilirubin within normal ranges unless associated with hepatobiliary metastases or Gilbert syndrome, then total bilirubin ≤ 2 x ULN",
     [adult(bilirubin(1.0))], [], [adult(bilirubin(1.8))]),
]

MID_WRAPPERS = [
    ("Patients must have adequate cardiac function as indicated by NYHA classification I or II AND left ventricular ejection fraction of >40% "
     "and adequate pulmonary function as indicated by room air oxygen saturation of >94%.",
     [adult(lvef(55), lab("spo2", 97, "%"))], [adult(lvef(55), lab("spo2", 90, "%"))], [adult(lvef(55))]),
    ("Creatinine < 1.5 mg/dL and adequate hepatic function with bilirubin < 1.5 mg/dL",
     [adult(creatinine(1.0), bilirubin(1.0))], [adult(creatinine(1.0), bilirubin(2.0))], []),
    ("ANC >= 1500/uL; patients should have an adequate renal function as indicated by a creatinine < 1.5 mg/dL",
     [adult(lab("anc", 2.0, "10*9/L"), creatinine(1.0))], [adult(lab("anc", 2.0, "10*9/L"), creatinine(2.0))], []),
]

NORMAL_EF = [
    ("Normal left ventricular ejection fraction", [adult(lvef(60))], [adult(lvef(35))], [adult(lvef(50))]),
    ("Normal cardiac ejection fraction", [adult(lvef(60))], [adult(lvef(35))], [adult(lvef(50))]),
    ("LVEF >/= institutional normal", [adult(lvef(60))], [adult(lvef(35))], [adult(lvef(50))]),
    ("Left ventricular ejection fraction (LVEF), at or above the Institutions lower limit of normal, as determined by ECHO or MUGA.",
     [adult(lvef(60))], [adult(lvef(35))], [adult(lvef(50))]),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(CAUSE_BOUNDS))
def test_a_cause_and_the_bound_it_is_allowed_are_asked_together(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, INC), facts) is expected


@pytest.mark.parametrize("text, facts, expected", outcome_cases(MID_WRAPPERS))
def test_a_function_wrapper_inside_the_clause_asks_nothing_of_its_own(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, INC), facts) is expected


@pytest.mark.parametrize("text, facts, expected", outcome_cases(NORMAL_EF))
def test_an_ejection_fraction_called_normal_is_against_the_labs_lower_limit(text: str, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, INC), facts) is expected


@pytest.mark.parametrize("text", ["Abnormal ejection fraction", "Not normal ejection fraction", "Normal ejection fraction or shortening fraction"])
def test_no_normal_fraction_is_read_where_the_words_say_otherwise(text: str) -> None:
    assert "LVEF >= 55" not in rule_of(text, INC)


HOSTILE = [
    "Total bilirubin ≤ 1.5 mg/dL unless Gilbert syndrome" + ", then" * 4000 + " bilirubin ≤ 3 mg/dL",
    "LVEF > 40%" + " and adequate pulmonary function as indicated by" * 400,
    "LVEF > 40% and adequate " + "renal, " * 3000 + "function with bilirubin < 1 mg/dL",
    "normal " * 4000 + "ejection fraction ≥ institution's normal " * 200,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_reads_fast(text: str) -> None:
    start = time.perf_counter()
    lab_items(text[:20000], INC)
    parse_line(text[:20000], INC)
    assert time.perf_counter() - start < 2
