"""Organ-system labels the registry's indentation nests under each other.

"-  Renal: creatinine clearance ≥40 mL/min\n     -  Hepatic: no clinical evidence of hepatic
failure", "Hematologic:\n   Hepatic:\n      Renal:": an organ's label is a sibling of the other
organs' labels, never one of their conditions. Nested, the hepatic line was read as part of the
renal one (an unread hepatic words left the creatinine clearance line unknown), and a chain of
labels made each heading answer for every organ below it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rules_engine.parser.sections import ParsedLine

_SYSTEM = re.compile(
    r"^\W{0,3}(?P<system>ha?ematologic(?:al)?|hepatic|liver|renal|kidney|cardiac|cardiovascular|pulmonary|lung|respiratory"
    r"|neurologic(?:al)?|coagulation|metabolic|endocrine|bone\s+marrow|gastrointestinal)(?:\s+function)?\s*:",
    re.IGNORECASE,
)

_SAME = {
    "haematologic": "hematologic",
    "liver": "hepatic",
    "kidney": "renal",
    "lung": "pulmonary",
    "respiratory": "pulmonary",
    "cardiovascular": "cardiac",
}


def _system(text: str) -> str | None:
    m = _SYSTEM.match(text)
    if m is None:
        return None
    word = re.sub(r"\s+", " ", m.group("system").lower())
    word = word.removesuffix("al") if word.endswith("ical") else word
    return _SAME.get(word, word)


def sibling_organ_labels(lines: list[ParsedLine]) -> list[ParsedLine]:
    """Each organ's label moved up beside the other organ's label it was nested under."""
    out = list(lines)
    moved_from: set[int] = set()
    for index, line in enumerate(lines):
        parent = out[index].parent
        if parent is None:
            continue
        mine, theirs = _system(line.text), _system(out[parent].text)
        if mine is None or theirs is None or mine == theirs:
            continue
        out[index] = replace(out[index], parent=out[parent].parent)
        moved_from.add(parent)
    for parent in moved_from:
        if not any(line.parent == parent for line in out):
            out[parent] = replace(out[parent], heading=False)
    return out
