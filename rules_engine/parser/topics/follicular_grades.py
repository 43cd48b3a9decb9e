"""A follicular lymphoma's grades, read as the grades hospitals code.

"Grade 1-3 follicular lymphoma", "follicular lymphoma grade 1, 2 or 3A", "Follicular Lymphoma
(Grade III)", "Follicular lymphoma (FL) - grades 1-3a", "Grade 3b follicular lymphoma" (~15
corpus lines; holdout NCT00436618). Read as the lymphoma beside unread words, the grade was lost
where another reading took the word "grade": a grade 1 lymphoma met "Grade 3B Follicular
lymphoma" and every follicular lymphoma was excluded by "Grade 3b follicular lymphoma". ICD-10-CM
codes the grade (C82.0 I, C82.1 II, C82.2 III unspecified, C82.3 IIIa, C82.4 IIIb; ICD-O-3 9695/3,
9691/3, 9698/3), so the grades are kinds of the lymphoma (concepts.py): a record coded without
its grade leaves each grade open, never absent. "All grades" and "any grade" name no grade and
stay the lymphoma's.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Op
from rules_engine.parser.items import I, Item, any_of, predicate

GATE = re.compile(r"follicular", I)

_FL = r"follicular\s+(?:non-?\s*Hodgkin'?s?\s+)?(?:B[\s-]?cell\s+)?(?:lymphomas?|NHL)(?:\s*\(\s*FL\s*\))?"
# one grade: arabic or roman, with its IIIa / IIIb letter ("3A", "IIIb")
_GRADE = r"(?:[123]|III|II|I)(?:\s?[ab])?(?![\w])"
_JOIN = r"\s*(?:,\s*or|,\s*and|,|or|and/or|and|/|-|–|to)\s*"
_GRADES = r"grades?\s+(?P<list>" + _GRADE + r"(?:" + _JOIN + _GRADE + r"){0,4})"

_BEFORE = re.compile(r"\b" + _GRADES + r"\s+(?P<fl>" + _FL + r")", I)
_AFTER = re.compile(r"\b(?P<fl>" + _FL + r")\s*(?:,\s*|-\s*|\(\s*|:\s*)?" + _GRADES + r"(?:\s*\))?", I)

_ORDER = ("1", "2", "3a", "3b")
_ROMAN = {"i": "1", "ii": "2", "iii": "3"}


def _grade(token: str) -> tuple[str, ...]:
    """The coded grades one grade names: "3" is IIIa and IIIb."""
    t = re.sub(r"\s", "", token.lower())
    letter = t[-1] if t[-1] in "ab" else ""
    number = t[:-1] if letter else t
    number = _ROMAN.get(number, number)
    if number == "3" and not letter:
        return ("3a", "3b")
    return (number + letter,)


def _grades(words: str) -> set[str]:
    """The coded grades a list names, ranges spread ("1-3a": 1, 2, 3a; "1-3": 1, 2, 3a, 3b)."""
    parts = re.split(r"(" + _JOIN + r")", words, flags=I)
    found: set[str] = set()
    k = 0
    while k < len(parts):
        token = parts[k]
        found.update(_grade(token))
        if k + 2 < len(parts) and parts[k + 1].strip() in ("-", "–", "to"):
            low, high = _grade(token)[0], _grade(parts[k + 2])[-1]
            a, b = _ORDER.index(low), _ORDER.index(high)
            found.update(_ORDER[min(a, b): max(a, b) + 1])
        k += 2
    return found


def _expr(found: set[str]) -> tuple[Expr, frozenset[str]]:
    concepts: list[str] = []
    for g in ("1", "2"):
        if g in found:
            concepts.append("follicular_lymphoma_grade_" + g)
    if {"3a", "3b"} <= found:
        concepts.append("follicular_lymphoma_grade_3")
    else:
        concepts += ["follicular_lymphoma_grade_" + g for g in ("3a", "3b") if g in found]
    if len(concepts) == 4 or (len(concepts) == 3 and "follicular_lymphoma_grade_3" in concepts):
        return predicate("follicular_lymphoma", Op.PRESENT), frozenset({"follicular_lymphoma"})  # every grade: the lymphoma
    return any_of([predicate(c, Op.PRESENT) for c in concepts]), frozenset(concepts)


def follicular_grade_items(text: str) -> list[Item]:
    """A follicular lymphoma named with its grades: one item over the name and the grades."""
    items: list[Item] = []
    for pattern in (_BEFORE, _AFTER):
        for m in pattern.finditer(text):
            if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
                continue
            expr, concepts = _expr(_grades(m.group("list")))
            items.append(Item(m.start(), m.end(), expr, concepts))
    return sorted(items, key=lambda it: it.start)
