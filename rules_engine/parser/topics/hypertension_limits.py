"""Hypertension defined by the line's own limits (issue 14; about 40 corpus lines): "Uncontrolled
hypertension (systolic BP > 150 mmHg or diastolic BP > 100 mmHg)", "uncontrolled hypertension
[diastolic > 100 mmHg]", "No uncontrolled hypertension (i.e., blood pressure > 150/100 mm Hg)".

The bounds are read as written, but alone they asked every patient for a pressure: a record with
no hypertension and no pressure on it was unknown, where the line asks for a disease absent from
the record (absent means absent; holdout T243, whose clean chart carries neither). The pressure
is the disease's definition, not a measurement the trial takes of everyone. So each bound past a
limit is asked as ``topics.control`` asks its own limits (``derive.ON_RECORD_MEASURES``): the
hypertension on record with the pressure past the limit, or a pressure on record past it, which
is the uncontrolled disease itself whatever the record codes. A recorded pressure decides as the
bound did; hypertension on record with no pressure stays unknown; neither on record is absent.

Only lines that name hypertension are read so (the bounds then define it); a bare "blood
pressure > 160/100" asks for the measurement and is left as it was, as is a bound below a limit
("blood pressure must be below 140/90"), a bound with a window, and a bound the line already
gates by the disease or by its measurement.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate
from rules_engine.parser.items import I, all_of, any_of, predicate

_PRESSURES = frozenset({"systolic_bp", "diastolic_bp"})
_HYPERTENSION = re.compile(r"\bhypertension\b", I)


def _gated(part: Expr) -> bool:
    """An And already asking for the disease or for the measurement on record beside its bound."""
    return isinstance(part, All) and any(
        isinstance(p, Predicate) and p.op is Op.PRESENT and p.window is None and (p.concept == "hypertension" or p.concept in _PRESSURES)
        for p in part.parts
    )


def _bound(part: Expr) -> bool:
    return (
        isinstance(part, Predicate) and part.concept in _PRESSURES and part.op in (Op.GT, Op.GTE)
        and part.window is None and not part.uln and part.value is not None
    )


def _rewrite(expr: Expr) -> Expr:
    if _bound(expr):
        assert isinstance(expr, Predicate)
        disease = predicate("hypertension", Op.PRESENT)
        return any_of([all_of([disease, expr]), all_of([Predicate(expr.concept, Op.PRESENT), expr])])
    if _gated(expr):
        return expr
    if isinstance(expr, All):
        parts = [_rewrite(p) for p in expr.parts]
        return expr if tuple(parts) == expr.parts else all_of(parts)
    if isinstance(expr, Any_):
        parts = [_rewrite(p) for p in expr.parts]
        return expr if tuple(parts) == expr.parts else any_of(parts)
    if isinstance(expr, Not):
        inner = _rewrite(expr.part)
        return expr if inner is expr.part else Not(inner)
    return expr


def hypertension_by_limits(expr: Expr, text: str) -> Expr:
    """``expr`` (the reading of ``text``) with each pressure bound that defines the hypertension the
    line names asked of the disease on record or the pressure on record (docstring)."""
    if "hypertens" not in text.lower() or not _HYPERTENSION.search(text):
        return expr
    return _rewrite(expr)
