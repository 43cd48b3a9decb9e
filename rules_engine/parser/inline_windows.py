"""A window a line's lead-in states for the list after its colon, on one line: "Any of the following
within the 6 months prior to study drug administration: myocardial infarction, severe/unstable
angina, ..., cerebrovascular accident or transient ischemic attack, or pulmonary embolism"; "Any
unstable diseases occurring within 6 months before screening (including but not limited to):
unstable angina, ischemic or cerebrovascular accidents, myocardial infarction, ..." (seed
NCT06559644; about 30 corpus lines of this shape).

Read word by word, the window dated the first item only: a stroke or a pulmonary embolism years ago
excluded the patient the line excludes for one within 6 months. ``heading_windows`` dates the
lines under such a heading; this is the same reading for the list written on the lead-in's own
line, through the same table of dated events (``heading_windows._DATED``: acute events and
therapies; a chronic condition stays as read).

Only the list is dated, never the lead-in's own words: an event the lead-in names ("History of
stroke, or any of the following within 6 months: ...") keeps its reading, as does any event
named again after the list's sentence ends. The window must be the list's: between it and the
colon stand only its anchor and a bracket ("prior to study drug administration", "(including
but not limited to)"), no clause of its own ("within 4 weeks or who have the following:").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from rules_engine.criteria import CriterionType, Expr, Op, Predicate, iter_predicates
from rules_engine.parser.heading_windows import _DATED, heading_window
from rules_engine.parser.items import I, map_leaves

# the lead-in: up to the first colon outside brackets, no sentence stop before it
_LEAD = re.compile(r"^[^.;:]{0,200}?:", I)
_WINDOW_WORDS = re.compile(r"\b(?:within|during|in\s+the\s+(?:past|last|previous|preceding))\b", I)
# words between the window and the colon that open a clause of their own
_OWN_CLAUSE = re.compile(r"\b(?:or|and|and/or|who|which|that|with|has|have|had|if|unless|except|whose|when|where)\b", I)
_WINDOW_THEN = re.compile(
    r"\b(?:within|during|in|over)\s+(?:the\s+)?(?:(?:past|previous|last|preceding|prior)\s+)?"
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:days?|weeks?|months?|years?)\b",
    I,
)
# the list's sentence ends at a full stop followed by a new sentence
_SENTENCE_END = re.compile(r"\.\s+(?=[A-Z])")


def _lead(text: str) -> str | None:
    m = _LEAD.match(text)
    if m is None or not text[m.end():].strip():
        return None
    lead = m.group(0)
    if lead.count("(") != lead.count(")"):
        return None
    return lead


def dated_inline(expr: Expr, text: str, ctype: CriterionType, read: Callable[[str, CriterionType], Expr]) -> Expr:
    """``expr`` (the line ``text`` read) with each dated event the list after the lead-in's colon
    names without a window of its own asked within the lead-in's window (module docstring);
    ``read`` reads a fragment as the line's type would."""
    if ":" not in text or not _WINDOW_WORDS.search(text):
        return expr
    lead = _lead(text)
    if lead is None:
        return expr
    window = heading_window(lead)
    if window is None:
        return expr
    spans = list(_WINDOW_THEN.finditer(lead))
    if not spans or _OWN_CLAUSE.search(lead[spans[-1].end():]):
        return expr
    # what the lead-in names itself, and whatever follows the list's sentence, keeps its reading
    keep = {p.concept for p in iter_predicates(read(lead[: spans[-1].start()], ctype))}
    rest = text[len(lead):]
    end = _SENTENCE_END.search(rest)
    if end is not None:
        keep |= {p.concept for p in iter_predicates(read(rest[end.end():], ctype))}

    def undated(node: Expr) -> bool:
        return (isinstance(node, Predicate) and node.op is Op.PRESENT and node.value is None and node.window is None
                and node.concept in _DATED and node.concept not in keep)

    if not any(undated(p) for p in iter_predicates(expr)):
        return expr

    def leaf(node: Expr) -> Expr:
        return replace(node, op=Op.WITHIN, window=window) if undated(node) and isinstance(node, Predicate) else node

    return map_leaves(expr, leaf)
