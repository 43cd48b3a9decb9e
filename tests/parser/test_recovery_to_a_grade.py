"""Recovery from a prior therapy's effects with its grade written after the therapy, "to" it
("Recovery from reversible acute effects of prior anti-cancer therapy (chemotherapy, radiotherapy,
or investigational treatment) to NCI Common Toxicity Criteria for Adverse Events (NCI CTCAE) Grade
<= 1"): the grade is what recovered means (``topics.events._GRADE_TO_AFTER``). Unread, the
bracket's therapies were each an alternative of the line (any patient given radiotherapy met it
whatever his toxicity), or the line went wholly to a person."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import CriterionType
from rules_engine.parser import parse_line
from rules_engine.rule_language import render_rule

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


@pytest.mark.parametrize("ctype, line, read", [
    (INC, "Recovery from reversible acute effects of prior anti-cancer therapy (chemotherapy, radiotherapy, or investigational treatment) to NCI Common "
          "Toxicity Criteria for Adverse Events (NCI CTCAE) Grade ≤ 1", "toxicity-grade <= 1"),
    (INC, "Recovered from acute effects of previous anticancer therapy to CTCAE Grade ≤ 1", "toxicity-grade <= 1"),
    (EXC, "Not recovered from acute effects of previous anticancer therapy to Grade ≤ 1", "not toxicity-grade <= 1"),
])
def test_a_grade_after_the_recovered_therapy_bounds_the_recovery(ctype: CriterionType, line: str, read: str) -> None:
    assert render_rule(parse_line(line, ctype).expr) == read


def test_a_hostile_recovery_is_read_quickly() -> None:
    text = "Recovered from acute effects of prior therapy (" + "x, " * 3000 + ") to " + "CTCAE " * 1000 + "grade ≤ 1"
    start = time.perf_counter()
    parse_line(text[:20000], INC)
    assert time.perf_counter() - start < 5.0
