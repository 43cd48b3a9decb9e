"""A laboratory value said to lie outside the lab's normal range.

Registries bound a value by the normal range as a whole ("Kidney function: serum creatinine
outside the normal range for age, or measured creatinine clearance < 50 mL/min", "having amylase
or lipase levels outside of normal limits", "total bilirubin outside of normal limits"; 6 corpus
lines, each a review whole or in part, a creatinine of 1.5 mg/dL over an upper limit of 1.2 unknown).

Read for the tests whose harm is only ever high, the ones ``topics.labs`` reads "within normal
limits" for as at most the upper limit (bilirubin, the transaminases, creatinine, alkaline
phosphatase, the clotting times), and for amylase and lipase (a low one marks no pancreatic
injury): outside the range is above its upper limit, which the record's value comes with (the
limit for the patient's age is that one). Other tests (an electrolyte, a count) may be out of
range below it, and are left to the other readers.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Op
from rules_engine.parser.items import I, Item, any_of, predicate
from rules_engine.parser.topics.labs import _GLOSS, _LAB_NAMES, LAB_NAME_START, _lab_concepts

_HIGH_ONLY = frozenset({"bilirubin", "direct_bilirubin", "alt", "ast", "creatinine", "alp", "aptt", "pt", "inr", "amylase", "lipase"})

# (only these tests' names: the whole table's cost a second on 20,000 hostile characters)
_NAME = "|".join(f"(?:{pattern})" for concept, pattern in _LAB_NAMES if concept in _HIGH_ONLY)
# (the names joined by "or" or a slash only: "bilirubin and AST outside ..." may ask both or either)
_OUTSIDE = re.compile(
    rf"(?=[A-Za-z]){LAB_NAME_START}(?P<names>(?:{_NAME})(?:{_GLOSS}\s*(?:/|\bor\b)\s*(?:{_NAME})){{0,3}}){_GLOSS}\s*(?:levels?\s+|values?\s+)?"
    r"(?:(?:must|should)\s+be\s+|(?:is|are)\s+)?outside\s+(?:of\s+)?(?:the\s+)?(?:institutional\s+|local\s+|laboratory\s+)?"
    r"(?:normal\s+(?:institutional\s+)?(?:limits|range)|(?:limits|range)\s+of\s+normal)(?:\s+(?:for|per)\s+(?:the\s+)?(?:patient'?s\s+)?age)?",
    I,
)
# the words after the names, found first: the names are searched only before them
_WORD = re.compile(r"\boutside\s+(?:of\s+)?(?:the\s+)?(?:institutional\s+|local\s+|laboratory\s+)?(?:normal|limits|range)\b", I)
# (a name after a join is the list's last, its bound said for all: "Bilirubin and AST outside ...")
_AFTER_JOIN = re.compile(r"(?:\b(?:and|or)|[,/&])\s*$", I)


def _matches(text: str) -> list[re.Match[str]]:
    """The pattern's matches, searched only in the 200 characters before each "outside the normal
    ..." (a name list is never longer): a scan of the whole line cost half a second on 20,000
    hostile ones."""
    found: list[re.Match[str]] = []
    done = 0
    for word in _WORD.finditer(text):
        start = max(done, word.start() - 200)
        for m in _OUTSIDE.finditer(text, start, min(len(text), word.end() + 120)):
            if m.end() > word.start() and m.start() <= word.start():
                found.append(m)
                done = m.end()
                break
        done = max(done, word.start())
    return found


def outside_normal_items(text: str) -> list[Item]:
    """Each run of tests said to be outside the normal range: any of them above its upper limit."""
    items: list[Item] = []
    for m in _matches(text):
        if _AFTER_JOIN.search(text, max(0, m.start() - 8), m.start()):
            continue
        concepts = _lab_concepts(m.group("names"))
        if not concepts or any(c not in _HIGH_ONLY for c in concepts):
            continue
        items.append(Item(m.start(), m.end(), any_of([predicate(c, Op.GT, 1, None, True) for c in concepts]), frozenset(concepts)))
    return items
