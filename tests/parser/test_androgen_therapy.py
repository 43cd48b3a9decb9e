"""Androgens and anabolic steroids as a therapy a line bounds (issue 14): "Participants administered
adrenal cortex hormones or anabolic hormones within 7 days of study initiation", "Androgen,
deferoxamine, deferiprone, or deferasirox therapy within 12 weeks prior to Day 1", "No concurrent
androgens". With no concept the words were an unread alternative and a clean record was left
unknown. An anti-androgen is hormonal therapy for cancer, and an androgen named as a target
("androgen receptor", "androgen deprivation") is no androgen given.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.facts import PatientFacts
from rules_engine.outcome import Outcome
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases
from tests.fixtures.records import adult, medication, steroid

I, E = CriterionType.INCLUSION, CriterionType.EXCLUSION

CLEAN = adult()
DANAZOL_NOW = adult(medication("androgen_therapy", 3))
DANAZOL_OLD = adult(medication("androgen_therapy", 400))
PREDNISONE_NOW = adult(steroid(3, 20))

ROWS = [
    (
        "Participants administered adrenal cortex hormones or anabolic hormones within 7 days of study initiation",
        E,
        [DANAZOL_NOW, PREDNISONE_NOW],
        [CLEAN, DANAZOL_OLD],
        [],
    ),
    (
        "Androgen, deferoxamine, deferiprone, or deferasirox therapy within 12 weeks prior to Day 1.",
        E,
        [DANAZOL_NOW],
        [CLEAN, DANAZOL_OLD],
        [],
    ),
    ("Anabolic steroids", E, [DANAZOL_NOW, DANAZOL_OLD], [CLEAN, PREDNISONE_NOW], []),
    # -- an anti-androgen, or the androgen as a target, is none
    ("Antiandrogens (e.g. bicalutamide, nilutamide)", E, [], [DANAZOL_NOW], []),
]


@pytest.mark.parametrize("text, kind, facts, expected", outcome_cases(ROWS))
def test_androgens_are_read_as_a_therapy(
    text: str, kind: CriterionType, facts: PatientFacts, expected: Outcome
) -> None:
    assert judged(parse_line(text, kind), facts) is expected


@pytest.mark.parametrize(
    "text",
    [
        "Prior treatment with androgen receptor (AR) blockers",
        "Ongoing androgen deprivation therapy with an LHRH analogue",
        "Current or prior treatment with a bisphosphonate, calcitonin, or other bone resorptive/anabolic agents",
    ],
)
def test_an_androgen_named_as_a_target_is_no_androgen_given(text: str) -> None:
    assert "androgen-therapy" not in str(parse_line(text, E).expr) and "androgen_therapy" not in repr(
        parse_line(text, E).expr
    )


def test_hostile_input_parses_quickly() -> None:
    text = "anti " * 400 + "androgen, " * 400 + "anabolic " * 400
    start = time.perf_counter()
    parse_line(text, E)
    assert time.perf_counter() - start < 1.0
