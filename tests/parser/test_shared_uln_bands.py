"""Two bounds of one lab with "x ULN" written once, after the second ("total bilirubin > 1.5 but <
3 x ULN"): both bounds are multiples of the upper limit (rules_engine.parser.topics.shared_uln)."""

from __future__ import annotations

import time

import pytest

from rules_engine.criteria import Op, iter_predicates
from rules_engine.parser import parse_line
from rules_engine.parser.topics.shared_uln import shared_uln_bands


@pytest.mark.parametrize("text, bounds", [
    ("Subjects with documented Gilbert disease are allowed if total bilirubin > 1.5 but less than 3 × ULN", {(Op.GT, 1.5), (Op.LT, 3)}),
    ("Cohort 2 (mild): Bilirubin > 1-1.5 × upper limit of the normal", {(Op.GT, 1), (Op.LTE, 1.5)}),
])
def test_both_bounds_are_multiples_of_the_upper_limit(text: str, bounds: set) -> None:
    preds = [p for p in iter_predicates(parse_line(text, "inclusion").expr) if p.concept == "bilirubin"]
    assert all(p.uln for p in preds) and {(p.op, p.value) for p in preds} == bounds


@pytest.mark.parametrize("text", ["Bilirubin > 1.5 mg/dL", "AST 2.5-5 x ULN", "bilirubin <= 1.5 x ULN"])
def test_other_bounds_are_left_as_written(text: str) -> None:
    assert shared_uln_bands(text) == text


def test_the_band_pattern_is_fast_on_hostile_text() -> None:
    text = "> 1.5 but " * 3000 + "ULN"
    start = time.perf_counter()
    shared_uln_bands(text)
    assert time.perf_counter() - start < 0.5
