"""An exclusion that states the time since a transplant as its requirement.

"Prior therapies for CML or Ph+ ALL permitted, with the following restriction:" over "6 months or
longer after stem cell transplantation" (holdout T272): the line is what a transplanted patient
must meet, listed among the exclusions. What excludes is a transplant inside the span; read as the
inclusion's washout ("no transplant within 6 months"), it excluded every patient never
transplanted and passed one three months out. Left unread, every patient was a person's.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, procedure

EXC, INC = CriterionType.EXCLUSION, CriterionType.INCLUSION
LINE = "6 months or longer after stem cell transplantation"


def test_the_exclusion_asks_a_transplant_inside_the_span():
    assert rule_of(LINE, EXC) == "HSCT within 6 months exclusive"


def test_the_inclusion_keeps_its_washout():
    assert rule_of(LINE, INC) == "no HSCT within 6 months exclusive"


ROWS = [
    (LINE, (healthy(procedure("allo_hsct", 90)),), (healthy(), healthy(procedure("allo_hsct", 365))), ()),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(ROWS))
def test_each_record_is_judged(text, facts, expected):
    assert judged(parse_line(text, EXC), facts) is expected


def test_a_hostile_line_is_read_quickly():
    started = time.perf_counter()
    parse_line("6 months or longer after " + "stem cell " * 3000 + "transplantation", EXC)
    assert time.perf_counter() - started < 1.0
