"""A label naming the liver tests before the tests it names (rules_engine.parser.enzyme_labels).

"The transaminases alanine aminotransferase (ALT) and aspartate aminotransferase (AST) must each be ...",
"Transaminases: aspartate aminotransferase (AST) ...", "Liver function tests: AST, ALT ...": the label
was an unread review beside the bounds (holdout T321: normal ALT and AST were unknown). A name with its
abbreviation ("alanine aminotransferase ALT") and an example list ("abnormal liver function tests such as
AST") are no label.
"""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.normalize import normalize
from rules_engine.rule_language import render_rule

INC = CriterionType.INCLUSION


@pytest.mark.parametrize("line, read", [
    ("The transaminases alanine aminotransferase (ALT) and aspartate aminotransferase (AST) must each be less than or equal to 3-times the upper limits of normal",
     "ALT <= 3 x ULN and AST <= 3 x ULN"),
    ("Transaminases: aspartate aminotransferase (AST) or alanine aminotransferase (ALT) less than 2 x ULN", "AST < 2 x ULN and ALT < 2 x ULN"),
])
def test_the_label_before_the_named_tests_is_read_as_nothing(line: str, read: str) -> None:
    assert render_rule(parse_line(line, INC).expr) == read


@pytest.mark.parametrize("text, kept", [
    ("alanine aminotransferase ALT <= 2.5 x ULN", "aminotransferase"),
    ("abnormal liver function tests such as aspartate aminotransferase", "liver function tests"),
])
def test_what_is_no_label_is_kept(text: str, kept: str) -> None:
    assert kept in normalize(text)


def test_the_row_takes_bounded_time_on_hostile_text() -> None:
    start = time.perf_counter()
    normalize("the transaminases " * 1000 + "liver function tests " * 500)
    parse_line("Transaminases: " * 1300 + "ALT <= 2 x ULN", INC)
    assert time.perf_counter() - start < 1.0
