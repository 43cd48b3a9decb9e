"""The pneumonitis line of the checkpoint-inhibitor trials ("History of idiopathic pulmonary
fibrosis, organizing pneumonia (e.g., bronchiolitis obliterans), drug-induced pneumonitis,
idiopathic pneumonitis, or evidence of active pneumonitis on screening chest CT scan"; ~20
corpus lines), whose organizing pneumonia was left an unread alternative that kept the line
unknown for every patient, one with no lung disease on record too.

An organizing pneumonia ("organizing pneumonitis", "organizing pneumonia (i.e. bronchiolitis
obliterans, cryptogenic organizing pneumonia)", "organizing pneumonia, bronchiolitis
obliterans") is an interstitial lung disease of a kind the record's code may not name: a lung
disease on record leaves to a person whether it is that kind, as the line's other kinds
("drug-induced", "idiopathic") are left; none on record, none.

(What "on screening chest computed tomography (CT) scan" leaves, "CT ... scan", is the bracketed
abbreviation's, not this line's alone: left as it was.)

Every pattern is a bounded alternation; none nests a repetition.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from rules_engine.criteria import Op, ReviewReason
from rules_engine.parser.items import I, Item, all_of, predicate
from rules_engine.parser.safety import Qualifier

_ORGANIZING = re.compile(
    r"(?:cryptogenic\s+)?organi[sz]ing\s+pneumoni(?:a|tis)(?:\s*\(\s*(?:e\.?\s?g\.?|i\.?\s?e\.?)\s*,?\s*[^()]{0,80}\))?"
    r"(?:\s*,?\s*(?:or\s+)?bronchiolitis\s+obliterans(?:\s+organi[sz]ing\s+pneumonia)?(?=\s*[,;.]|\s+or\b))?", I)


def pneumonitis_items(text: str, free: Callable[[int, int], bool]) -> list[Item]:
    """An organizing pneumonia, as a kind of interstitial lung disease left to a person."""
    items: list[Item] = []
    for m in _ORGANIZING.finditer(text):
        if free(m.start(), m.end()):
            kind = Qualifier(ReviewReason.AMBIGUOUS, "whether the lung disease on record is an organizing pneumonia")
            items.append(Item(m.start(), m.end(), all_of([predicate("interstitial_lung_disease", Op.PRESENT), kind]), frozenset({"interstitial_lung_disease"})))
    return items
