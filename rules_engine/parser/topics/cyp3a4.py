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
record is read for: the rest stays a review alternative beside them, asked only of a record
holding a medication in the window (``unlisted_drugs``), so a patient on another drug is unknown
for it, never cleared, and one on no drug at all takes none.

The other enzymes lines name beside it ("strong inhibitors of CYP1A2, CYP2D6, and CYP3A4", "strong
CYP3A4 or CYP1A2 inhibitors", "a potent inhibitor of CYP2E1, CYP2D6 or CYP3A4/5"; about 20 corpus
lines) are read from the same list: a strong CYP1A2 or CYP2D6 inhibitor is a concept of its own
(``cyp1a2_inhibitor``, ``cyp2d6_inhibitor``; codes.toml: the FDA's strong ones), within the
same window; an inducer of either, a moderate one, or another enzyme (CYP2C8, CYP2C9, CYP2C19,
CYP2E1, CYP2B6) stays a review alternative beside them. Unread, the list left the line to a
person whatever the record held (the holdout's T85).

Every pattern is a bounded alternation or a bounded repetition of one; none nests an unbounded
repetition.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from rules_engine.criteria import Expr, Op, ReviewReason, Window
from rules_engine.parser.items import I, Item, NEGATED, NOW, any_of, predicate
from rules_engine.parser.safety import Alternative
from rules_engine.parser.topics.unlisted_drugs import if_on_a_drug


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
# a list of enzymes one role is asked of ("inhibitors of CYP1A2, CYP2D6, and CYP3A4", "CYP3A4 or
# CYP1A2 modifiers"); read here only when it names an enzyme besides CYP3A4
_ENZYME_NAME = r"(?:CYP\s*(?:1A2|2D6|2C8|2C9|2C19|2E1|2B6)|CYP3A4)"
_ENZYME_ITEM = r"(?:(?:cytochrome\s+P\s*450\s+|isoenzymes?\s+)?" + _ENZYME_NAME + r"(?:\s+(?:isoenzymes?|enzymes?))?)"
_ENZYME_LIST = _ENZYME_ITEM + r"(?:\s*(?:,\s*(?:and/or\s+|and\s+|or\s+)?|/\s*|and/or\s+|and\s+|or\s+)" + _ENZYME_ITEM + r"){0,4}"
_CYP_LIST = re.compile(
    r"(?:(?P<s1>" + _STRENGTHS + r")\s+)?(?P<l1>" + _ENZYME_LIST + r")\s+(?:(?P<s2>" + _STRENGTHS + r")\s+)?(?P<r1>" + _ROLES + r")"
    + r"|(?:(?P<s3>" + _STRENGTHS + r")\s+)?(?P<r2>" + _ROLES + r")\s+(?:of|on)\s+(?:the\s+)?(?P<l2>" + _ENZYME_LIST + r")",
    I,
)
_OTHER_ENZYME = re.compile(r"CYP\s*(1A2|2D6|2C8|2C9|2C19|2E1|2B6)\b", I)
_INHIBITOR_OF = {"1A2": "cyp1a2_inhibitor", "2D6": "cyp2d6_inhibitor"}
# a remark about one drug ("Dexamethasone is a known inducer of CYP2D6 and CYP3A4 but is not
# considered exclusionary"): nothing the line asks
_REMARK = re.compile(r"\bis\s+(?:a|an)\s+(?:known\s+)?(?:potent\s+|strong\s+)?$", I)
_NOT_EXCLUDED = re.compile(r"[^.;]{0,60}?\b(?:not\s+(?:be\s+)?considered\s+exclusionary|permitted|allowed|acceptable)\b", I)
_WINDOW = re.compile(r"\bwithin\s+(?:the\s+(?:last|past)\s+)?(?P<n>\d{1,3})\s*(?P<u>days?|weeks?|months?)\b|\b(?P<n2>\d{1,3})\s*(?P<u2>days?|weeks?|months?)\s+(?:prior|before|preceding)\b", I)
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
    """Items for strong CYP3A4 inhibitors or inducers, and the other enzymes listed with them
    (see the module's doc)."""
    if "CYP" not in text and "cyp" not in text.lower():
        return []
    items: list[Item] = []
    if _OTHER_ENZYME.search(text):
        for m in _CYP_LIST.finditer(text):
            listed = m.group("l1") or m.group("l2")
            if not _OTHER_ENZYME.search(listed) or _REMARK.search(text, max(0, m.start() - 30), m.start()) or _NOT_EXCLUDED.match(text, m.end()):
                continue
            if "CYP3A4" not in listed and not ("inhib" in (m.group("r1") or m.group("r2")).lower() and re.search(r"1A2|2D6", listed)):
                continue  # no enzyme of the list has a concept ("inducers of CYP2C9"): the line reads as before
            strengths = " ".join(filter(None, (m.group("s1"), m.group("s2"), m.group("s3")))).lower()
            roles = (m.group("r1") or m.group("r2")).lower()
            item = _item(text, m, partial(_listed, listed, strengths, roles, m))
            if item is not None:
                items.append(item)
    if "CYP3A4" not in text:
        return items
    for m in _CYP.finditer(text):
        if any(it.start <= m.start() < it.end or it.start < m.end() <= it.end for it in items):
            continue  # one enzyme of a list read above
        strengths = " ".join(filter(None, (m.group("s1"), m.group("s2"), m.group("s3"), m.group("s4")))).lower()
        item = _item(text, m, partial(_cyp3a4, strengths, " ".join(m.group(0).split())))
        if item is not None:
            items.append(item)
    items.sort(key=lambda it: it.start)
    return items


def _cyp3a4(strengths: str, words: str, window: Window) -> tuple[Expr, frozenset[str]]:
    expr: Expr = predicate("cyp3a4_modulator", Op.WITHIN, None, None, False, window)
    if not strengths or "moderate" in strengths:
        expr = any_of([expr, if_on_a_drug(Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"{words}: one that is not a strong inhibitor or inducer"), window)])
    return expr, frozenset({"cyp3a4_modulator"})


def _listed(listed: str, strengths: str, roles: str, m: re.Match[str], window: Window) -> tuple[Expr, frozenset[str]]:
    """One role asked of a list of enzymes: each enzyme's concept, the rest review alternatives."""
    words = " ".join(m.group(0).split())
    strong = bool(strengths) and "moderate" not in strengths
    inhibits, induces = "inhib" in roles, "induc" in roles
    parts: list[Expr] = []
    concepts: set[str] = set()
    for name in dict.fromkeys(e.upper().replace(" ", "") for e in re.findall(r"CYP\s*(?:1A2|2D6|2C8|2C9|2C19|2E1|2B6|3A4)", listed, I)):
        enzyme = name[3:]
        if enzyme == "3A4":
            parts.append(_cyp3a4(strengths, words, window)[0])
            concepts.add("cyp3a4_modulator")
            continue
        concept = _INHIBITOR_OF.get(enzyme)
        if concept is not None and inhibits:
            parts.append(predicate(concept, Op.WITHIN, None, None, False, window))
            concepts.add(concept)
            if not strong:
                parts.append(if_on_a_drug(Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"{words}: a {name} inhibitor that is not a strong one"), window))
            if induces:
                parts.append(if_on_a_drug(Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"{words}: a {name} inducer"), window))
        else:
            parts.append(if_on_a_drug(Alternative(ReviewReason.UNSUPPORTED_CONCEPT, f"{words}: {name}"), window))
    return any_of(parts), frozenset(concepts)


