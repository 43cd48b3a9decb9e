"""Measurable disease offered with a wider alternative: "Measurable or evaluable disease",
"measurable/evaluable disease per RECIST 1.1", "Measurable or non-measurable disease", "Measurable
or bone-only disease", and a measurable lesion described rather than named: "at least one tumor
lesion that can be accurately measured (RECIST 1.1)" (about 170 corpus lines, nearly all of them
inclusions of solid-tumour trials; before this topic each was a review line).

Only the measurable alternative is one a record holds (``measurable_disease``, the RECIST
assessment a hospital codes). The wider one ("evaluable", "non-measurable", "bone-only" disease)
is a person's to read, so it stays an unread alternative beside it: a patient with measurable
disease meets the line, any other is unknown, never not met (a patient whose only disease is
evaluable may well qualify). A negation before the phrase ("no measurable or evaluable
disease", "non-measurable") is left to the line's own reading: the topic reads nothing there.

Every pattern is a bounded alternation; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Op, ReviewReason
from rules_engine.parser.items import I, Item, any_of, predicate
from rules_engine.parser.safety import Alternative

_WIDER = r"(?:evaluable|assessable|non[\s-]*measurable|bone[\s-]*only|non[\s-]*target)"
_NOUN = r"(?:disease|lesions?|tumou?rs?|tumou?r\s+lesions?|cancer)"
_JOIN = r"\s*(?:,|/|or|and/or|and\s*/\s*or)\s*(?:(?:or|and/or)\s+)?"
# "measurable or evaluable disease", "evaluable or measurable disease", "measurable and/or
# non-measurable disease", "measurable/evaluable (target) lesions"
_EITHER = re.compile(
    r"(?<![\w-])(?:measure?able(?:\s+" + _NOUN + r")?" + _JOIN + r"(?:(?:an?|other)\s+)?" + _WIDER + r"(?:" + _JOIN + _WIDER + r"){0,2}"
    r"|" + _WIDER + r"(?:\s+" + _NOUN + r")?" + _JOIN + r"measure?able)"
    r"(?:\s*,?\s*but\s+evaluable)?(?:\s+(?:target\s+)?" + _NOUN + r")?",
    I,
)
# "(at least one) (tumor) lesion that can be (accurately) measured", "lesions measurable in at
# least one dimension": RECIST's definition of a measurable lesion, written out
_DESCRIBED = re.compile(
    r"(?<![\w-])(?:(?:target\s+|tumou?r\s+|solid\s+)?lesions?|tumou?rs?|disease)\s+(?:that|which)\s+(?:can|could|may)\s+be\s+(?:accurately\s+|reliably\s+|precisely\s+)?measured\b"
    r"|(?<![\w-])(?:(?:target\s+|tumou?r\s+)?lesions?|tumou?rs?|disease)\s+(?:accurately\s+)?measurable\s+in\s+at\s+least\s+(?:one|1)\s+dimension\b",
    I,
)
_NEGATED_BEFORE = re.compile(r"\b(?:no|not|non|without|lack\s+of|absence\s+of|neither)\b[\s-]*(?:\w+[\s-]+){0,2}$", I)


def measurable_items(text: str) -> list[Item]:
    """Items for measurable disease with a wider alternative (see the module's doc)."""
    if "measur" not in text.lower():
        return []
    items: list[Item] = []
    for m in _EITHER.finditer(text):
        if _NEGATED_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        words = " ".join(m.group(0).split())
        wider = Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"{words}: whether disease that is not measurable qualifies")
        items.append(Item(m.start(), m.end(), any_of([predicate("measurable_disease", Op.IS, "positive"), wider]), frozenset({"measurable_disease"})))
    for m in _DESCRIBED.finditer(text):
        if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
            continue
        if _NEGATED_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        items.append(Item(m.start(), m.end(), predicate("measurable_disease", Op.IS, "positive"), frozenset({"measurable_disease"})))
    return sorted(items, key=lambda it: it.start)
