"""The Mini-Mental State Examination's total as a bound ("Mini Mental State Exam score >= 15",
"Mini Mental Status Exam Score ≥ 20", "Mini-Mental State Examination score ≥ 25/30", "MMSE < 24").

Registries name the test a dozen ways and write the bound after "score" (of); the total is 0-30,
so a "/30" after the number only restates the scale. Each such line was review (unparsed): a
record with its LOINC 72106-8 total decides it (concept ``mmse``, codes.toml). A bound past the
scale (a typo, another instrument's number) is left unread, never clamped.
"""

from __future__ import annotations

import re

from rules_engine.parser.items import OPS, I, Item, number, predicate

GATE = re.compile(r"mini[\s-]*mental|\bMMSE\b", I)

# the test's names, then its words up to the number: "score", "total", "of", "(MMSE)"; every
# run is bounded (no nested repetition), so a hostile line cannot backtrack
_MMSE = re.compile(
    r"(?:mini[\s-]*mental\s+stat(?:e|us)(?:\s+exam(?:ination)?)?|\bMMSE\b)"
    r"(?:\s*\(\s*MMSE\s*\))?"
    r"(?:\s+(?:total\s+)?score)?(?:\s+of)?\s*(?::\s*)?"
    r"(?P<op>[≤<≥>])\s*(?P<n>\d{1,2}(?:\.\d)?)(?![\d.])(?:\s*/\s*30\b)?",
    I,
)


def mmse_items(text: str) -> list[Item]:
    """The MMSE bounds a clause states (see the module's doc)."""
    items: list[Item] = []
    for m in _MMSE.finditer(text):
        value = number(m.group("n"))
        if not 0 <= value <= 30:
            continue
        items.append(Item(m.start(), m.end(), predicate("mmse", OPS[m.group("op")], value, None), frozenset({"mmse"})))
    return items
