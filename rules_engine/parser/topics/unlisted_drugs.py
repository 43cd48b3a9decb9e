"""The drugs of a class beyond the members Eligo reads, asked only of a record that holds a drug.

A concomitant-medication line names a class wider than its concept: "medications known to prolong
the QT interval" (the concept holds the known-risk list), "moderate or strong CYP3A4 inhibitors"
(the concept holds the strong ones). The rest of the class stays a person's question beside the
concept. That question has an answer a record can give, though: a drug the class may hold is a
drug on record. The intake writes every medication it reads as ``named_medication``, whatever its
class, so a record with no medication inside the line's window takes none of the class, read or
not. The review is asked only when one is there (about 170 corpus lines: the QT and CYP3A4 lines
of trials of QT-prolonging or CYP3A4-metabolised drugs); a patient on a listed drug is decided by
the concept as before, one on another drug in the window stays unknown, never cleared.
"""

from __future__ import annotations

from rules_engine.criteria import All, Expr, Op, Predicate, Review, Window
from rules_engine.parser.items import all_of, predicate


def if_on_a_drug(review: Expr, window: Window) -> Expr:
    """``review``, asked only when the record holds a medication inside ``window``."""
    return all_of([predicate("named_medication", Op.WITHIN, None, None, False, window), review])


def is_on_a_drug_review(expr: Expr) -> bool:
    """Whether ``expr`` is a review ``if_on_a_drug`` made: a review still, to the readings that
    take a review beside a drug class for the names it lists (``listed_products``)."""
    if not isinstance(expr, All) or len(expr.parts) != 2:
        return False
    guard, review = expr.parts
    return (isinstance(guard, Predicate) and guard.concept == "named_medication" and guard.op is Op.WITHIN and guard.value is None
            and isinstance(review, Review))
