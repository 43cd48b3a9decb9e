"""A laboratory value bounded on both sides, written as a range with no comparator.

Registries write a band as two numbers and one unit ("Sodium 125-150 mmol/L", "Creatinine
clearance 20-130 mL/min", "Resting heart rate 50-90 bpm", "Body weight 45 to 160 kg",
"Creatinine clearance between 30 and 60 mL/min"), and a normal range by the lab's own limits in
a bracket ("Bicarbonate within the normal range of the hospital lab (24-32 mmol/L)"). With no
comparator, ``topics.labs`` found no threshold and the line stood unparsed, a patient far outside
the band unknown. Read here as the value at or above the first number and at or below the
second, in the unit written after the second (the first shares it; a count's unwritten unit is
read by its usual range, as ``topics.labs`` reads a bare threshold).

Only where the name opens the band: the words between may be a level, a verb ("must be") or
"between"/"from"; a number that does not fit the concept (a unit of another dimension, a band
no measurement could mean, the first number not below the second) is left to the other readers.
"""

from __future__ import annotations

import re

from rules_engine.criteria import CriterionType, Op
from rules_engine.parser.items import I, Item, all_of, number, predicate
from rules_engine.parser.topics.labs import _FRAME, _GLOSS, _LAB_NAME, _NUMBER, LAB_NAME_START, _implausible, _lab_concepts, _plain_number, _round, _threshold

# (no repetition nests: each optional word is tried once, in order)
_BAND = re.compile(
    rf"{LAB_NAME_START}(?P<names>(?:{_LAB_NAME})){_GLOSS}(?:\s+(?:levels?|values?|concentrations?))?"
    r"(?P<normal>\s+(?:(?:must|should)\s+be\s+|(?:is|are)\s+)?(?:with)?in\s+(?:the\s+)?(?:institutional\s+)?normal\s+(?:range|limits)(?:\s+of\s+(?:the\s+)?(?:hospital|institution(?:al)?|local|site)(?:'s)?(?:\s+lab(?:oratory)?)?)?\s*\()?"
    r"(?(normal)|(?:\s*[:,])?\s*(?:(?:must|should)\s+be\s+|(?:is|are)\s+|of\s+)?(?P<between>between\s+|from\s+|in\s+the\s+range\s+(?:of\s+)?)?)"
    rf"\s*(?P<lo>{_NUMBER})\s*(?:-|–|—|\bto\b|(?(between)\band\b|(?!)))\s*(?P<hi>{_NUMBER})",
    I,
)
# a band that is one of the lab's grades or a multiple of its upper limit ("ALT 2.5-5 x ULN",
# "grade 1-2"), or a window ("within 1-2 weeks"), is another reading's
_NOT_AFTER = re.compile(r"\s*(?:[x×*]\s*|times\b|-?fold\b|(?:days?|weeks?|months?|years?|hours?)\b|%?\s*of\s+(?:patients|cells))", I)
# ... and a band that only names whom the line is about ("Patients assigned to group 1 with
# creatinine clearance 45-80 mL/min must be able to withhold NSAIDS", "In patients with moderate
# renal impairment (estimated creatinine clearance 30-50 mL/min) a dose reduction ...",
# "Creatinine clearance 20-130 mL/min for females"): read as the line's requirement, it failed
# every patient outside a band the line never asked of them. The band must open its clause (the
# line, a sentence, a heading's colon, a list's comma or "or"), and nothing after it may say
# whom it is for or what they must do.
_OPENS = re.compile(r"(?:^|[.;:,]|\b(?:or|and)\b)[\s\-*•·o]*$", I)
_SCOPE_AFTER = re.compile(r"[^.;,]*?\b(?:for|in|if|who|must|should|may|will|can|require[sd]?|recommended|eligible|assigned|allowed|permitted|avoid)\b", I)
GATE = re.compile(r"\d\s*(?:-|–|—|to\b|and\b)\s*\d", I)


def lab_range_items(text: str, ctype: CriterionType) -> list[Item]:
    """The lab bands of ``text``: the value within both numbers (``ctype`` unused: an inclusion
    asks the band, an exclusion excludes it)."""
    del ctype
    items: list[Item] = []
    for m in _BAND.finditer(text):
        concepts = _lab_concepts(m.group("names"))
        # (never inside a bracket: "ALT <= 2.6 x ULN (normal ranges: AST 15-46 U/L; ALT 11-66 U/L)"
        # states the lab's range, no requirement)
        before = text[: m.start()]
        if (len(concepts) != 1 or _NOT_AFTER.match(text, m.end()) or not _OPENS.search(text, max(0, m.start() - 12), m.start())
                or before.count("(") > before.count(")") or before.count("[") > before.count("]")):
            continue
        concept = concepts[0]
        end, high, unit, uln, unfit = _threshold(text, m.end(), concept, m.group("hi"))
        if high is None or unfit or uln or unit is None:
            continue
        raw_high, raw_low = _plain_number(m.group("hi")), _plain_number(m.group("lo"))
        if raw_high <= raw_low or raw_high == 0:
            continue
        low = _round(raw_low * float(high) / raw_high) if float(high) != raw_high else number(str(raw_low))
        if _implausible(concept, low, unit) or _implausible(concept, high, unit):
            continue
        if m.group("normal"):
            close = re.match(r"\s*\)", text[end:])
            if close is None:
                continue
            end += close.end()
        if _SCOPE_AFTER.match(text, end):
            continue
        band = all_of([predicate(concept, Op.GTE, low, unit), predicate(concept, Op.LTE, high, unit)])
        items.append(Item(m.start(), end, band, frozenset({concept})))
    # the words that only frame the band ("Renal: Creatinine clearance 30 to 69 mL/min"), as
    # topics.labs consumes them before its thresholds
    frame = _FRAME.match(text) if items else None
    if frame is not None and frame.end() > 0 and frame.start() + len(frame.group(0).rstrip()) <= items[0].start and re.search(r"[a-z]", frame.group(0), I):
        items.insert(0, Item(frame.start(), min(frame.end(), items[0].start), None))
    return items
