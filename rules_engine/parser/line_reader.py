"""The line grammar, reached from the modules it is built of.

The residue policy reads a proviso ("eligible provided that they are > 4 weeks from stem cell
infusion, have no active GVHD") and the labs topic the group a bound is scoped to ("for patients
with history of cardiac disease") as lines of their own, as do the line's conditional, scoped,
counted and defined readings (``conditional``, ``scopes``, ``alternatives``, ``definitions``) with
their parts. ``line`` imports them all, so importing ``line`` back would close a circle: ``line``
installs its readers here when it is imported (the package's ``__init__`` imports it before any
topic is used), and they are called through here.
"""

from __future__ import annotations

from collections.abc import Callable

from rules_engine.criteria import Criterion, CriterionType, Expr

_readers: dict[str, Callable[..., object]] = {}


def install(to_expr: Callable[[str, CriterionType], Expr], parse_line: Callable[[str, CriterionType], Criterion]) -> None:
    _readers["expr"], _readers["line"] = to_expr, parse_line


def read_expr(text: str, ctype: CriterionType) -> Expr:
    """``line._to_expr``: a clause's structure, the line's remarks and residue policy applied."""
    return _readers["expr"](text, ctype)  # type: ignore[return-value]


def read_line(text: str, ctype: CriterionType) -> Criterion:
    """``line.parse_line``: the whole line reader."""
    return _readers["line"](text, ctype)  # type: ignore[return-value]
