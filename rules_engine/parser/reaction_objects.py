"""A drug allergy whose object is written once, after another reaction or a contraindication.

"Prior hypersensitivity or dose-limiting toxicity with docetaxel", "History of a hypersensitivity
or idiosyncratic reaction to, or other contraindication to, mitomycin", "Patients with known
hypersensitivity or a history of marked intolerance to 5-FU", "Allergy or other contraindication
to morphine sulphate", "Have known allergies, hypersensitivity, or intolerance to docetaxel or
dexamethasone", "Previous history of hypersensitivity reactions (e.g. asthma, rhinitis ...) in
response to ibuprofen, aspirin or other NSAIDs" (about 20 corpus lines): the allergy word has no
"to" of its own; the object after the other words is its object too. Read alone, the word was any
drug allergy, so a penicillin allergy excluded a patient from a docetaxel trial (and, under an
inclusion's "No ...", failed one).

The bare allergy is read as the allergy to the object ("hypersensitivity to <object>", as the
allergy reader reads it): a record of an allergy to the product named meets it, any other allergy
does not. An object the reader cannot resolve to an allergy keeps the allergy with a review of
what it is to: an allergy on record is a person's, none is none.

Left alone: a line that also names anaphylaxis or a hypersensitivity pneumonitis (another bare
reading, any anaphylaxis, may be the line's own), and an allergy word with an object of its own.
Every pattern is literals and bounded classes; no repetition nests another.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rules_engine.criteria import All, Any_, Expr, Not, Op, Predicate, Review, ReviewReason
from rules_engine.parser.items import any_of

_ALLERGY = "drug_hypersensitivity"

# the allergy word, with no object of its own (no "to"/"against"/"with" straight after it, an
# example bracket aside), then either the object after the bracket ("... (e.g. asthma) in response
# to ibuprofen") or another reaction or contraindication joined by "or" or a comma and the object
# after it ("... or dose-limiting toxicity with docetaxel")
_SHARED_OBJECT = re.compile(
    r"\b(?:allerg(?:y|ies|ic)|hypersensitivit(?:y|ies))(?:\s{1,3}reactions?)?"
    r"(?!\s{0,3}(?:to|against|with|in\s+response\s+to)\b)"
    r"(?:\s{0,3}\([^()]{0,160}\))?"
    r"(?:\s{0,3}(?:in\s+response\s+to|to|against)|\s{0,3}(?:,|/|\bor\b|\band/or\b)[^.;:]{1,80}?\b(?:in\s+response\s+to|to|against|with))"
    r",?\s{1,3}(?!(?:or|and)\b)(?P<object>\w[^.;:()]{1,120})",
    re.I,
)
# the allergy word ending its sentence, no object anywhere after it ("The patient received
# omacetaxine or has a history of hypersensitivity.")
_ENDING = re.compile(r"\b(?:allerg(?:y|ies|ic)|hypersensitivit(?:y|ies))(?:\s{1,3}reactions?)?\s{0,3}[.;]?\s{0,3}$", re.I)
# a trailing verdict is no part of the object ("... to 5-FU are ineligible")
_VERDICT_TAIL = re.compile(r"\s+(?:are|is|will\s+be|shall\s+be)\s+(?:not\s+)?(?:ineligible|eligible|excluded|allowed|permitted)\s*$", re.I)
# words whose bare reading may be the line's own (any anaphylaxis) or another disease
_OTHER_BARE = re.compile(r"anaphyla|pneumonitis", re.I)


def _bare(expr: Expr) -> bool:
    return isinstance(expr, Predicate) and expr.concept == _ALLERGY and expr.op is Op.PRESENT and expr.value is None and expr.window is None


def _qualified(node: All) -> bool:
    """An allergy already asked with a review beside it ("hypersensitivity and what it is to")."""
    return any(isinstance(part, Review) for part in node.parts)


def _has_bare(expr: Expr) -> bool:
    """Whether ``expr`` holds a bare drug allergy no review beside it qualifies."""
    if _bare(expr):
        return True
    if isinstance(expr, Not):
        return _has_bare(expr.part)
    if isinstance(expr, (All, Any_)):
        skip = isinstance(expr, All) and _qualified(expr)
        return any(_has_bare(part) for part in expr.parts if not (skip and _bare(part)))
    return False


def _replaced(expr: Expr, by: Expr) -> Expr:
    if _bare(expr):
        return by
    if isinstance(expr, Not):
        inner = _replaced(expr.part, by)
        return expr if inner is expr.part else Not(inner)
    if isinstance(expr, (All, Any_)):
        skip = isinstance(expr, All) and _qualified(expr)
        parts = tuple(part if skip and _bare(part) else _replaced(part, by) for part in expr.parts)
        if parts == expr.parts:
            return expr
        return any_of(list(parts)) if isinstance(expr, Any_) else All(parts)
    return expr


def _allergy_only(expr: Expr) -> bool:
    """Whether ``expr`` is made of allergies (and reviews) alone, one allergy at least, and no
    allergy left bare."""
    found = False

    def walk(node: Expr) -> bool:
        nonlocal found
        if isinstance(node, Predicate):
            kind = "hypersensitivity" in node.concept or "allergy" in node.concept
            found = found or kind
            return kind
        if isinstance(node, Review):
            return True
        if isinstance(node, (All, Any_)):
            return all(walk(part) for part in node.parts)
        return False

    return walk(expr) and found and not _has_bare(expr)


def _named_products(expr: Expr) -> list[str]:
    if isinstance(expr, Predicate):
        return [expr.value] if expr.concept == "named_medication" and expr.op is Op.IS and isinstance(expr.value, str) else []
    if isinstance(expr, Not):
        return _named_products(expr.part)
    if isinstance(expr, (All, Any_)):
        return [name for part in expr.parts for name in _named_products(part)]
    return []


def _named_before(expr: Expr, words: str) -> Expr:
    """"The patient received omacetaxine or has a history of hypersensitivity.": the allergy that
    ends the sentence, with no object of its own, is to the product the line names before it (a
    record of omacetaxine, or of an allergy to it, meets the line; an allergy to another drug does
    not). A line that names no product keeps its reading (any drug allergy)."""
    if _ENDING.search(words) is None:
        return expr
    names = list(dict.fromkeys(_named_products(expr)))
    if not names:
        return expr
    return _replaced(expr, any_of([Predicate(_ALLERGY, Op.IS, name) for name in names]))


def shared_reaction_object(expr: Expr, text: str, read: Callable[[str], Expr]) -> Expr:
    """``expr`` with a bare drug allergy read as the allergy to the object the line writes after
    another reaction or contraindication (module docstring); any other line unchanged. ``read``
    reads words as an exclusion's phrase."""
    lower = text.lower()
    if ("allerg" not in lower and "hypersensitiv" not in lower) or _OTHER_BARE.search(text) or not _has_bare(expr):
        return expr
    words = " ".join(text.split())
    found = _SHARED_OBJECT.search(words)
    if found is None:
        return _named_before(expr, words)
    obj = _VERDICT_TAIL.sub("", found.group("object")).strip(" ,")
    if not obj:
        return expr
    reading = read(f"hypersensitivity to {obj}")
    if not _allergy_only(reading):
        reading = All((Predicate(_ALLERGY, Op.PRESENT), Review(ReviewReason.AMBIGUOUS, f"what the allergy is to: {obj}")))
    return _replaced(expr, reading)
