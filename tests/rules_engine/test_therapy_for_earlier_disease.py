"""``therapy_for_earlier_disease`` (an anticancer therapy given for an earlier disease): no record
states it; an anticancer therapy beside an earlier disease on record leaves it open (derive.
OPEN_BESIDE), the line's own disease excepted with its kinds and what it is a kind of. Both
evaluators must agree (conftest.decide)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rules_engine.criteria import Op, Predicate
from rules_engine.outcome import Outcome
from tests.rules_engine.conftest import AS_OF, decide, patient

MET, NOT_MET, UNKNOWN = Outcome.MET, Outcome.NOT_MET, Outcome.UNKNOWN
NOW, BEFORE = AS_OF - timedelta(days=20), AS_OF - timedelta(days=900)
FOR_AML = Predicate("therapy_for_earlier_disease", Op.PRESENT, ("aml",))


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ({"aml": NOW, "chemotherapy": NOW}, NOT_MET),
        ({"apl": NOW, "chemotherapy": NOW}, NOT_MET),  # an APL is the AML, its acute leukaemia too
        ({"aml": NOW, "mds": (BEFORE, False), "hypomethylating_agent": BEFORE}, UNKNOWN),
        ({"aml": NOW, "breast_cancer": (BEFORE, False), "chemotherapy": BEFORE}, UNKNOWN),
        ({"aml": NOW, "mds": (BEFORE, False)}, NOT_MET),  # no therapy on record
        (
            {"aml": NOW, "hydroxyurea": NOW, "mds": BEFORE},
            NOT_MET,
        ),  # hydroxyurea alone is no anticancer therapy on record
        ({}, NOT_MET),
    ],
    ids=[
        "aml-treated",
        "apl-treated",
        "after-treated-mds",
        "after-treated-breast-cancer",
        "mds-untreated",
        "hydroxyurea",
        "nothing",
    ],
)
def test_a_therapy_beside_an_earlier_disease_is_open(events, expected):
    assert decide(FOR_AML, patient(events=events)).outcome is expected


def test_the_line_naming_the_earlier_disease_closes_it():
    pred = Predicate("therapy_for_earlier_disease", Op.PRESENT, ("aml", "mds"))
    assert decide(pred, patient(events={"aml": NOW, "mds": BEFORE, "hypomethylating_agent": BEFORE})).outcome is NOT_MET
