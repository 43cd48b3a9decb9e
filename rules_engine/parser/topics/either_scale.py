"""ECOG and Karnofsky asked in one line: the patient's performance on either scale, whichever the
record holds.

A hospital writes one performance scale, rarely both. Registries offer the other scale beside it,
as an equivalent in brackets ("ECOG 0-2 (Karnofsky >= 60%)", 42 corpus lines) or as an alternative
("ECOG 0-1 OR Karnofsky 70-100%", "ECOG <= 1 (or Karnofsky >= 70%)", 30). Asked of both scales,
the one not on record was converted from the other, and a converted score is a band (ECOG 2 is
Karnofsky 50-60%) that leaves a bound inside it open: an ECOG of 2 alone left "ECOG 0, 1 or 2
(Karnofsky >= 60%)" unknown, and an ECOG of 2 alone did not fail "ECOG 0-1 or Karnofsky >= 60%".

Each scale on record now decides by its own value (``derive.ON_RECORD_MEASURES``: a measurement
asked ``PRESENT`` is its own value on record, never a converted one):

* the bracketed equivalent: every scale on record must meet its bound (two recorded scales that
  disagree fail, so the lax one never admits a patient the other fails); with neither on record
  both bounds are asked as before (a Lansky converted to both);
* the alternative ("or"): a scale on record that meets its bound meets the line, and the scales
  on record all failing fail it, even with the other scale missing; with neither on record either
  bound as before.

Only inclusions: an exclusion's scales ("ECOG > 2 or Karnofsky < 60") keep the plain reading.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, CriterionType, Expr, Op, Predicate

_PAIR = ("ecog", "karnofsky")
_BOUND_OPS = frozenset({Op.GT, Op.GTE, Op.LT, Op.LTE, Op.EQ, Op.BETWEEN})
_KARNOFSKY = re.compile(r"\b(?:Karnofsky|KPS)\b", re.I)
# the other scale written in brackets with its value: "(Karnofsky >= 60%)", "(ECOG 0 or 1)",
# "(Eastern Cooperative Oncology Group [ECOG] PS 0-1)", "(Karnofsky PS 70-100%)"
_BRACKETED = re.compile(
    r"[(\[]\s*(?:or\s+)?(?:Karnofsky|KPS|ECOG|Zubrod|WHO|Eastern\s+Cooperative\s+Oncology\s+Group)"
    r"(?:\s*[(\[][A-Za-z ]{2,12}[)\]])?[^()\[\];\d]{0,40}\d",
    re.I,
)


def either_scale(expr: Expr, ctype: CriterionType, text: str) -> Expr:
    """``expr`` with an ECOG and a Karnofsky bound side by side read as either scale on record."""
    if ctype is not CriterionType.INCLUSION or not _KARNOFSKY.search(text):
        return expr
    return _walk(expr, bool(_BRACKETED.search(text)))


def _walk(expr: Expr, bracketed: bool) -> Expr:
    if not isinstance(expr, (All, Any_)):
        return expr  # under a negation the scales are what the line forbids: left as written
    parts = [_walk(p, bracketed) for p in expr.parts]
    found = _pair(parts)
    if found is None or (isinstance(expr, All) and not bracketed):
        return type(expr)(tuple(parts))
    (i, ecog), (j, karnofsky) = found
    joined = _equivalent(ecog, karnofsky) if isinstance(expr, All) else _alternative(ecog, karnofsky)
    rest = [p for n, p in enumerate(parts) if n not in (i, j)]
    if not rest:
        return joined
    rest.insert(min(i, j), joined)
    return type(expr)(tuple(rest))


def _pair(parts: list[Expr]) -> tuple[tuple[int, Predicate], tuple[int, Predicate]] | None:
    """The one ECOG bound and the one Karnofsky bound among ``parts``, with their places."""
    bounds: dict[str, list[tuple[int, Predicate]]] = {c: [] for c in _PAIR}
    for n, p in enumerate(parts):
        if isinstance(p, Predicate) and p.concept in bounds and p.op in _BOUND_OPS and not p.uln:
            bounds[p.concept].append((n, p))
    if any(len(found) != 1 for found in bounds.values()):
        return None
    return bounds["ecog"][0], bounds["karnofsky"][0]


def _on_record(concept: str, op: Op = Op.PRESENT) -> Predicate:
    return Predicate(concept, op)


def _equivalent(ecog: Predicate, karnofsky: Predicate) -> Expr:
    """Every scale on record meets its bound; neither on record, both bounds as before."""
    return All(
        (
            Any_((ecog, _on_record("ecog", Op.ABSENT))),
            Any_((karnofsky, _on_record("karnofsky", Op.ABSENT))),
            Any_((_on_record("ecog"), _on_record("karnofsky"), All((ecog, karnofsky)))),
        )
    )


def _alternative(ecog: Predicate, karnofsky: Predicate) -> Expr:
    """A scale on record meets its bound; neither on record, either bound as before."""
    return Any_(
        (
            All((_on_record("ecog"), ecog)),
            All((_on_record("karnofsky"), karnofsky)),
            All((_on_record("ecog", Op.ABSENT), _on_record("karnofsky", Op.ABSENT), Any_((ecog, karnofsky)))),
        )
    )
