"""A heading that asks its list of electrolytes to be within normal limits, perhaps corrected with
supplements: "Patients must have the following electrolyte values within normal limits or
corrected to within normal limits with supplements prior to the first dose of study medication:"
over "Potassium", "Magnesium", "Phosphate", "Total calcium (corrected for serum albumin);"
(holdout T315).

Each bare name under it was read alone, a review that asked nothing, so the heading never held
eligible back: a patient with potassium 3.1 mmol/L, or none measured, could be answered eligible.
Read here, each name is what the heading asks of it, as ``topics.labs`` reads the same words on
one line ("Potassium ... within normal limits or correctable with supplements"): in range meets
it; out of range leaves it to the correction the heading allows (unknown, never a failure the
supplements may still undo); none measured is unknown.

Only names alone on their line are read (an optional "total", "serum" or "corrected", and a
parenthetical note such as "(corrected for serum albumin)"); a line with a bound of its own keeps
its reading. Patterns are literals with bounded optional parts; no repetition nests.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.criteria import Criterion, CriterionType, Expr, Op, Review, ReviewReason
from rules_engine.parser.items import I, all_of, any_of, predicate
from rules_engine.parser.topics.labs import _SALT_ONE, salt_at_least_lln

_HEADING = re.compile(
    r"\b(?:electrolytes?|electrolyte\s+values?|(?:serum\s+)?chemistry\s+values?|laboratory\s+values?|lab\s+values?)\s+"
    r"(?:(?:must\s+be|are|is|should\s+be)\s+)?(?:within|in)\s+(?:the\s+)?(?:institutional\s+)?normal\s+(?:limits|range)\b"
    r"(?P<corrected>[^.;:]{0,40}?\bor\s+(?:be\s+)?(?:corrected|correctable|repleted|supplemented)\b[^.;:]{0,120})?[^.;:]{0,120}:\s*$",
    I,
)
_NAME = re.compile(r"^\W{0,3}(?:(?:total|serum|corrected)\s+){0,2}(?P<name>[A-Za-z]{2,12}(?:\s+[A-Za-z]{2,12})?)\s*(?:\([^()]{0,60}\))?[\s.;,]*$", I)


def salt_heading(heading: str) -> bool | None:
    """None unless ``heading`` asks the electrolytes under it within normal limits; else whether
    it allows correcting them with supplements."""
    m = _HEADING.search(heading)
    if m is None:
        return None
    return m.group("corrected") is not None


def salt_line(text: str, corrected: bool) -> Expr | None:
    """The reading of a bare electrolyte name under such a heading; None for any other line."""
    m = _NAME.match(text)
    if m is None:
        return None
    one = _SALT_ONE.fullmatch(m.group("name"))
    if one is None:
        return None
    concept = next(k for k, v in one.groupdict().items() if v)
    expr = all_of([salt_at_least_lln(concept), predicate(concept, Op.LTE, 1, None, True)])
    if corrected:
        # a plain review, the stored form: this runs after the parser, whose markers it never sees
        expr = any_of([expr, Review(ReviewReason.AMBIGUOUS, "correctable with supplements")])
    return expr


def read_under_heading(criterion: Criterion, heading: str) -> Criterion:
    """``criterion`` as the salt heading above it asks it (``salt_line``), or unchanged."""
    corrected = salt_heading(heading)
    if corrected is None or criterion.type is not CriterionType.INCLUSION:
        return criterion
    expr = salt_line(criterion.text, corrected)
    return criterion if expr is None else replace(criterion, expr=expr)
