"""A line that opens "previously untreated with X" or "naive to X" asks that X was never given.

Read as the therapies with the opening a review beside them, a patient never treated failed the
inclusion (``therapy_rewrites.UNTREATED_WITH``).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import condition, healthy, medication

INC = CriterionType.INCLUSION

READINGS = [
    ("Patients must be previously untreated with chemotherapy or radiation therapy", "not (chemotherapy or radiotherapy)"),  # corpus
    ("Previously untreated with chemotherapy or radiotherapy for lung cancer;", "not ((chemotherapy or radiotherapy) and lung-cancer)"),
    ("Naive to prior systemic anti-cancer therapy for melanoma", "not (anticancer-therapy and melanoma)"),
    ("Naive to prior chemotherapy or specific immunotherapy", "not (chemotherapy or (immunotherapy and review unparsed \"specific\"))"),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_the_therapies_are_asked_absent(text, rule):
    assert rule_of(text, INC) == rule


def test_a_list_joined_by_and_is_left_as_it_was():
    """"untreated with docetaxel and pemetrexed" is neither; "No prior X and Y" would read both."""
    assert "not" not in rule_of("Previously untreated with docetaxel and pemetrexed", INC)


ROWS = [
    (READINGS[0][0], INC, (healthy(),), (healthy(medication("chemotherapy", 400)),), ()),
    (READINGS[2][0], INC, (healthy(condition("melanoma")),), (healthy(condition("melanoma"), medication("anticancer_therapy", 90)),), ()),
]


@pytest.mark.parametrize("text,ctype,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged_by_the_line(text, ctype, facts, expected):
    assert judged(parse_line(text, ctype), facts) is expected


def test_a_hostile_opening_is_read_quickly():
    started = time.perf_counter()
    parse_line("Naive to " + "prior any " * 3000 + "chemotherapy" + " or x" * 2000, INC)
    parse_line("Previously untreated with " + "chemotherapy, " * 3000, INC)
    assert time.perf_counter() - started < 1.0
