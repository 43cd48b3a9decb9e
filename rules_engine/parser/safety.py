"""The safety rule, enforced on every parsed line (brief, rule 1).

Text Eligo cannot read becomes a ``Review`` part, which Kleene logic evaluates as ``unknown``.
Where such a part sits decides what it can do to a line:

* as another requirement of an inclusion (``All(structured, Review)``) or another alternative
  of an exclusion (``Any_(structured, Review)``) it can only turn a decision in the patient's
  favour into ``unknown``: a failing requirement still fails the inclusion, an applying
  alternative still triggers the exclusion;
* as an alternative of an inclusion (``Any_(structured, Review)``) or a further condition of an
  exclusion (``All(structured, Review)``) it *masks* a decision against the patient: an ALT of
  4.5 x ULN no longer fails "ALT <= 3 x ULN ... or review(Gilbert)".

Masking is right only where the text says so: a real "or" between alternatives of the same
role, an exception scoped to its own subject ("bilirubin <= 3 x ULN for Gilbert's syndrome"),
a condition a permitted group must meet, or a qualifier that narrows one item ("*active*
hepatitis B"). The parser marks those reviews (``Alternative``, ``Qualifier``); ``enforce``
drops every other review from a masking position. Dropping never loses a decision: a dropped
alternative could only have turned the structured part's failure into ``unknown`` (a met part
already meets the ``Any_``), and likewise for a dropped exclusion condition.

By induction over the tree: after ``enforce`` a decision against the patient made by the
structured parts alone is the line's decision, and any other decision can only become
``unknown`` (Kleene logic is monotone). ``tests/parser/test_safety.py`` checks this with random
criteria and records.
"""

from __future__ import annotations

from rules_engine.criteria import All, Any_, CriterionType, Expr, Not, Review


class Qualifier(Review):
    """A review that narrows the one item it stands beside ("active", "requiring treatment"):
    it may turn that item's decision into ``unknown`` whichever way it went."""


class Alternative(Review):
    """A review the text really offers as an alternative ("... or <unread>"), scoped to the item
    it widens (an exception's own subject, a permitted group's condition)."""


_MARKERS = (Qualifier, Alternative)


def plain(review: Review) -> Review:
    """The stored form of a marked review: markers are the parser's business only."""
    return Review(review.reason, review.text) if isinstance(review, _MARKERS) else review


def enforce(expr: Expr, ctype: CriterionType) -> Expr:
    """``expr`` with no unmarked review in a position that masks a decision against the
    patient, and with markers turned into plain reviews. Pure; the line's meaning is otherwise
    unchanged."""
    against_met = CriterionType(ctype) is CriterionType.EXCLUSION
    return _walk(expr, against_met)


def _walk(expr: Expr, against_met: bool) -> Expr:
    """``against_met``: whether ``met`` is the outcome of this sub-expression that goes against
    the patient (an exclusion applying; under ``Not`` the roles swap)."""
    if isinstance(expr, Review):
        return plain(expr)
    if isinstance(expr, Not):
        return Not(_walk(expr.part, not against_met))
    if isinstance(expr, (All, Any_)):
        masking = isinstance(expr, All) if against_met else isinstance(expr, Any_)
        parts = [_walk(p, against_met) if not isinstance(p, Review) else p for p in expr.parts]
        if masking and any(not isinstance(p, Review) for p in parts):
            parts = [p for p in parts if not isinstance(p, Review) or isinstance(p, _MARKERS)]
        parts = [plain(p) if isinstance(p, Review) else p for p in parts]
        parts = list(dict.fromkeys(parts))
        if len(parts) == 1:
            return parts[0]
        return type(expr)(tuple(parts))
    return expr
