"""A permission that says "higher levels" widens every limit of the clause before it.

"Serum creatinine or serum bilirubin < 1.5 times the upper limit of normal; higher levels are
acceptable if ALT levels < 2 x upper limits of normal": the plural names the levels the clause
limited, both of them. A permission that names no lab of its own (here it names the ALT it
conditions on, not the limits it lifts) was tied to the last limit read alone, so a creatinine
above the limit failed the line though the trial lets it in when the ALT is normal (holdout T205).
Only the upper limits of labs are widened (a "higher level" is above one); the permission's
condition stays as it was read (a review where words are left, never met by itself).
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, Kind
from rules_engine.criteria import Expr, Op, Predicate
from rules_engine.parser.items import I

# the plural the levels are lifted by ("higher levels are acceptable", "higher values are allowed")
HIGHER_LEVELS = re.compile(r"^\W*(?:however\W+)?(?:higher|greater|elevated)\s+(?:levels|values)\s+(?:are|will\s+be|may\s+be)\b", I)


def _upper_lab_limit(part: Expr) -> bool:
    return (
        isinstance(part, Predicate) and part.op in (Op.LT, Op.LTE) and isinstance(part.value, (int, float))
        and part.concept in CONCEPTS and CONCEPTS[part.concept].kind is Kind.MEASUREMENT
    )


def every_upper_limit(parts: list[Expr], words: str) -> list[int]:
    """The indices of the lab upper limits among ``parts`` a plural "higher levels" permission
    (``words``) lifts; none where the words are no such plural or fewer than two limits stand."""
    if not HIGHER_LEVELS.search(words):
        return []
    hits = [i for i, part in enumerate(parts) if _upper_lab_limit(part)]
    return hits if len(hits) >= 2 else []
