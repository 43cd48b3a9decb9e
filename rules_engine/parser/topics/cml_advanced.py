"""A chronic myeloid leukaemia named by a phase word that is no phase of its own: "advanced
CML", "advanced-phase CML", "CML in advanced phase" (the accelerated phase or blast crisis: "advanced
CML (CML-AP, CML-BP ...)", as haematologists write it) and "blastic CML" / "blastic chronic
myelogenous leukemia" (the blast phase, "blastic" with no "phase" after it, which topics.cml_phase
reads only as "blastic phase"). The line asks for a CML in one of those phases: ``cml`` and
``cml_<phase>_phase is positive``, read from the latest CML record as topics.cml_phase reads it
(unknown when the record names no phase). Left unread, "advanced" or "blastic" was a review beside
the CML, so a CML in chronic phase was never failed by a trial for the blast phase.

Only right beside the disease's name; a lineage or an ordinal before ("lymphoid blastic", "second
advanced") leaves the words to the line's other readers. Every pattern is a bounded alternation;
none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Expr, Op
from rules_engine.parser.items import I, Item, all_of, any_of, predicate

GATE = re.compile(r"advanced|blastic", I)

_CML = r"(?:chronic\s+myel(?:oid|ogenous)\s+leuka?emia(?:\s*\(\s*CML\s*\))?|\bCML\b)"
_WORD = r"(?P<word>advanced)"  # ("CML in blastic phase" is topics.cml_phase's)
# ("blastic phase CML" is topics.cml_phase's: only "blastic" with no "phase" after it is read here)
# (nor a CML its own phase follows: "advanced CML-AP, CML-BP or ...", as a bracket of them is rewritten)
_BEFORE = re.compile(rf"(?<![\w-])(?:(?P<word>advanced)(?:[\s-]+phase)?|(?P<bare>blastic))\s*-?\s*{_CML}(?!\s*-\s*(?-i:AP|BP|BC|CP)\b)", I)
_AFTER = re.compile(rf"{_CML}\s*(?:,\s*|\s+in\s+(?:the\s+)?|\s*-\s*){_WORD}[\s-]+phase(?![\w-])", I)
# a lineage, an ordinal or a negation's "non" before the word: another reading's
_QUALIFIED = re.compile(r"(?:myeloid|lymphoid|lymphoblastic|myeloblastic|first|second|third|1st|2nd|3rd|subsequent|non)[\s-]*$", I)

# a phase listed before the word ("Accelerated or blastic phase CML", "chronic, accelerated or
# blastic phase"): the list is topics.cml_phase's, which reads "blastic phase" itself
_LISTED = re.compile(r"(?:chronic|accelerated|blast(?:ic)?|advanced|(?-i:CP|AP|BC|BP))(?:[\s-]+phase)?\s*(?:,\s*(?:or\b|and\b|and/or\b)?|\bor\b|\band\b|\band/or\b|/)\s*$", I)

# a bracket after it that names the phases again ("advanced CML (CML-AP, CML-BP and Ph+ acute
# leukemia)"): the bracket's own reading (topics.cml_phase, the line's bracket lists) says which
_RESTATED = re.compile(r"\s*[(\[][^()\[\]]{0,40}?(?:\bCML\s*-\s*(?-i:AP|BP|BC|CP)\b|\baccelerated\b|\bblast)", I)

_CONCEPTS = frozenset({"cml", "cml_accelerated_phase", "cml_blast_phase"})


def _phase(name: str) -> Expr:
    return predicate(f"cml_{name}_phase", Op.IS, "positive")


def _expr(word: str) -> Expr:
    phases = [_phase("blast")] if word.lower() == "blastic" else [_phase("accelerated"), _phase("blast")]
    return all_of([predicate("cml", Op.PRESENT), any_of(phases)])


def cml_advanced_items(text: str, ctype: object = None) -> list[Item]:
    """Items for an advanced or blastic CML (see the module)."""
    if not GATE.search(text):
        return []
    items: list[Item] = []
    for pattern in (_BEFORE, _AFTER):
        for m in pattern.finditer(text):
            if pattern is _BEFORE and (_QUALIFIED.search(text, max(0, m.start() - 20), m.start()) or _LISTED.search(text, max(0, m.start() - 40), m.start())):
                continue
            if _RESTATED.match(text, m.end()):
                continue
            if any(not (m.end() <= it.start or m.start() >= it.end) for it in items):
                continue
            items.append(Item(m.start(), m.end(), _expr(m.group("word") or m.group("bare")), _CONCEPTS))
    return sorted(items, key=lambda it: it.start)