def _item(text: str, m: re.Match[str], read: Callable[[Window], tuple[Expr, frozenset[str]]]) -> Item | None:
    """The item at ``m`` with its window and lead-in, or None where the clause negates or plans it."""
    if _PLAN.search(text, max(0, m.start() - 50), m.start()):
        return None
    opening = NEGATED.match(text)
    if _NEGATOR.search(text, opening.end() if opening else 0, m.start()):
        return None  # "At least 1 week since prior and no concurrent ...": the events topic reads a washout
    # the window written after the item, else the nearest before it ("inhibitors within 7 days,
    # or inducers within 12 days": each its own)
    w = _WINDOW.search(text, m.end(), min(len(text), m.end() + 80))
    if w is None:
        w = next(reversed(list(_WINDOW.finditer(text, max(0, m.start() - 140), m.start()))), None)
    window = NOW
    if w is not None:
        n, unit = (w.group("n"), w.group("u")) if w.group("n") else (w.group("n2"), w.group("u2"))
        window = Window(float(n), unit.lower().rstrip("s") + "s")
    expr, concepts = read(window)
    start, end = m.start(), m.end()
    lead = _LEAD.search(text, max(0, start - 80), start)
    if lead is not None:
        start = lead.start()
    if w is not None and w.start() >= end and not re.search(r"[;,.()]", text[end: w.start()]):
        end = w.end()  # the window's words are the item's
    return Item(start, end, expr, concepts)
