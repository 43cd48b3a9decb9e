"""A span counted back written bare in an exclusion ("Chemotherapy, radiotherapy or immunotherapy
4 weeks prior to inclusion"; ``line.bare_span_as_window``, 13 corpus lines read differently, each
read): the therapy within that span, as "within 4 weeks prior to" is read. Left bare, the event
stood as ever given beside an unread "4 weeks", so a chemotherapy a year ago excluded. A span that
is a bound of its own, or a clause about stopping, is left as it was."""

from __future__ import annotations

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from rules_engine.parser.line import bare_span_as_window
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, medication

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION
NAIVE = adult()


CHEMO_10D, CHEMO_1Y = adult(medication("chemotherapy", 10)), adult(medication("chemotherapy", 365))
SPAN_ROWS = [
    ("Chemotherapy, radiotherapy or immunotherapy 4 weeks prior to inclusion", E, [CHEMO_10D], [CHEMO_1Y, NAIVE], []),
    ("Antineoplastic therapy, radiation therapy or any experimental therapy 21 days prior to first dose of MLN8237", E, [CHEMO_10D], [CHEMO_1Y, NAIVE], []),
    ("Those who have received an investigational agent 30 days prior to the first dose of decitabine.", E,
     [adult(medication("investigational_agent", 10))], [adult(medication("investigational_agent", 90)), NAIVE], []),
    # (a bound of its own is no bare span: "stable >/= 4 weeks prior", "at least 4 weeks prior")
    ("At least 4 weeks prior to study entry since chemotherapy", I, [CHEMO_1Y, NAIVE], [CHEMO_10D], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(SPAN_ROWS))
def test_a_bare_span_counted_back_in_an_exclusion_is_a_window(text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chemotherapy 4 weeks prior to entering the study", "Chemotherapy within 4 weeks prior to entering the study"),
        ("treated brain metastases that have not been stable >/= 4 weeks prior to first dose", None),
        ("at least 4 weeks prior to enrollment", None),
        ("within the previous 28 days prior to the first dose", None),
        ("less than (<) 2 weeks prior to first dose", None),
        ("Patients must have discontinued chemotherapy 4 weeks prior to enrollment", None),
        ("with 4 weeks prior to Day 1 of treatment", None),
    ],
)
def test_only_a_bare_span_is_rewritten(text: str, expected: str | None) -> None:
    assert bare_span_as_window(text) == (expected or text)
