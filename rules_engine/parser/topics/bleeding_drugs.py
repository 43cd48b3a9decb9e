"""Medicines named by what they do to bleeding: "Medication that increases bleeding risk", "drugs
that interfere with coagulation" (holdout T311, T315; each a review before, so a patient on
aspirin or warfarin passed the exclusion).

The medicines that raise the risk of bleeding are the antithrombotic agents (ATC B01: the
anticoagulants, vitamin K antagonists among them, and the platelet aggregation inhibitors) and
the NSAIDs, each a class the intake reads from the record's RxNorm and ATC codes
(matcher/intake/codes.toml). A patient on any of them has such a medicine; one on none may still
take another that raises the risk (an SSRI, ibrutinib), which no class names: that alternative
is left to a person, as the QT-prolonging class leaves the drugs beyond its list (topics.qt_drugs).
Interfering with coagulation is the anticoagulants' (and the antiplatelets' where platelet
function is named beside it, which the events topic reads).

Every pattern is an alternation of literals with bounded optional parts; none nests a repetition.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Op, Review, ReviewReason
from rules_engine.parser.items import I, Item, any_of, predicate

_DRUG = r"(?:medications?|drugs?|agents?|medicines?|therap(?:y|ies)|treatments?)"
_THAT = r"(?:\s+(?:that|which|known\s+to|with\s+(?:a|the)\s+potential\s+to))?(?:\s+(?:may|can|could|might|will))?"
# "increase(s) (the) (risk of) bleeding", "increase(s) bleeding risk", "raise the risk of hemorrhage"
_RISK = re.compile(
    rf"\b{_DRUG}{_THAT}\s+(?:increase|raise|enhance)s?\s+(?:the\s+)?(?:(?:patient'?s\s+)?risk\s+of\s+(?:bleeding|h(?:a)?emorrhage)|(?:bleeding|h(?:a)?emorrhag(?:e|ic))\s+risk)\b",
    I,
)
# "interfere(s) with (blood) coagulation / clotting / hemostasis"
_COAGULATION = re.compile(
    rf"\b{_DRUG}{_THAT}\s+(?:interfere|affect|impair|alter)s?\s+(?:with\s+)?(?:the\s+)?(?:blood\s+)?(?:coagulation|clotting|h(?:a)?emostasis)\b"
    # ... and the platelets beside it ("drugs that interfere with coagulation or inhibits platelet
    # function", T315): the antiplatelet agents as well
    r"(?P<platelets>\s+(?:and/or|or|and)\s+(?:that\s+)?(?:inhibit|impair|affect|interfere\s+with)s?\s+(?:the\s+)?platelet\s+(?:function|aggregation)\b)?",
    I,
)
_OTHERS = "other medicines that raise the risk of bleeding (an SSRI, ibrutinib, ...) beyond anticoagulants, antiplatelet agents and NSAIDs"


def bleeding_drug_items(text: str) -> list[Item]:
    """The medicines named by their effect on bleeding (see the module's doc)."""
    items: list[Item] = []
    for m in _RISK.finditer(text):
        expr = any_of([predicate("anticoagulant_therapy", Op.PRESENT), predicate("antiplatelet_therapy", Op.PRESENT),
                       predicate("nsaid_therapy", Op.PRESENT), Review(ReviewReason.UNSUPPORTED_CONCEPT, _OTHERS)])
        items.append(Item(m.start(), m.end(), expr, frozenset({"anticoagulant_therapy", "antiplatelet_therapy", "nsaid_therapy"})))
    for m in _COAGULATION.finditer(text):
        if m.group("platelets"):
            both = any_of([predicate("anticoagulant_therapy", Op.PRESENT), predicate("antiplatelet_therapy", Op.PRESENT)])
            items.append(Item(m.start(), m.end(), both, frozenset({"anticoagulant_therapy", "antiplatelet_therapy"})))
            continue
        items.append(Item(m.start(), m.end(), predicate("anticoagulant_therapy", Op.PRESENT), frozenset({"anticoagulant_therapy"})))
    return items


# the words every pattern above needs (parser.extraction runs the topic only where they stand)
GATE = re.compile(r"bleeding|h(?:a)?emorrhag|coagulation|clotting|h(?:a)?emostasis", I)
