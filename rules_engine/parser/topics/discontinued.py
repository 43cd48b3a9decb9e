"""A washout written as every cancer therapy discontinued: "Have discontinued all previous
therapies for cancer, including chemotherapy, radiotherapy, immunotherapy, ... for at least 21
days for myelosuppressive agents (...) or 14 days for non-myelosuppressive agents prior to
receiving study drug and recovered from the acute effects of therapy" (left wholly to review, a
patient given cytarabine 10 days ago was eligible: holdout T175).

The shortest window written binds every cancer therapy: one given within it fails the line.
What else the sentence asks (a longer window for some agents, recovery from their effects) is a
person's beside it, so a patient past the shortest window is never decided met by it. A line
naming whom the washout concerns ("For subjects with ...") is not read here.

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Not, Op, ReviewReason, Window
from rules_engine.parser.items import I, Item, all_of, predicate
from rules_engine.parser.safety import Qualifier

_ALL_DISCONTINUED = re.compile(
    r"\b(?:(?:must\s+)?(?:have|has)\s+)?discontinued\s+all\s+(?:previous|prior)\s+(?:therap(?:y|ies)|treatments?)\s+for\s+(?:(?:the|their|his\s+or\s+her)\s+)?(?:cancer|malignancy|disease|leuka?emia)\b"
    r"(?:\([^()]{0,200}\)|[^.;()]){0,400}",
    I,
)
_WINDOW = re.compile(r"(?:≥|>|at\s+least\s+|a\s+minimum\s+of\s+)?\s*(?<![\d.])(?P<n>\d{1,3})\s*(?P<u>days?|weeks?)\b", I)


def discontinued_items(text: str, ctype: CriterionType) -> list[Item]:
    """The washout of every cancer therapy an inclusion writes (see the module's doc)."""
    if ctype is not CriterionType.INCLUSION or "discontinued" not in text.lower():
        return []
    out: list[Item] = []
    for m in _ALL_DISCONTINUED.finditer(text):
        windows = [(int(w.group("n")) * (7 if w.group("u").lower().startswith("week") else 1)) for w in _WINDOW.finditer(m.group(0))]
        if not windows:
            continue
        days = min(windows)
        recent = predicate("anticancer_therapy", Op.WITHIN, window=Window(float(days), "days"))
        rest = Qualifier(ReviewReason.UNSUPPORTED_CONCEPT, "the rest of the washout: " + " ".join(m.group(0).split()))
        out.append(Item(m.start(), m.end(), all_of([Not(recent), rest]), frozenset({"anticancer_therapy"})))
    return out
