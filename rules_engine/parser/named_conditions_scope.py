"""A conditional line whose condition names a drug or a drug allergy: "If previously treated with
lenalidomide or bortezomib, the subject must not have progressed during the first 3 months",
"For patients receiving bicalutamide or nilutamide, at least 1 of the PSA values must be obtained
6 weeks or more after antiandrogen discontinuation", "If allergic to penicillin or cephalosporin,
must be able to take co-trimoxazole".

``conditional`` reads a condition the record holds as present ("If prior transplant, ..."); a
named drug is read as the drug's value ("named-medication is lenalidomide"), so it was no
condition there and the line fell to a plain reading that asked every patient for the drug (a
patient never given lenalidomide failed the line). The named drugs are handed back here as the
condition's items; the requirement is then asked of those patients only, and stays a person's
where it is not read.
"""

from __future__ import annotations

import re

from rules_engine.criteria import Op, iter_predicates
from rules_engine.parser.items import Item

_NAMED = frozenset({"named_medication", "drug_hypersensitivity"})


# the condition's list cut at its first comma by the condition's own pattern ("For patients previously
# treated with flutamide, nilutamide, or bicalutamide: ..."): the drugs after it are the condition's too
_LIST_GOES_ON = re.compile(r"\s*,[^,:;.]{0,60}?(?:,[^,:;.]{0,60}?){0,3}\b(?:or|and)\b[^:;.]{0,60}:")


def named_drug_items(items: list[Item], text: str = "", cond_end: int = 0) -> list[Item]:
    """The items that name a drug (or an allergy to one), when the condition names nothing else
    (one drug of three read as a class instead left the others out of the condition, and a
    patient on them met the line unasked)."""
    if _LIST_GOES_ON.match(text, cond_end):
        return []
    read = [it for it in items if any(True for _ in iter_predicates(it.expr))]
    named = [it for it in read if all(p.concept in _NAMED and p.op is Op.IS and isinstance(p.value, str) for p in iter_predicates(it.expr))]
    return named if named and len(named) == len(read) else []
