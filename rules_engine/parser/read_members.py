"""A list member another topic reads, kept apart from the later topic's span that swallowed it.

"Documented history of ... unstable angina, myocardial infarction, or cardiac symptoms consistent
with New York Heart Association Class III-IV within 6 months": the events topic carries the
window back over the list and keeps the subject it cannot read between the event and the window
("cardiac symptoms consistent with New York Heart Association Class III-IV") as an unread
alternative of its span. The NYHA class is another topic's, read earlier over the same words; the
two spans overlap and the first topic's wins (``extraction``), so the whole event span was
dropped and the myocardial infarction fell into the line's residue (a patient with an infarction
last month was left ``unknown`` by a line that excludes him).

Kept apart: the later span is cut before the unread member, without that member's review (the
other topic reads it, and the words it leaves join the line's residue beside it as they did
before); the event keeps the window it read.
"""

from __future__ import annotations

import re

from rules_engine.criteria import All, Any_, Expr, Review
from rules_engine.parser.items import I, Item

# separators a list puts between its last two members ("..., or", "and/or")
_TRAILING_JOIN = re.compile(r"(?:[\s,;]|\b(?:and/or|or|and)\b){0,6}$", I)


def _words_at(words: str, text: str, start: int, end: int) -> re.Match[str] | None:
    pattern = r"\s+".join(re.escape(w) for w in words.split()[:40])
    return re.compile(pattern).search(text, start, end) if pattern else None


def _lstrip(item: Item, text: str) -> int:
    """Where ``item``'s words begin (a topic's span may open on the space before them)."""
    return item.start + len(text[item.start : item.end]) - len(text[item.start : item.end].lstrip())


def member_read_apart(item: Item, inside: list[Item], text: str) -> Item | None:
    """``item`` cut before the one unread member of its list that holds every item of ``inside``
    (the spans of earlier topics it overlaps), or None when it is no such list."""
    e = item.expr
    if not isinstance(e, (Any_, All)) or not inside:
        return None
    unread = [p for p in e.parts if isinstance(p, Review)]
    kept = [p for p in e.parts if not isinstance(p, Review)]
    if len(unread) != 1 or not kept or not unread[0].text:
        return None
    at = _words_at(unread[0].text, text, item.start, item.end)
    if at is None or at.start() <= item.start:
        return None
    if not all(at.start() <= _lstrip(f, text) and f.end <= at.end() for f in inside):
        return None
    end = item.start + len(_TRAILING_JOIN.sub("", text[item.start : at.start()]))
    if end <= item.start:
        return None
    expr: Expr = kept[0] if len(kept) == 1 else type(e)(tuple(kept))
    return Item(item.start, end, expr, item.concepts)
