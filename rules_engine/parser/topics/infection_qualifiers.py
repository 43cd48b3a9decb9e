"""The first of two qualifiers joined before an infection: "Untreated or uncontrolled life-threatening
infection", "No untreated or uncontrolled life-threatening infection", "Active clinically serious
and uncontrolled infection > CTCAE Grade 2" (holdout T304, T193, T105).

The clause grammar cuts the line at the "or"/"and", so the words before it ("Untreated", "Active
clinically serious") were read as an alternative of their own, a bare review beside the infection:
a patient with no infection on record was unknown where the line plainly does not exclude him. The
words qualify the infection the line names after them, so the stray review becomes that
infection's qualifier: ``active-infection and review "Untreated"``, which a record without an
active infection fails and which stays a person's for a patient who has one. Only a review made of
qualifier words alone, beside an alternative that reads the infection, in a line that writes the
two qualifiers joined right before "infection".

Patterns are alternations of literals with bounded repetitions; none nests an unbounded one.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Op, Predicate, Review, iter_predicates
from rules_engine.parser.items import rewrite_groups

_Q = r"(?:untreated|uncontrolled|serious|severe|active|clinically\s+(?:serious|significant)|life[\s-]threatening|symptomatic)"

# the line's shape: two qualifiers joined, right before the infection ("untreated or uncontrolled
# life-threatening infection", "active clinically serious and uncontrolled infection")
_JOINED = re.compile(
    rf"\b(?P<first>{_Q}(?:\s+{_Q}){{0,2}})\s+(?:or|and|and/or)\s+{_Q}(?:\s+{_Q}){{0,2}}\s+(?:systemic\s+)?infections?\b",
    re.I,
)
_SUBJECT = re.compile(r"^\W*(?:(?:no|patients?|subjects?|participants?|with|has|have|an?|any|other|known)\s+){0,3}", re.I)

# the stray review: qualifier words and the subject's, nothing else
_STRAY = re.compile(
    rf"\W*(?:(?:no|patients?|subjects?|participants?|with|has|have|an?|any|other|known)\s+){{0,3}}{_Q}(?:\s+{_Q}){{0,2}}\W*",
    re.I,
)


def _words(text: str) -> str:
    return " ".join(re.findall(r"[a-z]+", text.lower()))


def _infection_of(expr: Expr) -> Predicate | None:
    """The active infection an alternative reads (asked now or in a window), if any."""
    return next((p for p in iter_predicates(expr) if p.concept == "active_infection" and p.op in (Op.PRESENT, Op.WITHIN)), None)


def stray_qualifiers(expr: Expr, text: str) -> Expr:
    """``expr`` with a stray qualifier review made the infection's qualifier (see above)."""
    # the words before the joining word, as the stray review must hold them (never the line's own
    # head further back: "Patients with any severe ... conditions such as: ..., an active or
    # uncontrolled severe infection" keeps "Patients with any severe" its own)
    firsts = {_words(m.group("first")) for m in _JOINED.finditer(text)}
    if not firsts:
        return expr

    def at(node: All | Any_, parts: list[Expr], positive: bool) -> list[Expr]:
        if not isinstance(node, Any_):
            return parts
        infection = next((i for p in parts if not isinstance(p, Review) and (i := _infection_of(p)) is not None), None)
        if infection is None:
            return parts
        return [
            All((infection, p)) if isinstance(p, Review) and p.text and _STRAY.fullmatch(p.text) and _words(_SUBJECT.sub("", p.text)) in firsts else p
            for p in parts
        ]

    return rewrite_groups(expr, at)
