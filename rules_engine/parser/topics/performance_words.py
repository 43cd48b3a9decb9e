"""Performance status written in the ECOG scale's own words instead of its number.

The ECOG grades are defined by what a patient can do: 2 is "ambulatory and capable of all
self-care", 3 "capable of only limited self-care", 4 "completely disabled, cannot carry on any
self-care". A line that asks for one of those capacities asks for that grade or better:
"Performance status is normal or ambulatory and capable of all self-care" is ECOG <= 2, "able
to carry out daily life activities with significant difficulty" is ECOG <= 3 (only grade 4
cannot). Read only where the words state the requirement; the grade tables some registries paste
under a heading ("0 Fully active ...", "Ambulatory and capable of all self care but unable to
carry out any work activities") define the scale, and are left alone: they never name the
performance status or the patient's ability as the subject.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Op
from rules_engine.parser.items import I, Item, predicate

GATE = re.compile(r"self[\s-]?care|daily\s+(?:life\s+|living\s+)?activit", I)

# (pattern, the worst ECOG grade the words allow)
_WORDS: tuple[tuple[re.Pattern[str], int], ...] = (
    (
        re.compile(
            r"performance\s+status\s+(?:is\s+|of\s+)?(?:normal\s+or\s+)?ambulatory\s+and\s+capable\s+of\s+all\s+self[\s-]?care",
            I,
        ),
        2,
    ),
    (
        re.compile(
            r"\bable\s+to\s+(?:carry\s+out|perform)\s+(?:(?:the|all|their|his\s+or\s+her)\s+)?daily\s+(?:life\s+|living\s+)?activities\s+with\s+(?:significant\s+|some\s+)?difficulty",
            I,
        ),
        3,
    ),
)


def performance_word_items(text: str) -> list[Item]:
    """The ECOG bound a capacity written in the scale's words states (see the module's doc)."""
    items: list[Item] = []
    for pattern, worst in _WORDS:
        for m in pattern.finditer(text):
            items.append(Item(m.start(), m.end(), predicate("ecog", Op.LTE, worst), frozenset({"ecog"})))
    return sorted(items, key=lambda it: it.start)
