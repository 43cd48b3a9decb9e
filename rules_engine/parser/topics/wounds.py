"""The ulcer and the bone fracture a wound line lists beside its wound ("Serious, non-healing
wound, ulcer, or bone fracture", "presence of any non-healing wound, fracture, or ulcer", "No
serious or non-healing wound, ulcer, or bone fracture"; ~110 corpus lines, most of them an
anti-angiogenic trial's): the catalogue's ``nonhealing_wound`` is that list's first member, and
the other two were left unread alternatives, so the line was unknown for every patient, one with
nothing on record too (absent means absent: no wound, ulcer or injury on record, none of them).

* **An ulcer** beside a wound is a non-healing wound by its codes (pressure and chronic skin
  ulcers are ``nonhealing_wound``'s), which the line's wound asks already where it names the
  catalogue's own ("non-healing wound", with the line's qualifier); a peptic ulcer on record may be the one the line means ("ulcer
  (including gastrointestinal)"), so it leaves the line to a person rather than clearing it.
* **A bone fracture** is on record as a traumatic injury (the fracture codes are
  ``traumatic_injury``'s) or, a pathological one, beside osteoporosis (M80, which the intake
  cannot tell from M81): either leaves to a person whether it is the unhealed fracture the line
  means; neither on record, none.

A wound the catalogue's row does not name ("Unhealed wounds", "delayed healing of wounds",
"nonhealing cutaneous wound") is the same non-healing wound. Only inside the clause of a wound
(a comma list, no sentence break); "peptic ulcer", "gastric ulcer" are the catalogue's own rows.
Never where a window dates the list ("... or bone fracture within 21 days of study
registration"): the readers of windows take such a list whole, and an item of another shape
among its events cost the wound its reading. Every pattern is a bounded
alternation; none nests a repetition.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rules_engine.criteria import Expr, Op, ReviewReason
from rules_engine.parser.items import I, Item, all_of, any_of, predicate
from rules_engine.parser.safety import Qualifier

# the clause a wound opens: the wound and up to 80 characters of its list, no sentence break
_WOUND_CLAUSE = re.compile(r"\bwounds?\b[^.;:]{0,80}", I)
_ULCER = re.compile(r"(?<!peptic )(?<!gastric )(?<!duodenal )(?<!non-healing )(?<!nonhealing )(?<!non healing )\b(?:skin\s+)?ulcers?\b", I)
_DATED = re.compile(r"\b(?:within|in\s+the\s+(?:last|past|previous)|prior\s+to|since|days?|weeks?|months?)\b", I)
# a wound named by its own words where the catalogue's row does not ("Unhealed wounds", "delayed
# healing of wounds", "nonhealing cutaneous wound"): the same non-healing wound
_WOUND_WORDS = re.compile(r"\b(?:unhealed|delayed\s+healing\s+of|non-?\s?healing\s+(?:cutaneous|skin|surgical))\s+wounds?\b", I)
_FRACTURE = re.compile(r"\b(?:(?:unhealed|non-?healing|bone)\s+){0,2}fractures?\b", I)


# the catalogue's own wound row ("non-healing wound", "wound dehiscence"): where the line names it,
# its wound item asks ``nonhealing_wound`` already, with the line's own qualifier ("serious")
_OWN_WOUND = re.compile(r"non-?\s?healing\s+(?:wound|ulcer)s?|wound\s+dehiscence", I)


def _ulcer(text: str, word: str) -> Expr:
    peptic = all_of([predicate("peptic_ulcer", Op.PRESENT), Qualifier(ReviewReason.AMBIGUOUS, "whether the peptic ulcer on record is the ulcer the line means")])
    if word.lower().startswith("skin"):
        return predicate("nonhealing_wound", Op.PRESENT)  # "skin ulcers": the wound's own codes, never the stomach's
    return peptic if _OWN_WOUND.search(text) else any_of([predicate("nonhealing_wound", Op.PRESENT), peptic])


def _fracture(text: str, word: str) -> Expr:
    note = Qualifier(ReviewReason.AMBIGUOUS, "whether the injury on record is an unhealed bone fracture")
    return any_of([
        all_of([predicate("traumatic_injury", Op.PRESENT), note]),
        all_of([predicate("osteoporosis", Op.PRESENT), note]),
    ])


# "Serious, non-healing wound, ...": the adjective the comma sets before the catalogue's wound is
# either asked with it or beside it; left a bare alternative of its own ("or a person's review of
# 'serious'"), it kept the line unknown for every patient. A serious wound that is no non-healing
# one is on record as an injury, which the fracture's reading leaves to a person already
_SERIOUS_COMMA = re.compile(r"\b(?:serious|significant)\s*,\s*(?=non-?\s?healing\s+wounds?\b)", I)


def wound_list_items(text: str, free: Callable[[int, int], bool]) -> list[Item]:
    """The ulcers and bone fractures listed in a wound's clause, each as this module reads it."""
    items: list[Item] = [Item(m.start(), m.end(), None, frozenset()) for m in _SERIOUS_COMMA.finditer(text) if free(m.start(), m.end())]
    items += [
        Item(m.start(), m.end(), predicate("nonhealing_wound", Op.PRESENT), frozenset({"nonhealing_wound"}))
        for m in _WOUND_WORDS.finditer(text) if free(m.start(), m.end()) and not _DATED.search(text, m.end(), min(len(text), m.end() + 120))
    ]
    for clause in _WOUND_CLAUSE.finditer(text):
        a, b = clause.span()
        if _DATED.search(text, a, min(len(text), b + 40)):
            continue  # a window after the list dates each item: the readers of windows take it whole
        for pattern, build, concepts in (
            (_ULCER, _ulcer, frozenset({"nonhealing_wound", "peptic_ulcer"})),
            (_FRACTURE, _fracture, frozenset({"traumatic_injury", "osteoporosis"})),
        ):
            for m in pattern.finditer(text, a, b):
                if free(m.start(), m.end()) and all(m.end() <= it.start or m.start() >= it.end for it in items):
                    items.append(Item(m.start(), m.end(), build(text, m.group(0)), concepts))
    return items
