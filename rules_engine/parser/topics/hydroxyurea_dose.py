"""A daily dose of hydroxyurea a leukaemia line bounds: "Patients who need a daily dose of
hydroxyurea greater than 3 g to control leukocytosis" (holdout T164), "hydroxyurea at a dose of
more than 3 g/day", "requiring hydroxyurea > 3000 mg daily".

Left unread, the line was a review for every patient, those with no hydroxyurea at all and those
taking 4 g a day. What decides it is on record: a hydroxyurea record (``hydroxyurea``, ATC
L01XX05) and its daily dose (``hydroxyurea_dose``, mg/d, the latest record's). The dose is a need
now ("who need", "requiring"): a record of the last 14 days (an ongoing one is dated today), so
a course stopped long ago needs nothing; no record in that time does not meet the bound, and a
record whose dose was not read leaves it unknown, never clear.

Only a dose above a bound is read ("greater than", "more than", "exceeding", ">", "≥"); a dose
per square metre or per kilogram ("3 g/m2") is no daily dose and stays unread, as does a dose a
line permits ("hydroxyurea (maximum daily dose is 3 g)"), which the exception grammar keeps.

Every pattern is an alternation of literals with bounded gaps; no repetition nests.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Op, Predicate, Window
from rules_engine.parser.items import I, Item, NOW, all_of, predicate

GATE = re.compile(r"hydroxyurea|hydroxycarbamide|hydrea", I)

_DRUG = r"(?:hydroxyurea|hydroxycarbamide|hydrea)(?:\s*\(\s*(?:HU|hydrea|hydroxycarbamide)\s*\))?"
_ABOVE = (
    r"(?P<op>>\s*=?|≥|greater\s+than(?:\s+or\s+equal\s+to)?|more\s+than|higher\s+than|above|exceeding|in\s+excess\s+of|over|of\s+at\s+least|at\s+least)"
)
_AMOUNT = r"\s*(?P<n>\d{1,4}(?:\.\d{1,2})?)\s*(?P<unit>grams?|g|mg|milligrams?)\b(?!\s*/\s*(?:m|kg)|\s+per\s+(?:m|kg|square))"
_PER_DAY = r"(?:\s*(?:/\s*(?:day|d)\b|per\s+day|a\s+day|daily|each\s+day|every\s+day))?"
# "a daily dose of hydroxyurea greater than 3 g", "daily hydroxyurea dose > 3 g"
# the need the dose answers, before it ("who need", "requiring") and after it ("to control
# leukocytosis"): words of the same item, the need now the window reads
_NEED = r"(?:\b(?:who\s+)?(?:needs?|needing|requires?|requiring|(?:is|are)\s+(?:on|taking|receiving))\s+)?"
_PURPOSE = (
    r"(?:\s+(?:in\s+order\s+)?to\s+(?:control|manage|reduce|lower|treat)\s+(?:the\s+|their\s+)?"
    r"(?:(?:hyper)?leuko?cytosis|(?:white\s+blood\s+cell|WBC|blast|leukocyte)\s+counts?|(?:hyper)?leukocytosis))?"
)
_DOSE_OF = re.compile(
    _NEED + r"(?:\b(?:a\s+|the\s+)?(?:total\s+)?(?:daily\s+)?(?:doses?|dosage)\s+of\s+" + _DRUG + r"\s+(?:of\s+)?"
    r"|\b(?:daily\s+)?" + _DRUG + r"\s+(?:(?:daily\s+)?(?:doses?|dosage)\s+|(?:at|in)\s+(?:a\s+)?(?:daily\s+)?(?:doses?|dosage)\s+(?:of\s+)?)?)"
    + _ABOVE + _AMOUNT + _PER_DAY + _PURPOSE,
    I,
)
# a dose per day is what the bound asks; "3 g" in a line about the daily dose is per day
_DAILY = re.compile(r"daily|per\s+day|a\s+day|/\s*d(?:ay)?\b|each\s+day|every\s+day", I)
_RECENT = NOW


def hydroxyurea_dose_items(text: str) -> list[Item]:
    """Items for a hydroxyurea daily dose above a bound (see the module's doc)."""
    items: list[Item] = []
    for m in _DOSE_OF.finditer(text):
        if not _DAILY.search(m.group(0)):
            continue  # "a dose of hydroxyurea above 3 g": per course or per day, the words do not say
        amount = float(m.group("n")) * (1000 if m.group("unit").lower().startswith("g") else 1)
        words = m.group("op").lower()
        strict = not ("=" in words or "≥" in words or "least" in words or "equal" in words)
        bound = Predicate("hydroxyurea_dose", Op.GT if strict else Op.GTE, int(amount) if amount.is_integer() else amount, "mg/d")
        taken = predicate("hydroxyurea", Op.WITHIN, window=_RECENT)
        items.append(Item(m.start(), m.end(), all_of([taken, bound]), frozenset({"hydroxyurea", "hydroxyurea_dose"})))
    return items
