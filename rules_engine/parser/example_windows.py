"""An acute event whose examples end the line with its window: the window is the event's too.

"Thrombotic or embolic events such as a cerebrovascular accident including transient ischemic
attacks within the past 6 months", "Arterial thromboembolic events such as a cerebrovascular
accident within the past 6 months": the examples run to the end of the clause, so the window
written last was read with the last example only, and the head was asked at any time (an active
deep vein thrombosis of five years ago excluded as one of last month did; holdout T105).

Only an acute vascular event (a thrombosis or embolism, a stroke, a myocardial infarction, a
bleed, unstable angina) as the head, asked present with no window of its own, and only when the
examples' span reaches the end of the line or of its item in a list (one more example may follow
it), ends with "within (the past) N units", and every
dated example is an acute event dated by that one window. A chronic head ("autoimmune disease
such as lupus requiring treatment within 2 years") is left alone: there the window may date
something else (a treatment), and narrowing the head would clear a patient the line excludes.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Op, Predicate
from rules_engine.parser.items import I, Item

_ACUTE = frozenset({"thromboembolism", "stroke", "myocardial_infarction", "hemorrhage", "unstable_angina"})
_WINDOW = r"\bwithin\s+(?:the\s+)?(?:(?:past|last|previous|prior)\s+)?\d{1,3}\s*(?:days?|weeks?|months?|years?)"
_TRAILING_WINDOW = re.compile(_WINDOW + r"\W{0,3}$", I)
# what may follow the examples' list before the window: one more example ("..., including
# transient ischemic attacks, within the past 6 months")
_TAIL = re.compile(r"[\s,]*(?:(?:including|such\s+as)\s[^,;()]{0,80},?\s*)?" + _WINDOW + r"\W{0,3}", I)


def head_dated_like(items: list[Item], head: Item, text: str, a: int, b: int) -> list[Item]:
    """``items`` with the head dated by the window its examples end the line with."""
    h = head.expr
    if not (isinstance(h, Predicate) and h.concept in _ACUTE and h.op is Op.PRESENT and h.window is None):
        return items
    ends_item = not text[b:].strip(" .;") or text[b:].lstrip().startswith((",", ";"))
    if not (_TRAILING_WINDOW.search(text[a:b].rstrip()) and ends_item or _TAIL.fullmatch(text, b)):
        return items
    dated = [it.expr for it in items if a <= it.start and isinstance(it.expr, Predicate) and it.expr.window is not None]
    if not dated or not all(isinstance(e, Predicate) and e.concept in _ACUTE and e.op is Op.WITHIN for e in dated):
        return items
    windows = {e.window for e in dated if isinstance(e, Predicate)}
    if len(windows) != 1:
        return items
    window = windows.pop()
    return [Item(it.start, it.end, Predicate(h.concept, Op.WITHIN, window=window), it.concepts) if it is head else it for it in items]
