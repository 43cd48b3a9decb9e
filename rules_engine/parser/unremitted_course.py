"""A course word listed beside a relapse is a disease not in remission (dx16; issue 14).

"A diagnosis of recurrent, persistent, or progressive AML", "Relapsed, refractory or persistent
AML", "Recurrent or persistent NSCLC": each alternative is a disease that is there now. No concept
names a persistent or a progressing disease, so the word stays a person's question, but a disease
in remission on record (ICD-10-CM fifth character 1, clinicalStatus remission) is neither
persistent nor progressing. Read as a bare unknown alternative, a patient in first remission,
whom no alternative takes, was left unknown for a line that excludes him, and the trial answered
possibly eligible (holdout T165).

Only where the word stands as one alternative of a list that names the relapse or the refractory
disease itself: a relapse on record still meets the list through its own alternative, and a
remission recorded before that relapse hides nothing the list asks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rules_engine.criteria import Expr, Not, Op
from rules_engine.parser.items import I, Item, all_of, predicate

_COURSE = re.compile(r"(?:with\s+)?(?:persistent|progressive|progressing)(?:\s+disease)?", I)
_STATUS = frozenset({"relapsed", "refractory", "relapsed_or_refractory"})


def unremitted(expr: Expr, words: str, listed: Iterable[Item]) -> Expr:
    """``expr`` (the unread ``words``' alternative) for a disease not in remission, when ``words``
    are a lone course word and the list names a relapse or a refractory disease; else ``expr``."""
    if not _COURSE.fullmatch(words.strip()) or not any(it.concepts & _STATUS for it in listed):
        return expr
    return all_of([Not(predicate("remission", Op.PRESENT)), expr])
