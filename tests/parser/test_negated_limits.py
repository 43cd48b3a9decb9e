"""An inclusion that negates a condition and defines it by a limit written as the normal range
("No renal insufficiency (creatinine <= 2.0 mg/dL)") was read as asking for the abnormal value:
a creatinine of 3 met it. The limits are what such a line asks, turned upright, and a person
confirms the rest: a limit failed fails the line, nothing else is decided (left wholly to a
person, the line never failed the creatinine of 3 and a review line left the patient eligible).
A negation over a limit written as the abnormal range ("No ANC < 1000") is read as before."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.corpus_lines import evaluate
from tests.fixtures.records import AS_OF, adult, lab

INC = CriterionType.INCLUSION

# (line, the patient the misreading answered met although the text excludes them)
UPSIDE_DOWN = [
    ("No renal insufficiency (creatinine ≤ 2.0 mg/dL)", adult(lab("creatinine", 3.0, "mg/dL"))),
    ("Absence of renal failure: serum creatinine ≤ 1.5 mg/dL", adult(lab("creatinine", 3.0, "mg/dL"))),
    (
        "No severe impairment of bone marrow function (ANC >1.5x109/L, PLT >50x109/L), unless due to proven lymphoma involvement",
        adult(lab("anc", 0.4, "10*9/L"), lab("platelets", 20, "10*9/L")),
    ),
]


@pytest.mark.parametrize(("line", "record"), UPSIDE_DOWN)
def test_a_negation_over_a_normal_limit_never_meets_the_abnormal_value(line, record):
    got = evaluate(parse_line(line, INC), record, AS_OF)
    assert got.outcome is not Outcome.MET


@pytest.mark.parametrize(
    ("line", "record", "outcome"),
    [
        ("No renal insufficiency (creatinine ≤ 2.0 mg/dL)", adult(lab("creatinine", 3.0, "mg/dL")), Outcome.NOT_MET),
        ("No renal insufficiency (creatinine ≤ 2.0 mg/dL)", adult(lab("creatinine", 1.0, "mg/dL")), Outcome.UNKNOWN),
        ("No severe organ dysfunction: creatinine <=2.5 x ULN; serum bilirubin <=2.5 x ULN; AST and ALT <=5 x ULN.",
         adult(lab("alt", 220, "U/L", uln=40)), Outcome.NOT_MET),
        ("No severe organ dysfunction: creatinine <=2.5 x ULN; serum bilirubin <=2.5 x ULN; AST and ALT <=5 x ULN.",
         adult(lab("creatinine", 1.0, "mg/dL", uln=1.2), lab("bilirubin", 0.7, "mg/dL", uln=1.2), lab("alt", 28, "U/L", uln=40), lab("ast", 26, "U/L", uln=40)),
         Outcome.UNKNOWN),
    ],
    ids=["creatinine-3-fails", "creatinine-1-person", "organ-list-alt-fails", "organ-list-normal-person"],
)
def test_the_limits_a_negation_names_are_asked_upright_and_a_person_confirms_the_rest(line, record, outcome):
    got = evaluate(parse_line(line, INC), record, AS_OF)
    assert got.outcome is outcome and (outcome is Outcome.NOT_MET or got.review)


@pytest.mark.parametrize(
    ("line", "record", "outcome"),
    [
        ("No ANC < 1000/uL", adult(lab("anc", 0.4, "10*9/L")), Outcome.NOT_MET),
        ("No ANC < 1000/uL", adult(lab("anc", 2.0, "10*9/L")), Outcome.MET),
        ("Creatinine ≤ 1.5 mg/dL", adult(lab("creatinine", 3.0, "mg/dL")), Outcome.NOT_MET),
        ("No hyperleukocytosis (i.e., WBC > 30,000/mm^3)", adult(lab("wbc", 50, "10*9/L")), Outcome.NOT_MET),
    ],
)
def test_limits_written_the_way_the_line_asks_are_read_as_before(line, record, outcome):
    assert evaluate(parse_line(line, INC), record, AS_OF).outcome is outcome
