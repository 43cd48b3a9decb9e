"""An "and" between two qualifiers of one noun, inside a list's gap.

"another active malignancy (...), uncontrolled medical conditions, uncontrolled and active
infection (...), uncontrolled risk of bleeding, or uncontrolled diabetes mellitus": the "and" in
"uncontrolled and active infection" joins two adjectives of the infection, never two items of
the list (criteria-shapes: "and"/"or" join items only between subjects). Read as the join, the
list broke in two halves asked together, and a patient with the other cancer, sepsis or diabetes
alone met no part of the exclusion (holdout T313). Blanked, the gap reads as the list's own comma.
The same in "retinal vein occlusion or known and untreated proliferative diabetic retinopathy":
read as the join after the "or", the two diseases were asked together.

Only the last "and" of the gap, between a degree or course word and another qualifier, with
nothing after it but the next item's own words (no comma, bracket or conjunction): "active and
uncontrolled infection", "serious and uncontrolled infection", "symptomatic and unstable brain
metastases", "known and untreated ... retinopathy".
"""

from __future__ import annotations

import re

from rules_engine.parser.joiners import DEGREE

_QUALIFIER = rf"(?:{DEGREE}|untreated|unresolved)"
# (the degree words are fixed alternatives: each is tried once per position, nothing nests)
_AND = re.compile(rf"\b({_QUALIFIER})\s++and\s++(?={_QUALIFIER}\b)", re.I)
_REST_BREAKS = re.compile(r"[,;()\[\]/]|\b(?:and|or|nor|with|without|for|except|including)\b", re.I)


def qualifiers_and_blanked(connector: str) -> str:
    """The gap with an "and" between two qualifiers of the next item's noun made a space."""
    if "and" not in connector.lower():
        return connector
    found = None
    for m in _AND.finditer(connector):
        found = m
    if found is None or _REST_BREAKS.search(connector, found.end()):
        return connector
    return connector[: found.start()] + found.group(1) + " " + connector[found.end() :]
