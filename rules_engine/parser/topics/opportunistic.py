"""An opportunistic infection by name: "Opportunistic infection within 60 days prior to
enrollment", "Ongoing opportunistic infections", "No evidence of active opportunistic infections"
(about 10 corpus lines; issue 14, cond7).

The parser reads the infection and leaves "opportunistic" to a person ("infection and a review of
'Opportunistic'"), so a pneumocystis pneumonia a month ago was unknown where the line excludes
it. The infections a failing immune system lets in are coded diagnoses
(``opportunistic_infection``: pneumocystis, CMV disease, toxoplasmosis, cryptococcosis, invasive
moulds, atypical mycobacteria, PML ...; codes.toml): one on record, in the line's window, meets
the line. Any other infection stays the person's (the review is kept beside it: a bacterial
pneumonia may be opportunistic in a given patient), and none on record is none.

Only where the review holds nothing but the word and the filler around it; the pattern is one
possessive repetition of literals.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Expr, Op, Predicate, Review
from rules_engine.parser.items import I, any_of, predicate, rewrite_conjunctions

_FILLER = (
    r"\W|\b(?:patients?|subjects?|participants?|with|has|have|no|any|other|known|documented|evidence\s+of|presence\s+of|"
    r"active|acute|ongoing|concurrent|current|co-?existing|intercurrent|or|and)\b"
)
_WORD_ONLY = re.compile(rf"(?:{_FILLER})*+\bopportunistic\b(?:{_FILLER})*+", I)


def _named(node: All) -> Expr | None:
    if len(node.parts) != 2:
        return None
    infection = next((p for p in node.parts if isinstance(p, Predicate)), None)
    review = next((p for p in node.parts if isinstance(p, Review)), None)
    if (
        infection is None
        or review is None
        or infection.concept != "active_infection"
        or infection.op not in (Op.PRESENT, Op.WITHIN)
    ):
        return None
    if not review.text or len(review.text) > 80 or not _WORD_ONLY.fullmatch(review.text):
        return None
    return any_of([predicate("opportunistic_infection", infection.op, window=infection.window), node])


def opportunistic_named(expr: Expr) -> Expr:
    """``expr`` with an infection asked "opportunistic" met by an opportunistic one on record."""
    return rewrite_conjunctions(expr, _named)
