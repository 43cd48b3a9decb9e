"""A blood count's exception for the marrow the disease reaches: "ANC > 1,500/uL unless due to
direct bone marrow involvement of disease", "platelet count >= 75,000 (unless decrease is due to
bone marrow involvement of CLL)", "(unless due to lymphoma involvement of the bone marrow)", "unless
cytopenia is due to marrow involvement of CLL" (issue 14; about 12 corpus lines).

No topic read the cause, so the exception was a person's whole: a patient whose record codes the
marrow involvement (C79.52, ``bone_marrow_involvement``) stayed unknown below the count the line
waives for him, and every other patient below it too. The words name the same patients as a
count's second bound scoped to the marrow ("(> 50 x 10^9/L if bone marrow is involved)"), which
``lab_scopes`` reads: the coded involvement, or for a leukaemia, MDS, myeloma or MPN (which live in
the marrow) a person's word on whether it is the involvement the line means. Read so here: the
count or the involvement on record meets the line; a marrow cancer below the count stays unknown;
any other record is held to the count, as with every other named cause an exception reads
(``items.NAMED_CAUSES``: absent means absent).

Only where the cause names the marrow ("disease involvement" alone may be the spleen's) and every
value the cause concerns is a blood count (``widening.EXCEPTION_SUBJECTS``); causes beside it that
no reader names stay a person's alternative (``lab_scopes.either_scope``). A bilirubin or a
creatinine "unless due to leukemia" is left as it was.
"""

from __future__ import annotations

from rules_engine.criteria import Expr, Not, iter_predicates
from rules_engine.parser.topics.lab_scopes import scope_condition
from rules_engine.parser.widening import cause_values

_COUNTS = frozenset({"anc", "platelets", "hemoglobin", "wbc"})
# (the scope readers tell a count from other labs by its concept; any count reads the marrow alike)
_A_COUNT = "platelets"
_LONGEST = 200


def marrow_cause(body: str) -> Expr | None:
    """What the record must hold for a count's exception ``body`` (its "unless" taken off: "due to
    bone marrow involvement of CLL") to hold, or None where it names no marrow involvement."""
    words = " ".join(body.split()).strip(" ,;:.()[]")
    if not words or len(words) > _LONGEST:
        return None
    raised = cause_values(words)
    if not raised or not raised <= _COUNTS:
        return None
    scope = scope_condition(words, _A_COUNT)
    if scope is None or isinstance(scope, Not):
        return None
    if not any(p.concept == "bone_marrow_involvement" for p in iter_predicates(scope)):
        return None
    return scope
