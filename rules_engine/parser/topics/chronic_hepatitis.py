"""A chronic hepatitis named by its old histological kind ("History of chronic active hepatitis or
cirrhosis", "liver disease such as cirrhosis, chronic active hepatitis or chronic persistent
hepatitis", "No chronic liver disease (i.e., chronic active hepatitis or cirrhosis)"; ~35 corpus
lines): a liver disease, which the catalogue's ``liver_disease`` holds whatever its cause but a
virus (K70-K77: chronic hepatitis, autoimmune hepatitis), and a chronic viral hepatitis on record
may be (B18: the intake's hepatitis B or C), which leaves to a person whether it is the one the
line means. Left a review of its own, the phrase kept the line unknown for every patient, one
with no liver disease on record too (absent means absent).

Only the phrase that names no virus: "chronic active hepatitis B infection" is hepatitis B,
read where the infections are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rules_engine.criteria import Expr, Op, ReviewReason
from rules_engine.parser.items import I, Item, all_of, any_of, predicate
from rules_engine.parser.safety import Qualifier

_CHRONIC_HEPATITIS = re.compile(
    r"\bchronic\s+(?:active|persistent|aggressive)\s+hepatitis\b(?!\s*(?:[BC]\b|virus|\())"
    r"(?:\s*(?:,|or|and/or)\s*(?:chronic\s+)?persistent\s+hepatitis\b(?!\s*(?:[BC]\b|virus|\()))?", I)


def _chronic_hepatitis() -> Expr:
    viral = Qualifier(ReviewReason.AMBIGUOUS, "whether the viral hepatitis on record is the chronic hepatitis the line means")
    return any_of([predicate("liver_disease", Op.PRESENT), all_of([predicate("hbv", Op.PRESENT), viral]), all_of([predicate("hcv", Op.PRESENT), viral])])


def chronic_hepatitis_items(text: str, free: Callable[[int, int], bool]) -> list[Item]:
    """Each chronic active or persistent hepatitis that names no virus, as this module reads it."""
    return [
        Item(m.start(), m.end(), _chronic_hepatitis(), frozenset({"liver_disease", "hbv", "hcv"}))
        for m in _CHRONIC_HEPATITIS.finditer(text) if free(m.start(), m.end())
    ]
