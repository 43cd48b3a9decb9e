"""A disease status before the bare word "leukemia" reads as any leukaemia with that status (issue 14).

"Must have relapsed or refractory leukemia", "Relapsed/refractory leukemias", "recurrent or refractory
leukemia": the word had no concept, so the line read as the status alone (any relapsed disease met
it, a relapsed breast cancer too) and the trial had no own disease, which left every patient's
"other malignancy" unknown. Now the word is every leukaemia (``topics.bare_leukemia``) and the status
qualifies it; CMML/JMML and a blood cancer of no named kind on record (hairy cell leukaemia, C91.4,
is read so) are a person's, never failed. A list of kinds the word introduces ("leukemias include
AML, ALL ...") stays the list's.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from rules_engine.criteria import CriterionType, TrialCriteria
from rules_engine.facts import Event, PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line, parse_lines
from rules_engine.reference import evaluate_reference
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, condition

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

RELAPSED_AML = adult(condition("aml", 400), condition("relapsed", 30))
RELAPSED_CLL = adult(condition("cll", 900), condition("relapsed", 30))
UNTREATED_AML = adult(condition("aml", 20))
RELAPSED_BREAST = adult(condition("breast_cancer", 900), condition("relapsed", 30))
RELAPSED_HAIRY_CELL = adult(condition("hematologic_malignancy", 900), condition("relapsed", 30))
RELAPSED_CMML = adult(condition("cmml", 900), condition("relapsed", 30))

ROWS = [
    ("Must have relapsed or refractory leukemia", I, [RELAPSED_AML, RELAPSED_CLL], [RELAPSED_BREAST, UNTREATED_AML], [RELAPSED_HAIRY_CELL, RELAPSED_CMML]),
    ("Relapsed/refractory leukemias", I, [RELAPSED_AML], [RELAPSED_BREAST], [RELAPSED_HAIRY_CELL]),
    ("Patients must have recurrent or refractory leukaemia.", I, [RELAPSED_AML], [RELAPSED_BREAST], []),
    ("Patients with recurrent or refractory leukemia", E, [RELAPSED_AML], [RELAPSED_BREAST, UNTREATED_AML], [RELAPSED_HAIRY_CELL]),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_a_status_before_the_bare_word_asks_a_leukaemia_with_it(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


def test_a_condition_on_relapsed_leukemia_asks_the_requirement_of_a_relapsed_one_only() -> None:
    line = "Patients with refractory or relapsed leukemia must have greater than 25% blasts in bone marrow"
    assert judged(parse_line(line, I), UNTREATED_AML) is Outcome.MET


def test_a_word_a_list_of_kinds_defines_stays_the_lists() -> None:
    line = "Relapsed/refractory leukemias include acute lymphocytic leukemia (ALL), or chronic myelogenous leukemia (CML) in blast crisis."
    assert "plasma_cell_leukemia" not in repr(parse_line(line, I).expr)


AS_OF = date(2026, 3, 2)


def _record(**events: int) -> PatientFacts:
    return PatientFacts(date(1960, 1, 1), "female", {}, {c: (Event(c, AS_OF - timedelta(days=d), True, {}),) for c, d in events.items()})


OTHER_CANCER = "Has active cancer (other than that which is defined by the inclusion criteria for this protocol), except for skin cancer (excluding melanoma)"


@pytest.mark.parametrize("events, expected", [
    ({"aml": 100, "relapsed": 30}, Outcome.NOT_MET),
    ({"aml": 100, "relapsed": 30, "breast_cancer": 200}, Outcome.MET),
    ({"hematologic_malignancy": 100, "relapsed": 30}, Outcome.UNKNOWN),  # (hairy cell leukaemia may be the trial's own: never failed)
])
def test_the_bare_leukaemia_is_the_trials_own_disease_beside_another_malignancy(events: dict[str, int], expected: Outcome) -> None:
    trial = TrialCriteria("NCT00000098", 1, tuple(parse_lines([(I, "Must have relapsed or refractory leukemia"), (E, OTHER_CANCER)])))
    assert evaluate_reference(trial, _record(**events), AS_OF).criteria[1].outcome is expected


def test_a_hostile_status_run_before_the_word_parses_fast() -> None:
    hostile = ("relapsed or refractory / recurrent leukemia include " * 400)[:20_000]
    start = time.perf_counter()
    parse_line(hostile, I)
    assert time.perf_counter() - start < 5
