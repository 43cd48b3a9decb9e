"""One measure, a bound for each group of patients: "Life expectancy > 12 weeks for patients with
solid tumors (including non-Hodgkin's lymphoma) and 6 weeks for patients with hematological
malignancies".

Each bound concerns only the patients its scope names, so the line is
``(not A or measure bound1) and (not B or measure bound2)``. Read as one clause, both groups were
asked of every patient ("solid-tumor and blood-cancer"), and everyone failed the line.
``scopes.trailing_scope`` leaves a bound right before a scope alone on purpose (there it is a looser
bound beside the bound for all: "AST <= 2.5 x ULN (5 x ULN for patients with liver metastases)");
here every bound carries its own scope, so none is the bound for all.

Read only when the second part is a bare bound (a number, its unit, the same measure implied) and
each scope reads as a diagnosis a record holds; otherwise the line is left as it was read. A
group no record decides leaves the line to ``line``'s reading (never met on its strength).
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Expr, Not, Predicate, Review, iter_predicates
from rules_engine.parser.items import all_of, any_of
from rules_engine.parser.line_reader import read_expr

_UNIT = r"(?:weeks?|months?|days?|years?|%|mg/dL|x\s*ULN|times\s+(?:the\s+)?ULN)"
_SCOPE = r"(?:for|in)\s+(?:patients?|subjects?|participants?)\s+with\s+"
_TWO_BOUNDS = re.compile(
    r"^(?P<first>[^;:]{3,80}?\d+(?:\.\d+)?\s*" + _UNIT + r")\s+(?P<scope1>" + _SCOPE + r"[^;:]{2,90}?)\s*,?\s+(?:and|or|;)\s+"
    r"(?P<cmp>(?:[<>≤≥]=?|at\s+least|greater\s+than|more\s+than|less\s+than)\s*)?(?P<second>\d+(?:\.\d+)?\s*" + _UNIT + r")\s+"
    r"(?P<scope2>" + _SCOPE + r"[^;:]{2,90}?)\s*\.?\s*$",
    re.I,
)
_NUMBER = re.compile(r"(?:[<>≤≥]=?\s*|\b(?:at\s+least|greater\s+than|more\s+than|less\s+than|no\s+more\s+than|no\s+less\s+than)\s+)?\d+(?:\.\d+)?\s*" + _UNIT + r"\s*$", re.I)


def _group(scope: str) -> Expr | None:
    """The diagnosis a scope names, when it reads as diagnoses only (a bracketed example dropped)."""
    words = re.sub(r"\([^()]{0,80}\)", " ", re.sub(_SCOPE, "", scope, count=1, flags=re.I))
    expr = read_expr(words, CriterionType.INCLUSION)
    if isinstance(expr, Review) or not all(isinstance(p, Predicate) for p in iter_predicates(expr)):
        return None
    if any(isinstance(n, Review) for n in _walk(expr)):
        return None
    return expr


def _walk(expr: Expr) -> list[Expr]:
    parts = getattr(expr, "parts", None)
    if parts is not None:
        return [expr, *(n for p in parts for n in _walk(p))]
    inner = getattr(expr, "part", None)
    return [expr, *_walk(inner)] if inner is not None else [expr]


def scoped_bounds(text: str, ctype: CriterionType) -> Expr | None:
    """An inclusion whose measure carries one bound per named group; None for any other line."""
    if ctype is not CriterionType.INCLUSION:
        return None
    m = _TWO_BOUNDS.match(text.strip())
    if m is None:
        return None
    first = m.group("first")
    number = _NUMBER.search(first)
    if number is None:
        return None
    measure = first[: number.start()]
    comparator = re.match(r"(?:[<>≤≥]=?|(?:at\s+least|greater\s+than|more\s+than|less\s+than|no\s+more\s+than|no\s+less\s+than))", number.group(0), re.I)
    cmp2 = m.group("cmp") or (comparator.group(0) if comparator else "")
    if not cmp2:
        return None
    bound1 = read_expr(first, ctype)
    bound2 = read_expr(f"{measure} {cmp2} {m.group('second')}", ctype)
    concepts1 = {p.concept for p in iter_predicates(bound1)}
    concepts2 = {p.concept for p in iter_predicates(bound2)}
    if len(concepts1) != 1 or concepts1 != concepts2 or any(isinstance(n, Review) for n in (*_walk(bound1), *_walk(bound2))):
        return None
    group1, group2 = _group(m.group("scope1")), _group(m.group("scope2"))
    if group1 is None or group2 is None:
        return None
    return all_of([any_of([Not(group1), bound1]), any_of([Not(group2), bound2])])
