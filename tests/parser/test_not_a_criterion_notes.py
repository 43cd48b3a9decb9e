"""A note saying what the trial does not use as a criterion ("Note: Hematologic abnormalities will
not be used as a criteria for entry or exclusion") asks nothing: the line's limits decide alone.
Its unread words left a line whose every limit a patient met to a person."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.parser.remarks import NOT_A_CRITERION
from rules_engine.rule_language import render_rule

INC = CriterionType.INCLUSION


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Serum creatinine ≤ 1.5 mg/dL; bilirubin ≤ 1.3 mg/dL. Note: Blood counts will not be used as a criteria for entry or exclusion", "creatinine <= 1.5 mg/dL and bilirubin <= 1.3 mg/dL"),
        ("Serum creatinine ≤ 1.5 mg/dL; the platelet count is not considered as a criterion for eligibility", "creatinine <= 1.5 mg/dL"),
    ],
    ids=["note", "plain"],
)
def test_a_note_on_what_is_no_criterion_asks_nothing(line: str, rule: str) -> None:
    c = parse_line(line, INC)
    assert render_rule(c.expr, c.applies_if) == rule


@pytest.mark.parametrize(
    "text",
    ["Patients who will not be used as controls", "Hematologic abnormalities will be used as a criteria for entry"],
    ids=["other-use", "affirmed"],
)
def test_other_sentences_are_no_such_note(text: str) -> None:
    assert NOT_A_CRITERION.match(text) is None


def test_the_note_pattern_is_bounded() -> None:
    start = time.perf_counter()
    NOT_A_CRITERION.match("note " + "will not be " * 2000 + "x" * 20000)
    assert time.perf_counter() - start < 1.0
