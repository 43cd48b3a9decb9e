"""A cap on prior therapies that covers a list counts the members together; kinds naming every
transplant are the transplant.

"No more than 1 prior autologous or allogeneic stem cell transplant", "No more than 2 prior
chemotherapy or immunotherapy regimens": each member was read "not X, or a person counts", and the
list's "or" joined them, so a patient with two autologous transplants and no allogeneic one met
the line by "not allogeneic" (eligible where the text caps the transplants at one). The members'
readings must all hold: met without any of them, open with any, never met past the cap by lacking
one member. The transplant's full name ("autologous hematopoietic stem cell transplant") is a
member too (at five words the second member went uncapped and met the line by itself).
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.capped_lists import capped_list
from tests.fixtures.judging import judged, outcome_cases, rule_of
from tests.fixtures.records import healthy, medication, procedure

INC = CriterionType.INCLUSION

TRANSPLANTS = "Must have received no more than 1 prior autologous or allogeneic stem cell transplant."  # NCT02642965
FULL_NAME = "No more than 1 prior autologous or allogeneic hematopoietic stem cell transplantation"  # NCT00372619
REGIMENS = "No more than 2 prior chemotherapy or immunotherapy regimens"
ONE_KIND = "No more than 1 prior autologous stem cell transplant"

READINGS = [
    (TRANSPLANTS, '(not auto-HSCT or review unsupported "≤ 1 prior autologous stem cell transplant") and '
                  '(not allo-HSCT or review unsupported "≤ 1 prior autologous stem cell transplant or allogeneic stem cell transplant")'),
    (FULL_NAME, '(not auto-HSCT or review unsupported "≤ 1 prior autologous hematopoietic stem cell transplantation") and '
                '(not allo-HSCT or review unsupported "≤ 1 prior autologous hematopoietic stem cell transplantation or allogeneic hematopoietic stem cell transplantation")'),
    (REGIMENS, '(not chemotherapy or review unsupported "≤ 2 prior chemotherapy") and '
               '(not immunotherapy or review unsupported "≤ 2 prior chemotherapy or immunotherapy regimens")'),
    # one member: the cap's reading as before
    (ONE_KIND, 'not auto-HSCT or review unsupported "≤ 1 prior autologous stem cell transplant"'),
]


@pytest.mark.parametrize("text,rule", READINGS, ids=[r[0][:45] for r in READINGS])
def test_the_cap_holds_for_every_member_together(text, rule):
    assert rule_of(text, INC) == rule


# (line, met, not met, unknown): no record past the cap meets the line by lacking one member
ROWS = [
    (TRANSPLANTS, (healthy(),), (), (healthy(procedure("auto_hsct", 400), procedure("auto_hsct", 200)), healthy(procedure("allo_hsct", 200)))),
    (FULL_NAME, (healthy(),), (), (healthy(procedure("allo_hsct", 400), procedure("auto_hsct", 200)),)),
    (REGIMENS, (healthy(),), (), (healthy(medication("chemotherapy", 300), medication("chemotherapy", 200), medication("chemotherapy", 100)),)),
]


@pytest.mark.parametrize("text,facts,expected", outcome_cases(ROWS))
def test_a_record_past_the_cap_never_meets_the_line(text, facts, expected):
    assert judged(parse_line(text, INC), facts) is expected


def test_a_hostile_list_is_read_quickly():
    started = time.perf_counter()
    parse_line("No more than 1 prior " + "autologous or allogeneic, " * 800 + "stem cell transplant", INC)
    parse_line("No more than 2 prior " + "chemotherapy or " * 1300 + "regimens", INC)
    assert time.perf_counter() - started < 1.0


def test_an_expression_without_caps_is_returned_as_it_was():
    expr = parse_line("Prior chemotherapy or immunotherapy", INC).expr
    assert capped_list(expr) is expr


# -- kinds that name every transplant ("allogeneic, syngeneic, or autologous", "either allogeneic or
# autologous") are the transplant itself; left, the list was an unread alternative beside it

KINDS = [
    ("Prior allogeneic, syngeneic, or autologous bone marrow transplant or stem cell transplant less than 2 months previously", "HSCT within 2 months"),
    ("Received hematopoietic stem cell transplantation (either allogeneic or autologous)", "HSCT"),
    ("Prior allogeneic, syngeneic or autologous HSCT", "HSCT"),
]


@pytest.mark.parametrize("text,rule", KINDS, ids=[k[0][:45] for k in KINDS])
def test_every_kind_is_the_transplant(text, rule):
    assert rule_of(text, CriterionType.EXCLUSION) == rule


def test_a_list_without_both_kinds_keeps_its_words():
    assert rule_of("Prior allogeneic, syngeneic, or matched unrelated transplant", CriterionType.EXCLUSION) != "HSCT"


def test_a_hostile_kind_list_is_read_quickly():
    started = time.perf_counter()
    parse_line("Prior allogeneic, syngeneic, or autologous " * 600 + "transplant", CriterionType.EXCLUSION)
    parse_line("Prior transplantation (either allogeneic or autologous " * 600, CriterionType.EXCLUSION)
    assert time.perf_counter() - started < 1.0
