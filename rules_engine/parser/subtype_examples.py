"""Examples that are kinds of the disease they follow: "Myeloproliferative disorders
including myelofibrosis", "Myeloproliferative disorders including myeloid metaplasia and
myelofibrosis", "MDS, including refractory anemia with excess blasts". In an inclusion, what
"including" names may be more than its head ("MDS including CMML": CMML is no MDS, so the line
admits it too), which is why examples.py keeps an inclusion's "including" list; where every example
read is a kind of the head's disease (the catalogue's parents: ``concepts.ancestors``) the list
admits nothing the head does not, so it asks nothing of its own. Left, it was a review beside the
disease and a patient with the disease (or the very kind named) was left unknown.

Only a cancer diagnosis (never a therapy: "prior chemotherapy including an anthracycline" may ask
for the anthracycline), a head read as one diagnosis present, at least one example read (as a list states its names:
the exclusion's reading of the examples' words), every example read a present
diagnosis below the head, and few words left unread among them (a name no topic reads may be no
kind of the head: "lymphoma including Castleman disease").
"""

from __future__ import annotations

import re

from rules_engine.concepts import CONCEPTS, ancestors, is_cancer_diagnosis
from rules_engine.criteria import Any_, CriterionType, Expr, Op, Predicate
from rules_engine.parser.extraction import extract
from rules_engine.parser.items import Item, content_words
from rules_engine.parser.remarks import blank_remarks

GATE = re.compile(r"\binclud", re.I)
_MARKER = re.compile(r"\(?\s*(?:including|includes?)\b|[(),;]|\b(?:or|and|and/or)\b|/", re.I)
_MAX_UNREAD = 3


def _diagnoses(expr: Expr | None) -> list[str] | None:
    """The concepts of a present diagnosis or of alternatives of them; None for anything else."""
    if isinstance(expr, Predicate):
        # (a disease only: "prior therapy including an anthracycline" may ask for the anthracycline)
        if expr.op is Op.PRESENT and expr.window is None and expr.concept in CONCEPTS and is_cancer_diagnosis(expr.concept):
            return [expr.concept]
        return None
    if isinstance(expr, Any_):
        found: list[str] = []
        for part in expr.parts:
            got = _diagnoses(part)
            if got is None:
                return None
            found += got
        return found
    return None


def among_head(items: list[Item], head: Item, text: str, a: int, b: int) -> bool:
    """Whether the examples in ``text[a:b]`` are kinds of ``head``'s one diagnosis (see the module)."""
    heads = _diagnoses(head.expr)
    if not heads or len(heads) != 1:
        return False
    top = heads[0]
    inside = [it for it in items if it.expr is not None and a <= it.start and it.end <= b]
    if not inside:  # an inclusion's topics read a name only where a lead asks for it: the names as a list states them
        inside = [it for it in extract(" " * a + text[a:b], CriterionType.EXCLUSION) if it.expr is not None]
    if not inside:
        return False
    for it in inside:
        kinds = _diagnoses(it.expr)
        if not kinds or any(top not in ancestors(k) for k in kinds):
            return False
    words = list(blank_remarks(text))
    for it in inside:
        words[it.start: it.end] = " " * (it.end - it.start)
    rest = _MARKER.sub(" ", "".join(words[a:b]))
    return len(content_words(rest)) <= _MAX_UNREAD
