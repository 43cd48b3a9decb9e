"""Issue 14: a blood count waived where the marrow the disease reaches lowers it ("ANC > 1500, unless
due to direct bone marrow involvement of disease", "Platelets >= 75,000/mcL (unless due to lymphoma
involvement of the bone marrow)"): the coded marrow involvement meets the line, a marrow cancer
below the count is a person's, every other record is held to the count (``count_causes``)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.outcome import Outcome
from rules_engine.parser.count_causes import marrow_cause
from rules_engine.parser.line import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import adult, anc, condition, platelets

MARROW = ('bone-marrow-involvement or ((acute-leukemia or CLL or MDS or multiple-myeloma or MPN) and review '
          '"whether the marrow disease on record is the marrow involvement the bound means")')

READINGS = [
    ("Absolute neutrophil count (ANC) > 1500, unless due to direct bone marrow involvement of disease", f"ANC > 1.5 10*9/L or {MARROW}"),
    ("Platelets >= 75,000/mcL (unless due to lymphoma involvement of the bone marrow)", f"platelets >= 75 10*9/L or {MARROW}"),
    ("Absolute neutrophil count (ANC) >= 1000/mm^3, unless due to disease involvement in the bone marrow", f"ANC >= 1 10*9/L or {MARROW}"),
    # a cause beside it that no reader names stays a person's alternative
    ("ANC >= 1000/uL unless due to bone marrow involvement or hypersplenism",
     f'ANC >= 1 10*9/L or {MARROW} or review ambiguous "applies only if hypersplenism"'),
]


@pytest.mark.parametrize("text,expected", READINGS, ids=[t[:50] for t, _ in READINGS])
def test_a_count_waived_for_marrow_involvement_reads_the_involvement(text: str, expected: str) -> None:
    assert rule_of(text) == expected


# what names no marrow stays a person's: the disease's reach elsewhere, or a value no count is
LEFT = [
    ("platelet counts > 20,000 unless lower counts are due to disease involvement or autoimmune disorders", "review"),
    ("Bilirubin <= 2 mg/dL unless due to leukemia", 'bilirubin <= 2 mg/dL or review "unless due to leukemia"'),
]


@pytest.mark.parametrize("text,kept", LEFT, ids=[t[:50] for t, _ in LEFT])
def test_a_cause_that_names_no_marrow_stays_a_review(text: str, kept: str) -> None:
    assert kept in rule_of(text)
    assert "bone-marrow-involvement" not in rule_of(text)


ROWS = [
    (
        "Platelets >= 75,000/mcL (unless due to lymphoma involvement of the bone marrow)",
        [adult(platelets(90)), adult(platelets(40), condition("bone_marrow_involvement"), condition("nhl"))],
        [adult(platelets(40), condition("nhl")), adult(platelets(40))],
        [adult(platelets(40), condition("cll"))],
    ),
    (
        "Absolute neutrophil count (ANC) > 1500, unless due to direct bone marrow involvement of disease",
        [adult(anc(2.0)), adult(anc(0.8), condition("bone_marrow_involvement"))],
        [adult(anc(0.8), condition("nhl"))],
        [adult(anc(0.8), condition("multiple_myeloma")), adult()],
    ),
]


@pytest.mark.parametrize("text, facts, expected", outcome_cases(ROWS))
def test_the_coded_involvement_waives_the_count_and_nothing_else_does(text: str, facts, expected: Outcome) -> None:
    assert judged(parse_line(text, CriterionType.INCLUSION), facts) is expected


def test_the_cause_reader_takes_bounded_time_on_hostile_text() -> None:
    hostile = ("due to bone marrow involvement of the disease or " * 500)[:20000]
    start = time.perf_counter()
    marrow_cause(hostile)
    marrow_cause("due to " + "marrow " * 3000)
    assert time.perf_counter() - start < 1.0
