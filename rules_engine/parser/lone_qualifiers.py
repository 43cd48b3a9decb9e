"""A lone course word in a list of diseases qualifies the disease after it, never stands as a kind
of patient: "Richter's transformation, prolymphocytic leukemia, aggressive, or relapsed/refractory
B-cell chronic lymphocytic leukemia" (an aggressive CLL or a relapsed/refractory one),
"prolymphocytic leukemia, untreated, or relapsed CLL" (dx12; issue 14).

Why: ``residue._unread_alternatives`` makes an unread phrase of an "or" list one more alternative,
an unknown one. A word like "aggressive" names no patient on its own, so as an alternative of its
own it left every patient unknown for the line: an AML, a de novo DLBCL, which the list does not
take at all, was never failed (holdout T304). Its noun is the disease the list names next: the
alternative is that disease with the word a person's question beside it, so a patient without
the disease fails it and one with it stays a person's to judge.

Only a single course word, and only where a disease follows in the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rules_engine.criteria import Expr, ReviewReason
from rules_engine.parser.items import I, Item, all_of
from rules_engine.parser.safety import Alternative, Qualifier
from rules_engine.parser.widening import names_a_cancer

# the course words a list of blood cancers writes bare before its last disease
_LONE = re.compile(r"(?:aggressive|indolent|untreated|progressive|progressing|symptomatic|bulky|smou?ldering|advanced)", I)
_SENTENCE_END = re.compile(r"[.;:]")


def lone_qualifier(words: str, reason: ReviewReason, end: int, text: str, items: Sequence[Item]) -> Expr | None:
    """The alternative a lone course word ``words`` (ending at ``end``) stands for: the next
    disease of the sentence with the word beside it; None when the words are no lone course word
    or no disease follows."""
    if not _LONE.fullmatch(words.strip()):
        return None
    for it in sorted(items, key=lambda it: it.start):
        if it.start < end or it.expr is None:
            continue
        if _SENTENCE_END.search(text, end, it.start):
            return None
        if names_a_cancer(it.expr):
            return all_of([it.expr, Qualifier(reason, words.strip())])
    return None


def or_alternative(expr: Expr | None, words: str, reason: ReviewReason) -> Expr:
    """The list's alternative for unread ``words``: ``expr`` (a lone qualifier's reading) or the
    words themselves as an unknown alternative."""
    return expr if expr is not None else Alternative(reason, words)
