"""A condition named with the condition that causes it: "hypertension due to pheochromocytoma",
"anaemia secondary to gastrointestinal bleeding", "seizures caused by brain metastases".

"Due to" is a word the items leave unread, so the two conditions stood side by side as two items
of the line's list, and an exclusion joined them as alternatives: "hypertension or
pheochromocytoma", which excluded every patient with a hypertension of any cause (and every one
with the cause alone). The words ask both at once: the condition, and the cause on record beside
it; whether the one is due to the other is a person's (no code says so). So the pair is one item:
both conditions and a review of the link. Absent means absent: without either on record, no such
condition.

Only two adjacent items, each a condition (an event asked present or within a window, one concept
each), with nothing but the linking words between them; a measured value, a therapy or a list on
either side is left as it was. Gated on the literal linking words; the one pattern is a bounded
alternation of literals (linear).
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, Kind
from rules_engine.criteria import Any_, Op, Predicate, ReviewReason
from rules_engine.parser.items import I, Item, all_of, any_of
from rules_engine.parser.safety import Qualifier

_GATE = ("due", "secondary", "caused", "induced", "attributable")
_LINK = re.compile(r"\s{0,3}(?:due\s{1,3}to|secondary\s{1,3}to|caused\s{1,3}by|induced\s{1,3}by|attributable\s{1,3}to)\s{0,3}", I)
_SEPARATOR = re.compile(r",|;|/|\bor\b|\band\b", I)
_THERAPY_WORDS = ("therap", "treatment", "agent", "drug", "medication")


def _condition(item: Item) -> bool:
    return _one_condition(item.expr)


def _listed_conditions(item: Item) -> bool:
    """``item`` a list of conditions read as one ("depression, or hypertension"): the last one
    stands next to the cause."""
    return isinstance(item.expr, Any_) and all(_one_condition(p) for p in item.expr.parts)


def _one_condition(expr: object) -> bool:
    if not isinstance(expr, Predicate) or expr.op not in (Op.PRESENT, Op.WITHIN) or expr.concept is None:
        return False
    concept = CONCEPTS.get(expr.concept)
    return concept is not None and concept.kind is Kind.EVENT and not any(w in expr.concept for w in _THERAPY_WORDS)


def caused_pairs(items: list[Item], text: str) -> list[Item]:
    """``items`` with each "condition due to condition" pair made one item (module docstring)."""
    low = text.lower()
    if not any(word in low for word in _GATE) or len(items) < 2:
        return items
    ordered = sorted(items, key=lambda it: it.start)
    out: list[Item] = []
    k = 0
    while k < len(ordered):
        here = ordered[k]
        nxt = ordered[k + 1] if k + 1 < len(ordered) else None
        if (nxt is not None and here.end <= nxt.start and (_condition(here) or _listed_conditions(here)) and _condition(nxt)
                and _LINK.fullmatch(text, here.end, nxt.start)):
            named = text[here.start: here.end]
            if isinstance(here.expr, Any_):  # (the last of the list's names, the one the cause is of)
                named = _SEPARATOR.split(named)[-1]
            words = " ".join((named + text[here.end: nxt.end]).split())
            review = Qualifier(ReviewReason.JUDGEMENT, f"whether the one is due to the other: {words}")
            if isinstance(here.expr, Any_):
                *others, last = here.expr.parts
                expr = any_of([*others, all_of([last, nxt.expr, review])])  # type: ignore[list-item]
            else:
                expr = all_of([here.expr, nxt.expr, review])  # type: ignore[list-item]
            out.append(Item(here.start, nxt.end, expr, here.concepts | nxt.concepts))
            k += 2
            continue
        out.append(here)
        k += 1
    return out
