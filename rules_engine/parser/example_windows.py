"""One window for an event and the examples it gives of itself.

"Arterial or venous thrombotic or embolic events such as cerebral vascular accident (including
transient ischemic attacks), deep vein thrombosis or pulmonary embolism within 6 months before
randomization", "Thrombotic or embolic events such as a cerebrovascular accident including
transient ischemic attacks within the past 6 months", "No thrombotic or embolic events within
the past 6 months, including cerebrovascular accidents and transient ischemic attacks", "Stroke
(including transient ischemic attack), myocardial infarction, or other ischemic event within 12
weeks of enrollment": the examples ("such as", "including", "e.g.") name kinds of the event they
follow, and the window written once, after the last example or right after the head, dates the
head and every example alike (about 15 corpus lines).

The topics date a plain list ("A, B or C within 6 months") but stop at an example marker or at
the bracket that holds the examples, so a stroke five years ago met a line about the last six
months (an exclusion excluded a patient it does not name; a "No ..." inclusion failed one it
admits), and a head dated before its examples left them undated.

A chain is the items joined by list words, example markers and brackets only (no word of its own
between two of them), with at least one example marker inside it. Only when exactly one window
dates its events, held by its first item (the head) or its last (the window closing the list),
does that window date the chain's undated events. Only events that happen on a day take it
(``heading_windows._DATED``: an infarction, a stroke, a thrombosis, a bleed, a therapy): a chronic
condition among the examples (heart failure) stays as read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rules_engine.criteria import Any_, Op, Predicate, Window
from rules_engine.parser.heading_windows import _ACUTE, _DATED
from rules_engine.parser.items import I, Item

# the words that may join two items of one chain: punctuation, list joins, example markers, an
# article; each alternative a fixed word, matched token by token (no nested repetition)
_GLUE_TOKEN = re.compile(
    r"\s+|[,()/]|\b(?:and/or|or|and|including|includes?|such\s+as|for\s+example|e\.\s?g\.?|eg\b|i\.\s?e\.?"
    r"|but\s+not\s+limited\s+to|not\s+limited\s+to|a|an|the|any|other|etc\.?)\b",
    I,
)
_MARKER = re.compile(r"\b(?:including|includes?|such\s+as|for\s+example|e\.\s?g\b|eg\b|i\.\s?e\b)", I)
# a head's own window between it and its examples ("events within the past 6 months, including")
_WINDOW_WORDS = re.compile(
    r"\s*\(?\s*(?:within|in|during|over)\s+(?:the\s+)?(?:(?:past|previous|last|preceding|prior)\s+)?\d{1,3}\s*(?:days?|weeks?|months?|years?)\)?",
    I,
)


def _glue(gap: str) -> bool:
    """Whether ``gap`` holds only list words, example markers and brackets."""
    pos = 0
    while pos < len(gap):
        m = _GLUE_TOKEN.match(gap, pos)
        if m is None or m.end() == pos:
            return False
        pos = m.end()
    return True


def _event(it: Item) -> Predicate | None:
    """The undated or dated event ``it`` reads, when it reads one alone."""
    e = it.expr
    if isinstance(e, Predicate) and e.concept in _DATED and e.value is None and e.op in (Op.PRESENT, Op.WITHIN):
        return e
    return None


def _windows(it: Item, text: str) -> set[Window]:
    """The windows dating the events ``it`` reads (alone, or beside an unread alternative:
    "myocardial infarction, or other ischemic event within 12 weeks"), written outside a bracket
    of its own: "experimental therapy (treatment within the last 30 days with a drug ...)" defines
    the kind beside it and dates nothing else. A "history of" reading's span of a lifetime
    (100 years) is no window the text wrote."""
    words = text[it.start: it.end]
    if words.count("(") > words.count(")"):
        return set()
    e = it.expr
    parts = e.parts if isinstance(e, Any_) else (e,)
    return {
        p.window for p in parts
        if isinstance(p, Predicate) and p.concept in _DATED and p.value is None and p.op is Op.WITHIN and p.window is not None
        and not (p.window.unit == "years" and p.window.amount >= 100)
    }


def _dates(chain: list[Item], text: str) -> Window | None:
    """The one window the chain's events are dated by, if its head or its last item holds it."""
    windows = set().union(*(_windows(it, text) for it in chain))
    if len(windows) != 1:
        return None
    window = next(iter(windows))
    return window if window in _windows(chain[0], text) | _windows(chain[-1], text) else None


# a therapy asked as prior ("Any prior systemic anticancer therapy including ...") is asked ever:
# a window among its kinds dates them, not the class (as topics.events reads a list's head)
_PRIOR_LEAD = re.compile(r"\b(?:prior|previous(?:ly)?)\s+(?:[\w-]+\s+){0,3}$", I)


def shared_example_windows(items: list[Item], text: str) -> list[Item]:
    """The items with each undated event of an example chain dated by the chain's window."""
    if not _MARKER.search(text):
        return items
    ordered = sorted((it for it in items if it.expr is not None), key=lambda it: (it.start, it.end))
    chains: list[list[Item]] = []
    chain: list[Item] = []
    marked = False
    for it in ordered:
        if chain:
            gap = text[chain[-1].end: it.start]
            head_window = _WINDOW_WORDS.match(gap) if len(chain) == 1 else None
            rest = gap[head_window.end():] if head_window is not None else gap
            if chain[-1].end <= it.start and _glue(rest) and (head_window is None or _MARKER.search(rest)):
                marked = marked or _MARKER.search(gap) is not None
                chain.append(it)
                continue
            if marked:
                chains.append(chain)
        chain, marked = [it], False
    if chain and marked:
        chains.append(chain)
    for chain in chains:
        window = _dates(chain, text)
        if window is None:
            continue
        for k, it in enumerate(chain):
            e = _event(it)
            if k == 0 and e is not None and e.concept not in _ACUTE and _PRIOR_LEAD.search(text, max(0, it.start - 40), it.start):
                continue
            if e is not None and e.op is Op.PRESENT and e.window is None:
                it.expr = replace(e, op=Op.WITHIN, window=window)
    return items
