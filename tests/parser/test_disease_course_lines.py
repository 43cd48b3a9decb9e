"""How a blood cancer's course is written around its name (dx16; issue 14).

* "Recurrent or refractory malignant lymphoma", "stage IV malignant melanoma", "malignant solid
  tumor" (about 55 corpus lines): the adjective asks nothing the disease's name does not; left, it
  was an unread review and a relapsed lymphoma on record never met the line. It stays where a
  benign kind exists ("malignant glioma") or another finding is named ("malignant pleural effusion").
* "Recurrent, persistent, or progressive AML": a persistent or progressing disease is none in
  remission; a remission on record fails those alternatives, a relapse still meets its own.
* "Must be in remission by morphology (...)": the remission is read before how it is established
  and its bracket, in the line's first sentence (a later one the clause grammar joins to the list
  before it).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

AML_NEW = adult(condition("aml", 30))
AML_REMISSION = adult(condition("aml", 300), condition("remission", 30, diagnosis="aml"))
AML_RELAPSED = adult(condition("aml", 300), condition("relapsed", 30, diagnosis="aml"))
AML_REFRACTORY = adult(condition("aml", 100), condition("refractory", 30, diagnosis="aml"))
NHL_NEW = adult(condition("nhl", 30))
NHL_RELAPSED = adult(condition("nhl", 400), condition("relapsed", 30, diagnosis="nhl"))
MELANOMA = adult(condition("melanoma", 100))
BREAST = adult(condition("breast_cancer", 100))

MALIGNANT_ROWS = [
    ("Recurrent or refractory malignant lymphoma", I, [NHL_RELAPSED], [NHL_NEW, AML_RELAPSED], []),
    ("Histologically confirmed malignant melanoma", I, [MELANOMA], [BREAST], []),
    ("Known malignant lymphoma", E, [NHL_NEW], [AML_NEW], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(MALIGNANT_ROWS))
def test_malignant_before_a_cancer_s_own_name_asks_nothing_more(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize("text", ["Recurrent malignant glioma", "No malignant pleural effusion"])
def test_malignant_stays_where_it_narrows(text: str) -> None:
    assert "malignant" in normalize(text)


COURSE_ROWS = [
    ("A diagnosis of recurrent, persistent, or progressive acute myeloid leukemia", I, [AML_RELAPSED], [AML_REMISSION, NHL_RELAPSED], [AML_NEW]),
    ("Relapsed, refractory, or persistent AML", I, [AML_RELAPSED, AML_REFRACTORY], [AML_REMISSION], [AML_NEW]),
    ("Relapsed or progressive AML", E, [AML_RELAPSED], [AML_REMISSION, NHL_NEW], [AML_NEW]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(COURSE_ROWS))
def test_a_persistent_or_progressing_disease_is_none_in_remission(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


REMISSION_ROWS = [
    ("Acute leukemia: must be in remission by morphology", I, [AML_REMISSION], [AML_RELAPSED, AML_NEW], []),
    # (the marrow's count in the bracket is asked too: a remission with none on record is open)
    ("AML in remission (< 5% blasts in the bone marrow)", I, [], [AML_RELAPSED, AML_NEW], [AML_REMISSION]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(REMISSION_ROWS))
def test_a_remission_is_read_before_its_method_and_bracket(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "hostile",
    [
        "AML in remission " + "(" * 20_000,
        "recurrent, persistent, or " * 1_000 + "progressive AML",
        "malignant " * 2_500 + "lymphoma",
        "Must be in remission " + "by morphology (" * 1_500,
    ],
)
def test_a_hostile_line_is_read_fast(hostile: str) -> None:
    start = time.perf_counter()
    parse_line(hostile[:20_000], I)
    assert len(hostile) >= 20_000 and time.perf_counter() - start < 1.0


def test_a_later_sentence_s_remission_is_left_to_the_list_before_it() -> None:
    # (the clause grammar joins it to the list before: read, it was one more alternative)
    line = "AML: high risk CR1 (as evidenced by prior MDS, or > 2 cycles to obtain CR); second CR. Must be in remission by morphology (< 5% blasts)."
    assert judged(parse_line(line, I), AML_RELAPSED) is Outcome.NOT_MET
