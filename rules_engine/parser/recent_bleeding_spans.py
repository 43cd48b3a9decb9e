"""A recent bleeding of the gut dated by a bound in brackets before its "significant" (issue 14):
"Ongoing or recent (=< 3 months) significant gastrointestinal bleeding", "Ongoing or recent (≤ 3
months) significant gastrointestinal bleeding" (the dasatinib template; 5 corpus records).

``recent_spans`` reads "recent (< 3 months) <event>" as the window the event readers know, but
not before a qualifier of the event: the events reader takes a window's words up to its event
into the event's span, and the qualifier with them, so "significant" would be dropped and any
bleeding on record excluded. For a bleeding of the gut that drop says what the record says:
a bleeding from the gut coded as a diagnosis is clinically significant by what it is
(``topics.significant_bleeding``: "Clinically significant gastrointestinal bleeding" reads as
the coded gut bleeding alone). Left unread, the bracket was an alternative beside the bleeding
("review 'recent … ≤ 3 months'"), so a patient with no bleeding was unknown, one bled last month
unknown too.

Only "significant" (or "clinically significant") right before the gut's bleeding: a qualifier
that defines ("significant (>= grade 3) GI bleeding"), another site or another qualifier ("major",
"uncontrolled") is left as ``recent_spans`` leaves it. A row of ``normalize._SUBS``: pattern,
replacement, gate words. Literals and bounded repetitions; none nests one.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review, ReviewReason
from rules_engine.parser.recent_spans import _BOUND, _SPAN

RECENT_GUT_BLEEDING = (
    r"\b(recent)\s*\(\s*" + _BOUND + r"\s*" + _SPAN + r"\s*\)\s*"
    r"((?:clinically\s+)?significant\s+(?:upper\s+|lower\s+)?(?:gastrointestinal|GI|gastric)\s+(?:bleeding|bleeds?|ha?emorrhages?)\b)",
    r"\1 (within \2) \3",
    ("recent",),
)

ROWS = (RECENT_GUT_BLEEDING,)


# the line's own shape, as written (before normalize): "Ongoing or recent (<= N months) significant
# gastrointestinal bleeding"
_ONGOING_OR_RECENT = re.compile(
    r"\b(?:ongoing|current|active)\s+or\s+recent\s*\(\s*" + _BOUND + r"\s*\d{1,3}\s*(?:days?|weeks?|months?|years?)\s*\)\s*"
    r"(?:clinically\s+)?significant\s+(?:upper\s+|lower\s+)?(?:gastrointestinal|GI|gastric)\s+(?:bleeding|bleeds?|ha?emorrhages?)\b",
    re.I,
)
_BLEEDINGS = frozenset({"gi_hemorrhage", "hemorrhage"})
_STILL = "whether the bleeding on record, older than the line's window, is still going on"


def ongoing_bleeding_asked(expr: Expr, text: str) -> Expr:
    """``expr`` (the reading of ``text``) with the "ongoing" alternative of an "ongoing or recent
    (<= N months)" gut bleeding asked as a bleeding on record that may still be going on: the
    record dates a bleeding by its onset, so one within the window meets the line, and an older
    one on record (an episode the record may or may not have closed) is a person's, never the
    whole line's answer (a bleeding 200 days ago is no ongoing one by its date alone)."""
    if "recent" not in text.lower() or _ONGOING_OR_RECENT.search(text) is None:
        return expr
    return _rewrite(expr)


def _rewrite(expr: Expr) -> Expr:
    if isinstance(expr, Not):
        inner = _rewrite(expr.part)
        return expr if inner is expr.part else Not(inner)
    if not isinstance(expr, (All, Any_)):
        return expr
    parts = tuple(_rewrite(p) for p in expr.parts)
    if isinstance(expr, Any_):
        dated = {p.concept for p in parts if isinstance(p, Predicate) and p.op is Op.WITHIN and p.window is not None}
        parts = tuple(
            All((p, Review(ReviewReason.AMBIGUOUS, _STILL)))
            if isinstance(p, Predicate) and p.op is Op.PRESENT and p.window is None and p.concept in _BLEEDINGS and p.concept in dated
            else p
            for p in parts
        )
    if all(a is b for a, b in zip(parts, expr.parts, strict=True)):
        return expr
    return type(expr)(parts)
