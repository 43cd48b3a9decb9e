"""Strong CYP3A4 inhibitors and inducers as registries write them: "Requires treatment with a
strong cytochrome P450 (CYP) 3A inhibitor", "Concomitant use of strong CYP3A4/5 inducers",
"medications that are inhibitors or inducers of cytochrome P450, family 3, subfamily A, polypeptide
4 (CYP3A4)" (about 80 corpus lines, nearly all exclusions of trials of a CYP3A4-metabolised drug;
``normalize`` writes every spelling of the enzyme as "CYP3A4").

The concept ``cyp3a4_modulator`` is a strong inhibitor or inducer on record (codes.toml: the
FDA's strong ones, systemic forms, by ATC code or name). What the lines ask is a current use: a
course that ended long ago interacts with nothing, so the item asks for one within the window the
line writes ("within 14 days") or, without one, within ``NOW`` (an ongoing medication is dated as
of today). A line that names moderate or unqualified inhibitors asks more than the strong ones a
record is read for: the rest stays a review alternative beside them, so a patient on none of the
strong ones is unknown for it, never cleared.

Every pattern is a bounded alternation; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Op, ReviewReason, Window
from rules_engine.parser.items import NEGATED, I, Item, any_of, predicate
from rules_engine.parser.safety import Alternative

NOW = Window(14.0, "days")  # as events.NOW: "current" use, an ongoing record counts as today's

_ROLE = r"(?:inhibitors?|inducers?|inhibit(?:ion|ory)?|induc(?:e|tion|ers?|tive))"
_ROLES = _ROLE + r"(?:\s*(?:/|,|or|and|and/or)\s*" + _ROLE + r")?"
_STRENGTH = r"(?:strong(?:ly)?|potent|moderate(?:ly)?)"
_STRENGTHS = _STRENGTH + r"(?:\s*(?:/|,|or|and|and/or)\s*" + _STRENGTH + r"){0,2}"
_ENZYME = r"(?:(?:the\s+)?(?:isoenzymes?\s+|isozymes?\s+)?CYP3A4(?:\s+(?:isoenzymes?|isozymes?|enzymes?|system|function))?)"
_CYP = re.compile(
    r"(?:(?P<s1>" + _STRENGTHS + r")\s+)?" + _ENZYME + r"\s+(?:(?P<s2>" + _STRENGTHS + r")\s+)?" + _ROLES
    + r"|(?:(?P<s3>" + _STRENGTHS + r")\s+)?" + _ROLES + r"\s+(?:of|on)\s+" + _ENZYME
    + r"|(?:(?P<s4>" + _STRENGTHS + r")\s+)?" + _ROLES + r"\s+(?:the\s+)?" + _ENZYME,
    I,
)
_WINDOW = re.compile(r"\bwithin\s+(?:the\s+(?:last|past)\s+)?(?P<n>\d{1,3})\s*(?P<u>days?|weeks?)\b|\b(?P<n2>\d{1,3})\s*(?P<u2>days?|weeks?)\s+(?:prior|before|preceding)\b", I)
# the words that only say the modulator is taken ("Requires treatment with a", "Concomitant use of",
# "receiving drugs that are known to be"): part of the item, not a qualifier left to a person
_LEAD = re.compile(
    r"(?:(?:requires?|requiring|need\s+for)\s+)?(?:(?:concomitant|concurrent|current|ongoing|systemic|chronic)\s+)?"
    r"(?:use\s+of|treatment\s+with|therapy\s+with|administration\s+of|receiving|taking|received|on)\s+(?:an?\s+|any\s+|the\s+)?"
    r"(?:(?:drugs?|medications?|agents?)\s+(?:that\s+are\s+|which\s+are\s+)?(?:(?:known|recognized)\s+(?:to\s+be|as\s+being)\s+)?)?$",
    I,
)
# a negation or a washout before the item in mid-clause ("since prior and no concurrent", "must
# have discontinued"): the line asks an absence the clause grammar and the events topic read
_NEGATOR = re.compile(r"\b(?:not|no|never|without|nor|off|free\s+of|since|elapsed|discontinu\w*|stop\w*|abstain\w*)\b|n't\b", I)
_PLAN = re.compile(r"\b(?:anticipated|expected|planned|plan\s+to|will|need\s+for\s+future)\b[^;.]{0,40}$", I)


def cyp3a4_items(text: str) -> list[Item]:
    """Items for strong CYP3A4 inhibitors or inducers (see the module's doc)."""
    if "CYP3A4" not in text:
        return []
    items: list[Item] = []
    for m in _CYP.finditer(text):
        if _PLAN.search(text, max(0, m.start() - 50), m.start()):
            continue
        opening = NEGATED.match(text)
        if _NEGATOR.search(text, opening.end() if opening else 0, m.start()):
            continue  # "At least 1 week since prior and no concurrent ...": the events topic reads a washout
        strengths = " ".join(filter(None, (m.group("s1"), m.group("s2"), m.group("s3"), m.group("s4")))).lower()
        # the window written after the item, else the nearest before it ("inhibitors within 7 days,
        # or inducers within 12 days": each its own)
        w = _WINDOW.search(text, m.end(), min(len(text), m.end() + 80))
        if w is None:
            w = next(reversed(list(_WINDOW.finditer(text, max(0, m.start() - 140), m.start()))), None)
        window = NOW
        if w is not None:
            n, unit = (w.group("n"), w.group("u")) if w.group("n") else (w.group("n2"), w.group("u2"))
            window = Window(float(n), unit.lower().rstrip("s") + "s")
        expr: Expr = predicate("cyp3a4_modulator", Op.WITHIN, None, None, False, window)
        if not strengths or "moderate" in strengths:
            words = " ".join(m.group(0).split())
            expr = any_of([expr, Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"{words}: one that is not a strong inhibitor or inducer")])
        start, end = m.start(), m.end()
        lead = _LEAD.search(text, max(0, start - 80), start)
        if lead is not None:
            start = lead.start()
        if w is not None and w.start() >= end and not re.search(r"[;,.()]", text[end: w.start()]):
            end = w.end()  # the window's words are the item's
        items.append(Item(start, end, expr, frozenset({"cyp3a4_modulator"})))
    return items
