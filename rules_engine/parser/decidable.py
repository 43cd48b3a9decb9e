"""Lines no record can ever decide, because a person must: read as the person's review.

"Presence of other severe medical conditions as determined by the investigator, such as
uncontrolled hypertension or diabetes" reads as ``any(all(hypertension, review(uncontrolled)),
all(diabetes, review(uncontrolled)), review(investigator))``: whatever the record holds, every
alternative is ``unknown`` at best and ``not_met`` never, so the line is ``unknown`` for every
patient. When every review in such a reading is a person's (investigator judgement, consent),
the line is a person's question outright, and is stored as one: the outcome is the same for every
record (``unknown``), and the coverage report counts it with the other inherently human lines
instead of as a partly structured line that never decides.

A reading that can be decided for some record is left alone, and so is one whose reviews include
unread text (an unsupported concept, an unparsed word): there the structure is Eligo's to finish.
"""

from __future__ import annotations

from rules_engine.criteria import All, Any_, Expr, Not, NoRequirement, Predicate, Review, ReviewReason

_T, _F, _U = "met", "not_met", "unknown"
_HUMAN = frozenset({ReviewReason.CONSENT, ReviewReason.JUDGEMENT})


def outcomes(expr: Expr) -> frozenset[str]:
    """Every outcome the expression can take over all records, its leaves taken as independent
    (a superset of the true set: two leaves asking the same thing cannot disagree, which only
    removes outcomes). So an answer of ``{unknown}`` is exact."""
    if isinstance(expr, Predicate):
        return frozenset({_T, _F})
    if isinstance(expr, NoRequirement):
        return frozenset({_T})
    if isinstance(expr, Review):
        return frozenset({_U})
    if isinstance(expr, Not):
        flip = {_T: _F, _F: _T, _U: _U}
        return frozenset(flip[o] for o in outcomes(expr.part))
    parts = [outcomes(p) for p in expr.parts]
    decisive, neutral = (_F, _T) if isinstance(expr, All) else (_T, _F)
    out = set()
    if any(decisive in p for p in parts):
        out.add(decisive)
    if all(neutral in p for p in parts):
        out.add(neutral)
    if all(p - {decisive} for p in parts) and any(_U in p for p in parts):
        out.add(_U)
    return frozenset(out)


def _reviews(expr: Expr) -> list[Review]:
    if isinstance(expr, Review):
        return [expr]
    if isinstance(expr, Not):
        return _reviews(expr.part)
    if isinstance(expr, (All, Any_)):
        return [r for p in expr.parts for r in _reviews(p)]
    return []


def human_only(expr: Expr) -> Expr:
    """``expr``, or the person's review it amounts to when no record can decide it and every
    review in it is a person's (judgement before consent: the investigator decides the line)."""
    if isinstance(expr, Review) or outcomes(expr) != frozenset({_U}):
        return expr
    reasons = {r.reason for r in _reviews(expr)}
    if not reasons or not reasons <= _HUMAN:
        return expr
    return Review(ReviewReason.JUDGEMENT if ReviewReason.JUDGEMENT in reasons else ReviewReason.CONSENT, "")
