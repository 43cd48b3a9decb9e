"""Clause structure (issue 14): enumerations, wrappers, anchors, examples and conditions read as
the registry text means them, one shape per row. Each row is a shape mined from the corpus,
written short; the expected expression is the clinician's reading of the line."""

from __future__ import annotations

import pytest

from rules_engine.criteria import Any_, CriterionType, Expr, Op, Predicate, Review, Window

from rules_engine.parser import parse_line

INC, EXC = CriterionType.INCLUSION, CriterionType.EXCLUSION


def present(concept: str) -> Predicate:
    return Predicate(concept, Op.PRESENT)


def uln(concept: str, op: Op, value: float) -> Predicate:
    return Predicate(concept, op, value, None, True)


def weeks(concept: str, n: float) -> Predicate:
    return Predicate(concept, Op.WITHIN, window=Window(n, "weeks"))


SHAPES: list[tuple[str, str, CriterionType, Expr]] = [
    (
        "a wrapper that names what the bounds after it define adds no condition",
        "Abnormal laboratory values (ALT ≥ 5 × ULN; total bilirubin ≥ 1.5 × ULN)",
        EXC,
        Any_((uln("alt", Op.GTE, 5), uln("bilirubin", Op.GTE, 1.5))),
    ),
    (
        "a disorder defined by its bound in brackets is the bound",
        "Renal insufficiency (serum creatinine > 2.5 mg/dL)",
        EXC,
        Predicate("creatinine", Op.GT, 2.5, "mg/dL"),
    ),
    (
        "a time anchored on the protocol's therapy is when, not what",
        "Immunotherapy within 4 weeks of protocol-specified therapy",
        EXC,
        weeks("immunotherapy", 4),
    ),
]


@pytest.mark.parametrize(("text", "ctype", "expected"), [pytest.param(t, c, e, id=i) for i, t, c, e in SHAPES])
def test_clause_shape_is_read_as_the_text_means(text: str, ctype: CriterionType, expected: Expr) -> None:
    assert parse_line(text, ctype).expr == expected


# A wrapper with no bound after it is a condition of its own: never blanked away.
UNREAD_WRAPPERS = [
    "HIV or hepatic impairment (Child-Pugh B or C)",
    "HIV or renal insufficiency",
]


@pytest.mark.parametrize("text", UNREAD_WRAPPERS)
def test_a_wrapper_without_a_bound_stays_an_unread_alternative_of_the_exclusion(text: str) -> None:
    expr = parse_line(text, EXC).expr
    assert isinstance(expr, Any_)
    assert present("hiv") in expr.parts
    assert any(isinstance(part, Review) for part in expr.parts)
